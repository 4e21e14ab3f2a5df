package cn.bipin.incentive;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.delivery.DeliveryService;
import cn.bipin.delivery.OutgoingMail;
import cn.bipin.run.Publication;
import cn.bipin.run.Run;
import cn.bipin.run.RunContext;
import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.run.Commands;
import cn.bipin.run.RunKind;

/** The four things an incentive run does, each called by one step of {@code incentiveJob} with the run it is in. */
@Service
public class IncentiveService {

    private static final Logger log = LoggerFactory.getLogger(IncentiveService.class);

    private final IncentiveStore store;
    private final IncentiveIngest ingest;
    private final IncentiveEvaluator evaluator;
    private final IncentiveList list;
    private final DeliveryService delivery;
    private final RunRepository runs;

    IncentiveService(IncentiveStore store, IncentiveIngest ingest, IncentiveEvaluator evaluator, IncentiveList list,
            DeliveryService delivery, RunRepository runs) {
        this.store = store;
        this.ingest = ingest;
        this.evaluator = evaluator;
        this.list = list;
        this.delivery = delivery;
        this.runs = runs;
    }

    /**
     * Why a quarterly or annual run makes no incentive list this time: the scheme has no {@code incentives:} section,
     * or no data file has arrived for the period yet (the finance bureau gets no empty list, and the first real list
     * is still 第1版). The explicit {@code incentives run} command always runs.
     */
    Optional<String> skipReason(Scheme scheme, Period period) {
        if (!IncentiveConfig.configured(scheme)) {
            return Optional.of("方案 " + scheme.id() + " 没有企业奖励配置，跳过奖励清单");
        }
        if (!ingest.anyReceived(scheme.id(), period.code())) {
            return Optional.of("企业奖励：" + period.code() + " 尚未收到任何数据文件（收件箱 "
                    + ingest.inboxDir(scheme.id(), period.code()) + "），本次不生成奖励清单、不发邮件；收到数据后运行 "
                    + Commands.run(RunKind.INCENTIVE, scheme.id(), period));
        }
        return Optional.empty();
    }

    void ingest(RunContext context) {
        Run run = context.run();
        ingest.ingest(run.scheme(), run.period().code(), run.id());
        runs.recordIngest(run.id(), store.counts(run.id()));
    }

    void evaluate(RunContext context) {
        Run run = context.run();
        evaluator.evaluate(run.scheme(), IncentiveConfig.load(context.scheme()), run.period(), run.id());
    }

    void list(RunContext context) {
        Run run = context.run();
        Scheme scheme = context.scheme();
        IncentiveConfig config = IncentiveConfig.load(scheme);
        Set<Entity> needed = config.entitiesFor(run.period().cycle() == Cycle.QUARTERLY);
        List<String> have = store.entitiesWithData(run.scheme(), run.period().code());
        List<String> missing = new ArrayList<>();
        for (Entity e : needed) {
            if (!have.contains(e.key)) {
                missing.add(e.label + "数据：本期未收到（收件箱 " + ingest.inboxDir(run.scheme(), run.period().code())
                        + "），相关规则无奖励");
            }
        }
        list.write(scheme, config, run, missing, changes(run));
    }

    /** What changed against the revision before, if there is one. */
    private Optional<IncentiveChanges> changes(Run run) {
        return runs.previousCompletedRevision(run).map(previous -> IncentiveChanges.between(previous.revision(),
                store.lines(previous.id()), store.lines(run.id())));
    }

    void mail(RunContext context) {
        Run run = context.run();
        Optional<IncentiveChanges> changes = changes(run);
        boolean correction = changes.isPresent() && !changes.get().none();
        if (!context.mail()) {
            log.info("企业奖励运行 #{}：按要求不发送邮件（预览；核实后可用 {} 发出）", run.id(), Commands.release(run.id()));
            runs.recordPublication(run.id(), Publication.PREVIEW, correction);
            return;
        }
        if (changes.isPresent() && changes.get().none() && !context.force()) {
            log.info("企业奖励运行 #{}：清单与第{}版相同，不发送邮件（如需重发请加 --force）", run.id(),
                    changes.get().previousRevision());
            runs.recordPublication(run.id(), Publication.UNCHANGED, false);
            return;
        }
        Scheme scheme = context.scheme();
        IncentiveConfig config = IncentiveConfig.load(scheme);
        IncentiveList.Files4 files = list.files(scheme, run);
        AwardTotals totals = store.totals(run.id());
        String title = IncentiveList.title(scheme, run.period());
        String body = "各位领导：\n\n附件为《" + title + "》（第" + run.revision() + "版），共 " + totals.awardLines() + " 项奖励，合计 "
                + Money.format(totals.awardTotal()) + " 元。每项奖励的规则、触发数据、计算过程和上限见清单各表；"
                + "Excel 版与 PDF 内容相同。"
                + (correction ? "\n\n本版为更正版，" + changes.get().summary() + "，更正内容见清单首页“更正说明”，请以本版为准。" : "")
                + "\n\n" + scheme.policy().signature();
        delivery.deliverOnce(new OutgoingMail(run.id(), (correction ? "【更正】" : "") + title
                + (run.revision() > 1 ? "（第" + run.revision() + "版）" : ""),
                body, List.of(files.pdf(), files.xlsx()), config.recipients()));
        runs.recordPublication(run.id(), Publication.MAILED, correction);
    }

    /** Whether the scheme has an {@code incentives:} section, i.e. its quarterly and annual runs include the list. */
    public boolean configured(Scheme scheme) {
        return IncentiveConfig.configured(scheme);
    }

    /** What a run granted: award lines and their sum. */
    public AwardTotals totals(Run run) {
        return store.totals(run.id());
    }

    /** The files a run's list step wrote (or will write). */
    public IncentiveList.Files4 files(Run run, Scheme scheme) {
        return list.files(scheme, run);
    }

    /** Whole files the run refused, with why. */
    public List<String> rejectedFiles(Run run) {
        return store.files(run.scheme(), run.period().code()).stream()
                .filter(f -> ((Number) f.get("run_id")).longValue() == run.id() && "REJECTED".equals(f.get("status")))
                .map(f -> String.valueOf(f.get("error"))).toList();
    }

    /** Where a run's list (PDF) is. */
    public Path pdf(Run run, Scheme scheme) {
        return list.files(scheme, run).pdf();
    }
}
