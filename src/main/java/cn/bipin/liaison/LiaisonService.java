package cn.bipin.liaison;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.delivery.DeliveryService;
import cn.bipin.delivery.OutgoingMail;
import cn.bipin.run.Commands;
import cn.bipin.run.Publication;
import cn.bipin.run.Run;
import cn.bipin.run.RunContext;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Recipient;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/** The four things a liaison run does, each called by one step of {@code liaisonJob} with the run it is in. */
@Service
public class LiaisonService {

    private static final Logger log = LoggerFactory.getLogger(LiaisonService.class);

    private final LiaisonStore store;
    private final LiaisonIngest ingest;
    private final LiaisonBulletin bulletin;
    private final DeliveryService delivery;
    private final RunRepository runs;

    LiaisonService(LiaisonStore store, LiaisonIngest ingest, LiaisonBulletin bulletin, DeliveryService delivery,
                   RunRepository runs) {
        this.store = store;
        this.ingest = ingest;
        this.bulletin = bulletin;
        this.delivery = delivery;
        this.runs = runs;
    }

    void ingest(RunContext context) {
        Run run = context.run();
        ingest.ingest(context.scheme(), run.id());
        runs.recordIngest(run.id(), store.counts(run.id()));
    }

    /** The ledger as it stands (newest version of every record). */
    Ledger ledger(String scheme) {
        return Ledger.of(store.latest(scheme, LiaisonKind.ASSIGNMENT.key), store.latest(scheme, LiaisonKind.VISIT.key),
                store.latest(scheme, LiaisonKind.PROBLEM.key));
    }

    /** A month's figures from the ledger as it stands. */
    LiaisonFigures.Month month(Scheme scheme, YearMonth month) {
        return LiaisonFigures.compute(ledger(scheme.id()), scheme.units().stream().map(Unit::code).toList(), month,
                LiaisonConfig.load(scheme));
    }

    void figures(RunContext context) {
        Run run = context.run();
        LiaisonFigures.Month month = month(context.scheme(), run.period().lastMonth());
        store.clearFigures(run.id());
        store.insertFigures(run.id(), month.units());
    }

    void bulletin(RunContext context) {
        Run run = context.run();
        Scheme scheme = context.scheme();
        Ledger ledger = ledger(scheme.id());
        LiaisonFigures.Month month = LiaisonFigures.compute(ledger, scheme.units().stream().map(Unit::code).toList(),
                run.period().lastMonth(), LiaisonConfig.load(scheme));
        bulletin.write(scheme, run, month, changes(run, scheme), store.rejections(run.id()),
                rejectedByUnit(scheme, ledger, run.id()));
    }

    /**
     * The rows a run refused, by the unit they concern: an assignment row's 责任单位, a visit's or problem's
     * assignment's unit; a row whose unit cannot be told (no such unit, no such assignment) is in the district's
     * rejection list only.
     */
    Map<String, List<String>> rejectedByUnit(Scheme scheme, Ledger ledger, long runId) {
        Map<String, String> unitOf = new java.util.HashMap<>();
        ledger.assignments().forEach(a -> unitOf.put(a.id(), a.unitCode()));
        Map<String, List<String>> byUnit = new java.util.HashMap<>();
        for (LiaisonStore.RejectedRow r : store.rejectedRows(runId)) {
            LiaisonKind kind = LiaisonKind.fromKey(r.kind());
            String[] cells = LiaisonRows.split(r.raw(), kind.fields.size());
            String unit;
            if (kind == LiaisonKind.ASSIGNMENT) {
                String typed = cn.bipin.inbox.ValueParser.normalise(cells[kind.index("unit")]);
                unit = scheme.units().stream().filter(u -> u.code().equalsIgnoreCase(typed) || u.name().equals(typed))
                        .map(Unit::code).findFirst().orElse(null);
            } else {
                unit = unitOf.get(cn.bipin.inbox.ValueParser.normalise(cells[kind.index("assignment_id")]));
            }
            if (unit != null) {
                byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(r.reason());
            }
        }
        return byUnit;
    }

    /** What changed against the previous completed revision of the period; empty when none or no change. */
    List<String> changes(Run run, Scheme scheme) {
        return runs.previousCompletedRevision(run).map(previous -> LiaisonBulletin.changes(scheme, previous.revision(),
                store.figures(previous.id()), store.figures(run.id()))).orElse(List.of());
    }

