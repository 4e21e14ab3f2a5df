package cn.bipin.appeal;

import java.lang.ref.SoftReference;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.bipin.calendar.CalendarRepository;
import cn.bipin.results.LedgerFigures;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * The appeals ledger's figures and lists of a period, computed from the latest version of every case in one pass
 * (DOMAIN §6.1), and offered to scoring as the derived figures a scheme maps onto its dimensions.
 */
@Service
public class AppealService implements LedgerFigures {

    private final AppealLedger ledger;
    private final CalendarRepository calendars;

    AppealService(AppealLedger ledger, CalendarRepository calendars) {
        this.ledger = ledger;
        this.calendars = calendars;
    }

    /** The first instant after the period's last day: figures are as of then. */
    public static LocalDateTime end(Period period) {
        return period.lastMonth().plusMonths(1).atDay(1).atStartOfDay();
    }

    /** The period's figures and lists; a scheme without an appeals ledger has none (empty result). */
    public AppealFigures.Result report(Scheme scheme, Period period) {
        AppealRules rules = AppealRules.of(scheme);
        AppealFigures figures = new AppealFigures(rules, calendars.calendar(), scheme.year(), end(period),
                scheme.units().stream().map(Unit::code).toList());
        latestCases(scheme).forEach(figures::add);
        return figures.result();
    }

    /**
     * The latest version of every case, read once and kept (softly) while the ledger stays as it is: a quarterly run
     * asks for its quarter, the quarter before, the bulletin and the feedback, and a big ledger is read once for all.
     */
    private List<AppealCase> latestCases(Scheme scheme) {
        String key = scheme.id() + "|" + scheme.year() + "|" + ledger.fingerprint(scheme.id(), scheme.year());
        Cached cached = cache == null ? null : cache.get();
        if (cached != null && cached.key().equals(key)) {
            return cached.cases();
        }
        List<AppealCase> cases = new ArrayList<>();
        ledger.latestCases(scheme.id(), scheme.year(), cases::add);
        cache = new SoftReference<>(new Cached(key, List.copyOf(cases)));
        return cases;
    }

    private record Cached(String key, List<AppealCase> cases) {
    }

    private volatile SoftReference<Cached> cache;

    @Override
    public Map<String, Map<String, BigDecimal>> figures(Scheme scheme, Period period) {
        if (!AppealRules.configured(scheme) || period.year() != scheme.year()) {
            return Map.of();
        }
        return figures(report(scheme, period));
    }

    @Override
    public String changeSource(Scheme scheme, Period period, String figure, String unitCode, long previousRunId,
            long runId) {
        if (!AppealRules.configured(scheme) || period.year() != scheme.year() || !figure.startsWith("appeals_")) {
            return "";
        }
        List<AppealLedger.FileVersion> read = ledger.versionsReadBetween(scheme.id(), scheme.year(), previousRunId, runId);
        if (read.isEmpty()) {
            return "";
        }
        String cases = new AppealChanges(AppealRules.of(scheme), calendars.calendar(), scheme.year(), end(period))
                .describe(figure, unitCode, read, id -> ledger.latestReadBy(scheme.id(), scheme.year(), id, previousRunId));
        return cases.isEmpty() ? "" : AppealRules.of(scheme).title() + " " + cases;
    }

    /** Figure name → unit → value, as {@link LedgerFigures} gives them to scoring. */
    static Map<String, Map<String, BigDecimal>> figures(AppealFigures.Result result) {
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        for (AppealFigures.UnitFigures u : result.units().values()) {
            put(out, "appeals_collected", u.unitCode(), BigDecimal.valueOf(u.collected()));
            put(out, "appeals_studied", u.unitCode(), BigDecimal.valueOf(u.studied()));
            put(out, "appeals_resolved", u.unitCode(), BigDecimal.valueOf(u.resolved()));
            put(out, "appeals_resolved_unit", u.unitCode(), BigDecimal.valueOf(u.resolvedUnit()));
            put(out, "appeals_resolved_taskforce", u.unitCode(), BigDecimal.valueOf(u.resolvedTaskforce()));
            put(out, "appeals_resolved_meeting", u.unitCode(), BigDecimal.valueOf(u.resolvedMeeting()));
            put(out, "appeals_on_time_rate", u.unitCode(), u.onTimeRate());
            put(out, "appeals_satisfaction", u.unitCode(), u.satisfaction());
        }
        return out;
    }

    private static void put(Map<String, Map<String, BigDecimal>> out, String figure, String unit, BigDecimal value) {
        Map<String, BigDecimal> m = out.computeIfAbsent(figure, k -> new HashMap<>());
        if (value != null) {
            m.put(unit, value);
        }
    }
}
