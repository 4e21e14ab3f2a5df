package cn.bipin.incentive;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.delivery.DeliveryRecord;
import cn.bipin.delivery.DeliveryService;
import cn.bipin.delivery.OutgoingMail;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;

/**
 * The four things an incentive run does, each called by one step of {@code incentiveJob} (or in a row by
 * {@link #runInline}, for a step appended to another job). Each reads the run's row, so a step needs only its id.
 */
@Service
public class IncentiveTasks {

    private static final Logger log = LoggerFactory.getLogger(IncentiveTasks.class);

    private final IncentiveStore store;
    private final IncentiveIngest ingest;
    private final IncentiveEvaluator evaluator;
    private final IncentiveList list;
    private final SchemeRepository schemes;
    private final DeliveryService delivery;

    IncentiveTasks(IncentiveStore store, IncentiveIngest ingest, IncentiveEvaluator evaluator, IncentiveList list,
                   SchemeRepository schemes, DeliveryService delivery) {
        this.store = store;
        this.ingest = ingest;
        this.evaluator = evaluator;
        this.list = list;
        this.schemes = schemes;
        this.delivery = delivery;
    }

    void ingest(long runId) {
        IncentiveRun run = store.run(runId);
        ingest.ingest(run.scheme(), run.period(), runId);
    }

    void evaluate(long runId) {
        IncentiveRun run = store.run(runId);
        Scheme scheme = schemes.load(run.scheme());
        evaluator.evaluate(run.scheme(), IncentiveConfig.load(scheme), Period.parse(run.period()), runId);
    }

    IncentiveList.Files4 list(long runId) {
        IncentiveRun run = store.run(runId);
        Scheme scheme = schemes.load(run.scheme());
        IncentiveConfig config = IncentiveConfig.load(scheme);
        Period period = Period.parse(run.period());
        Set<Entity> needed = config.entitiesFor(period.cycle() == Cycle.QUARTERLY);
        List<String> have = store.entitiesWithData(run.scheme(), run.period());
        List<String> missing = new ArrayList<>();
        for (Entity e : needed) {
            if (!have.contains(e.key)) {
                missing.add(e.label + "数据：本期未收到（收件箱 " + ingest.inboxDir(run.scheme(), run.period()) + "），相关规则无奖励");
            }
        }
        return list.write(scheme, config, run, missing);
    }

    List<DeliveryRecord> mail(long runId, boolean mail) {
        if (!mail) {
            return List.of();
        }
        IncentiveRun run = store.run(runId);
        Scheme scheme = schemes.load(run.scheme());
        IncentiveConfig config = IncentiveConfig.load(scheme);
        Period period = Period.parse(run.period());
        IncentiveList.Files4 files = files(runId);
        String title = IncentiveList.title(scheme, period);
        String body = "各位领导：\n\n附件为《" + title + "》（第" + run.revision() + "版），共 " + run.awardLines() + " 项奖励，合计 "
                + Money.format(run.awardTotal()) + " 元。每项奖励的规则、触发数据、计算过程和上限见清单各表；"
                + "Excel 版与 PDF 内容相同。\n\n比拼专班办公室";
        return delivery.deliver(new OutgoingMail(null, title + (run.revision() > 1 ? "（第" + run.revision() + "版）" : ""),
                body, List.of(files.pdf(), files.xlsx()), config.recipients()));
    }

    /** Whether the scheme has an {@code incentives:} section, i.e. its quarterly and annual runs include the list. */
    public boolean configured(String scheme) {
        return IncentiveConfig.configured(schemes.load(scheme));
    }

    /** The incentive list a unit-scoring run that started at {@code since} made, if it made one. */
    public Optional<IncentiveRun> madeSince(String scheme, String period, LocalDateTime since) {
        return store.latestRunSince(scheme, period, since);
    }

    /** The latest incentive runs, newest first. */
    public List<IncentiveRun> recent(int limit) {
        return store.recentRuns(limit);
    }

    /** Where a run's incentive list (PDF) is. */
    public Path pdf(IncentiveRun run) {
        return files(run.id()).pdf();
    }

    /** The files a completed list step wrote for the run. */
    public IncentiveList.Files4 files(long runId) {
        IncentiveRun run = store.run(runId);
        return list.files(schemes.load(run.scheme()), run);
    }

    /**
     * As {@link #runInline}, for the unit-scoring runs that include the incentive list: a scheme without an
     * {@code incentives:} section has no list, and a period for which no data file has arrived yet gets none either
     * (the finance bureau gets no empty list, and the first real list is still 第1版); the step then does nothing.
     * The explicit {@code incentives run} command always runs.
     *
     * @return the finished run, or null when skipped
     */
    public IncentiveRun runIfConfigured(String scheme, String period, boolean mail) {
        if (!IncentiveConfig.configured(schemes.load(scheme))) {
            log.info("方案 {} 没有企业奖励配置，跳过奖励清单", scheme);
            return null;
        }
        if (!ingest.anyReceived(scheme, period)) {
            log.warn("企业奖励：{} 尚未收到任何数据文件（收件箱 {}），本次不生成奖励清单、不发邮件；收到数据后运行 "
                    + "make incentives SCHEME={} PERIOD={}", period, ingest.inboxDir(scheme, period), scheme, period);
            return null;
        }
        return runInline(scheme, period, mail);
    }

    /**
     * A whole incentive run without a job of its own: for a step appended to another job (the quarterly job's
     * {@code incentiveStep}). Creates the next revision and runs ingest → evaluate → list → mail.
     */
    public IncentiveRun runInline(String scheme, String period, boolean mail) {
        IncentiveRun run = store.createRun(scheme, period);
        try {
            ingest(run.id());
            evaluate(run.id());
            list(run.id());
            mail(run.id(), mail);
            store.finishRun(run.id(), "COMPLETED", null);
        } catch (RuntimeException e) {
            store.finishRun(run.id(), "FAILED", e.getMessage());
            throw e;
        }
        return store.run(run.id());
    }
}