    void mail(RunContext context) {
        Run run = context.run();
        Scheme scheme = context.scheme();
        List<String> changes = changes(run, scheme);
        boolean correction = !changes.isEmpty();
        if (!context.mail()) {
            log.info("包联走访运行 #{}：按要求不发送邮件（预览；核实后可用 {} 发出）", run.id(), Commands.release(run.id()));
            runs.recordPublication(run.id(), Publication.PREVIEW, correction);
            return;
        }
        if (runs.previousCompletedRevision(run).isPresent() && !correction && !context.force()) {
            log.info("包联走访运行 #{}：数字与上一版相同，不发送邮件（如需重发请加 --force）", run.id());
            runs.recordPublication(run.id(), Publication.UNCHANGED, false);
            return;
        }
        LiaisonConfig config = LiaisonConfig.load(scheme);
        LiaisonBulletin.Files files = bulletin.files(scheme, run);
        Map<String, LiaisonFigures.UnitFigures> figures = store.figures(run.id());
        String title = LiaisonBulletin.title(scheme, run.period());
        String prefix = correction ? "【更正】" : "";
        String suffix = run.revision() > 1 ? "（第" + run.revision() + "版）" : "";
        String note = correction ? "\n\n本版为更正版：单位报送了更正记录，数字有变化，更正内容见通报首页“更正说明”，请以本版为准。" : "";
        delivery.deliverOnce(new OutgoingMail(run.id(), prefix + title + suffix,
                "各位领导：\n\n附件为《" + title + "》（第" + run.revision() + "版），含各单位包联对象、走访次数、走访覆盖率，"
                        + "问题提出、办结、未办结和逾期情况，本月未走访的包联对象和逾期未办结问题清单；Excel 版与 PDF 内容相同。"
                        + note + "\n\n" + scheme.policy().signature(),
                List.of(files.pdf(), files.xlsx()), config.recipients()));
        // a later revision goes to the units whose figures changed (all of them when forced): the others' lists say
        // what they said before
        Map<String, LiaisonFigures.UnitFigures> previous = runs.previousCompletedRevision(run)
                .filter(p -> !context.force()).map(p -> store.figures(p.id())).orElse(null);
        List<String> withoutAddress = new ArrayList<>();
        for (Unit unit : scheme.units()) {
            String code = unit.code();
            if (!figures.containsKey(code) || (previous != null && figures.get(code).equals(previous.get(code)))) {
                continue;
            }
            if (unit.emails().isEmpty()) {
                withoutAddress.add(unit.name());
                continue;
            }
            LiaisonFigures.UnitFigures f = figures.get(code);
            LiaisonBulletin.UnitFiles own = bulletin.unitFiles(scheme, run, unit);
            List<Recipient> to = unit.emails().stream().map(e -> new Recipient(unit.name(), e)).toList();
            delivery.deliverOnce(new OutgoingMail(run.id(), prefix + unit.name() + run.period().label() + "包联走访清单" + suffix,
                    unit.name() + "：\n\n附件为贵单位" + run.period().label() + "包联走访清单（第" + run.revision() + "版）：包联对象 "
                            + f.assignments() + " 个，本月已走访 " + f.visited() + " 个（走访覆盖率 "
                            + LiaisonBulletin.percent(f.coverageRate()) + "），未办结问题 " + f.open() + " 个，其中逾期 "
                            + f.overdue() + " 个。清单列出本月未走访的包联对象和逾期未办结的问题，请抓紧走访、办结销号。"
                            + "如有记录有误，请在台账中更正后重新报送（同一编号以最后报送的为准）。" + note + "\n\n"
                            + scheme.policy().signature(),
                    List.of(own.pdf(), own.xlsx()), to));
        }
        if (!withoutAddress.isEmpty()) {
            log.info("包联走访运行 #{}：以下单位在方案文件中没有邮箱（units 的 emails），未单独发送清单：{}", run.id(),
                    String.join("、", withoutAddress));
        }
        runs.recordPublication(run.id(), Publication.MAILED, correction);
    }

    /** A run's figures, unit code → figures (for the terminal and the tests). */
    public Map<String, LiaisonFigures.UnitFigures> figures(Run run) {
        return store.figures(run.id());
    }

    /** Where a run's bulletin PDF is. */
    public java.nio.file.Path pdf(Run run, Scheme scheme) {
        return bulletin.files(scheme, run).pdf();
    }

    /** The district bulletin's files: pdf, xlsx, csv, rejections. */
    public List<java.nio.file.Path> files(Run run, Scheme scheme) {
        LiaisonBulletin.Files f = bulletin.files(scheme, run);
        return List.of(f.pdf(), f.xlsx(), f.csv(), f.rejections());
    }

    /** What the run refused, as lines for the terminal. */
    public List<String> rejections(Run run) {
        return store.rejections(run.id()).stream().map(r -> r.rowNo() == 0 ? "整个文件退回：" + r.reason() : r.reason()).toList();
    }

    public java.nio.file.Path inboxDir(String scheme) {
        return ingest.inboxDir(scheme);
    }
}
