package cn.bipin.submission;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.LedgerDimensions;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;
import cn.bipin.inbox.InboxFiles;
import cn.bipin.inbox.ValueParser;
import cn.bipin.inbox.ParsedValue;

/**
 * Checks one received row against the scheme and the run's period. Never drops a row: a row that fails a check
 * comes out rejected, with a reason in Chinese that names file, row, column and value, for the unit's clerk.
 */
class SubmissionValidator implements ItemProcessor<InboxItem, SubmissionRecord> {

    private final Scheme scheme;
    private final Period period;
    /** file id → "unit|dimension" → first row number, to reject repeated rows within one file. */
    private final Map<Long, Map<String, Integer>> seen = new HashMap<>();
    /** "unit|dimension" → the first file that gave it an accepted value, this run's files included (D21). */
    private final Map<String, Long> firstValueFile;

    /** The scheme's look-ups, built once per run so that a row costs a few hash look-ups whatever the scheme's size. */
    private final Map<String, Unit> units = new HashMap<>();
    private final Map<String, Dimension> dimensions = new HashMap<>();
    private final Map<String, Competition> competitionOfDimension = new HashMap<>();
    private final Map<Competition, Set<String>> participants = new IdentityHashMap<>();
    /** Dimension code → ledger figure, for the dimensions a ledger supplies (DOMAIN §6): units do not report them. */
    private final Map<String, String> ledgerDimensions;

    SubmissionValidator(Scheme scheme, Period period, Map<String, Long> firstValueFile) {
        this.scheme = scheme;
        this.period = period;
        this.firstValueFile = new HashMap<>(firstValueFile);
        this.ledgerDimensions = scheme.ledgerDimensions();
        // first one wins, as Scheme.unit/dimension/competitionOf find them
        scheme.units().forEach(u -> units.putIfAbsent(u.code(), u));
        for (Competition c : scheme.competitions()) {
            participants.put(c, Set.copyOf(c.participants()));
            for (Dimension d : c.dimensions()) {
                if (dimensions.putIfAbsent(d.code(), d) == null) {
                    competitionOfDimension.put(d.code(), c);
                }
            }
        }
    }

    @Override
    public SubmissionRecord process(InboxItem item) {
        RawRow row = item.row();
        if (row.problem() != null) {
            Dimension named = dimensions.get(nullToEmpty(row.dimensionCode()));
            return rejected(item, where(item) + (named == null ? "" : " " + named.name()) + "：" + row.problem());
        }
        Unit exact = row.unitCode() == null ? null : units.get(row.unitCode().trim());
        UnitMatch match = exact != null ? new UnitMatch(exact, null, null) : UnitMatch.of(scheme, row.unitCode());
        Unit unit = match.unit();
        if (unit == null) {
            return rejected(item, where(item) + "：单位代码 '" + InboxFiles.printable(nullToEmpty(row.unitCode())) + "' 不在方案 "
                    + scheme.id() + " 的单位名单中" + (match.suggestion() == null ? ""
                            : "，是否为 " + match.suggestion().code() + "（" + match.suggestion().name() + "）？"));
        }
        if (!period.code().equals(row.period()) && !period.code().equals(normalisePeriod(row.period()))) {
            return rejected(item, where(item) + "：报送期间 '" + nullToEmpty(row.period()) + "' 与本次运行的期间 " + period.code()
                    + "（" + period.label() + "）不符，请使用本期模板");
        }
        Dimension dimension = dimensions.get(nullToEmpty(row.dimensionCode()));
        if (dimension == null) {
            return rejected(item, where(item) + "：指标代码 '" + nullToEmpty(row.dimensionCode()) + "' 不在方案中");
        }
        Competition competition = competitionOfDimension.get(dimension.code());
        if (!participants.get(competition).contains(unit.code())) {
            return rejected(item, label(item, dimension) + "：" + unit.name() + " 不参加" + competition.name() + "，无需报送此指标");
        }
        if (!scheme.scoredFromValues(competition, period.cycle())) {
            return rejected(item, label(item, dimension) + "：属于" + competition.cycle().label() + "比拼，不在" + period.cycle().label()
                    + "报送中填报");
        }
        String figure = ledgerDimensions.get(dimension.code());
        if (figure != null) {
            return rejected(item, label(item, dimension) + "：此指标由" + LedgerDimensions.ledgerName(figure)
                    + "按登记的记录计算，不再由单位填报，填报值未采用；请在" + LedgerDimensions.ledgerName(figure) + "中登记或更正");
        }
        String key = unit.code() + "|" + dimension.code();
        Long valueFile = firstValueFile.get(key);
        if (blank(row) && valueFile != null && valueFile < item.fileId()) {
            // D21: in a correction file an empty cell leaves the value already received as it is
            return new SubmissionRecord(item.fileId(), row.rowNumber(), row.sheet(), row.column(), unit.code(),
                    period.code(), dimension.code(), row.rawValue(), row.note(), null, SubmissionRecord.Status.UNCHANGED,
                    null, match.note());
        }
        ParsedValue parsed = ValueParser.parse(row.rawValue(), row.numericValue(), row.percentFormatted(), dimension);
        if (!parsed.ok()) {
            return rejected(item, label(item, dimension) + "：" + parsed.error());
        }
        Integer first = seen.computeIfAbsent(item.fileId(), id -> new HashMap<>()).putIfAbsent(key, row.rowNumber());
        if (first != null) {
            return rejected(item, label(item, dimension) + "：与第" + first + "行重复（同一文件中同一指标只能填报一次；更正请另交新文件）");
        }
        firstValueFile.putIfAbsent(key, item.fileId());
        return new SubmissionRecord(item.fileId(), row.rowNumber(), row.sheet(), row.column(), unit.code(),
                period.code(), dimension.code(), row.rawValue(), row.note(), parsed.value(),
                SubmissionRecord.Status.ACCEPTED, null, match.note());
    }

    /** Where a row is, for the clerk: file, row and column (made only for a row that is sent back). */
    private static String where(InboxItem item) {
        RawRow row = item.row();
        return "文件 " + InboxFiles.printable(item.fileName()) + " 第" + row.rowNumber() + "行"
                + (row.column() == null ? "" : " " + row.column() + "列");
    }

    private static String label(InboxItem item, Dimension dimension) {
        return where(item) + " " + dimension.name();
    }

    private SubmissionRecord rejected(InboxItem item, String reason) {
        RawRow row = item.row();
        return new SubmissionRecord(item.fileId(), row.rowNumber(), row.sheet(), row.column(), row.unitCode(),
                row.period(), row.dimensionCode(), row.rawValue(), row.note(), null, SubmissionRecord.Status.REJECTED,
                reason, null);
    }

    private static boolean blank(RawRow row) {
        return row.numericValue() == null && (row.rawValue() == null || row.rawValue().isBlank());
    }

    private static String normalisePeriod(String text) {
        try {
            return Period.parse(text).code();
        } catch (IllegalArgumentException e) {
            return nullToEmpty(text);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
