package cn.bipin.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;

/**
 * Starts any kind of run for a period as its next revision, and restarts a failed one. The scheme file is loaded and
 * the request checked first, so a bad file or a wrong period stops before anything is read or written.
 */
@Service
public class RunLauncher {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final SchemeRepository schemes;
    private final RunRepository runs;
    private final RunDefinitions definitions;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final RunLocks locks;
    private final Heartbeat heartbeat;
    private final RunFolders folders;
    private final List<DiskCheck> diskChecks;

    RunLauncher(SchemeRepository schemes, RunRepository runs, RunDefinitions definitions, JobOperator jobOperator,
            JobRepository jobRepository, RunLocks locks, Heartbeat heartbeat, RunFolders folders,
            List<DiskCheck> diskChecks) {
        this.diskChecks = diskChecks;
        this.schemes = schemes;
        this.runs = runs;
        this.definitions = definitions;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.locks = locks;
        this.heartbeat = heartbeat;
        this.folders = folders;
    }

    /** A scoring run of the period's cycle, mailed. */
    public Run launch(String schemeId, Period period, boolean mail) {
        return launch(RunKind.SCORE, schemeId, period, mail, false);
    }

    /**
     * Runs the period as the next revision of its kind. {@code force} mails the result even when it equals the
     * revision before (otherwise such a re-run is not mailed).
     *
     * @throws RunRequestException (Chinese message) when the request cannot run as asked; nothing is recorded then
     */
    public Run launch(RunKind kind, String schemeId, Period period, boolean mail, boolean force) {
        Scheme scheme = schemes.load(schemeId);
        RunDefinition definition = definitions.find(kind, period.cycle()).orElseThrow(() -> new RunRequestException(
                kind.label() + "不按" + period.cycle().label() + "运行：" + period.code()));
        definition.check().check(scheme, period);
        checkDisk();
        locks.acquire(kind, scheme.id(), period);
        try {
            Run run = runs.create(kind, scheme.id(), period, null, folders.of(definition, scheme.id(), period));
            locks.attach(kind, scheme.id(), period, run.id());
            if (published(Path.of(run.outputDir()))) {
                runs.finish(run.id(), RunStatus.FAILED, "版本文件夹已存在，未覆盖");
                throw new RunRequestException("版本文件夹 " + Path.of(run.outputDir()).toAbsolutePath()
                        + " 已存在且不为空，不覆盖已发布的版本；本次未运行。数据库可能不是最新的，见 README「备份与恢复」");
            }
            log.info("开始{}运行 #{}：{} {} 第{}版", kind == RunKind.SCORE ? "" : kind.label(), run.id(), scheme.id(),
                    period.code(), run.revision());
            try (AutoCloseable beating = heartbeat.start(run.id())) {
                jobOperator.start(definition.job(), RunParameters.of(run, mail, force));
            } catch (Exception e) {
                failed(run.id(), e, "无法启动");
            } catch (Error e) {
                failBeforeDying(run.id(), e);
                throw e;
            }
            return runs.find(run.id()).orElseThrow();
        } finally {
            releaseQuietly(kind, scheme.id(), period);
        }
    }

    /**
     * Refuses to run on a database that disagrees with the disk (restored from an old copy, truncated, new): it would
     * number runs again, overwrite published folders and mail leaders again.
     */
    private void checkDisk() {
        List<String> disagreements = diskChecks.stream().flatMap(c -> c.disagreements().stream()).toList();
        if (!disagreements.isEmpty()) {
            throw new RunRequestException("数据库与磁盘上的记录不一致，本次未运行（数据库可能已损坏、被截断或换成了旧的副本）：\n  "
                    + String.join("\n  ", disagreements.subList(0, Math.min(5, disagreements.size())))
                    + "\n请从备份恢复数据库（见 README「备份与恢复」）；确认这些文件无用时，把它们移出后再运行。");
        }
    }

    private static boolean published(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.findAny().isPresent();
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Marks the run failed; when the database itself is what failed (gone, full), says so in one line instead: the run
     * stays STARTED in the database, and the next start finds its process dead and marks it failed.
     */
    private void failed(long runId, Exception e, String what) {
        Optional<String> fault = Faults.describe(e);
        try {
            runs.finish(runId, RunStatus.FAILED, fault.orElse(e.getMessage()));
        } catch (RuntimeException recording) {
            throw new RunFaultException("运行 #" + runId + " 中断：" + fault.or(() -> Faults.describe(recording))
                    .orElse(recording.getMessage()) + "。数据库恢复后，下一次启动会把它标记为失败，再用 "
                    + Commands.restart(runId) + " 继续", e);
        }
        if (fault.isPresent()) {
            log.error("运行 #{} {}：{}", runId, what, fault.get());
        } else {
            log.error("运行 #{} {}：{}", runId, what, e.getMessage(), e);
        }
    }

    /** Frees the period; a database that is gone keeps the lock, which the next start takes over from a dead owner. */
    private void releaseQuietly(RunKind kind, String scheme, Period period) {
        try {
            locks.release(kind, scheme, period);
        } catch (RuntimeException e) {
            log.debug("运行锁未能释放：{}", e.getMessage());
        }
    }

    /**
     * Mails a completed run as the same revision, now: a preview (run without mail) or a bulletin held back, and the
     * evaluation and incentive list made inside it (D23). Recipients who already have it are not mailed again; a
     * revision that a newer one replaced is never sent.
     *
     * @return the run and the runs made inside it, whose mail was released
     * @throws RunRequestException (Chinese message) when the run cannot be released
     */
    public List<Run> release(long runId, boolean force) {
        Run run = runs.find(runId).orElseThrow(() -> new RunRequestException("运行 #" + runId + " 不存在"));
        if (run.parentRunId() != null) {
            throw new RunRequestException("运行 #" + runId + " 是运行 #" + run.parentRunId() + " 的一部分；请发送运行 #"
                    + run.parentRunId() + "，它连同这一份一起发出");
        }
        if (!run.completed()) {
            throw new RunRequestException("运行 #" + runId + " 没有完成，没有可发送的结果");
        }
        runs.newerRevision(run).ifPresent(newer -> {
            throw new RunRequestException("运行 #" + runId + "（" + run.period().code() + " 第" + run.revision() + "版）已被第"
                    + newer.revision() + "版（运行 #" + newer.id() + "）取代，不再发送旧版本");
        });
        List<Run> released = new java.util.ArrayList<>();
        released.add(run);
        runs.children(runId).stream().filter(Run::completed).forEach(released::add);
        for (Run r : released) {
            RunDefinition definition = definitions.find(r.kind(), r.cycle()).orElseThrow();
            definition.publish().execute(new RunContext(r, schemes.load(r.scheme()), true, force, true));
        }
        return released;
    }

    /**
     * Restarts a failed run where it stopped: same revision, same job instance; finished steps are not repeated
     * and a chunk step resumes after its last committed chunk. A run left STARTED by a killed JVM is first marked
     * failed. A run made inside another is restarted through that one.
     */
    public Run restart(long runId) {
        Run run = runs.find(runId).orElseThrow(() -> new RunRequestException("运行 #" + runId + " 不存在"));
        if (run.parentRunId() != null) {
            throw new RunRequestException("运行 #" + runId + " 是运行 #" + run.parentRunId() + " 的一部分；请重启运行 #"
                    + run.parentRunId() + "（" + Commands.restart(run.parentRunId()) + "），它会从这一步继续");
        }
        if (run.status() == RunStatus.COMPLETED) {
            throw new RunRequestException("运行 #" + runId + " 已完成；要重新计算请运行同一期，生成新版本");
        }
        if (run.jobExecutionId() == null) {
            throw new RunRequestException("运行 #" + runId + " 未曾启动，请重新运行该期");
        }
        checkDisk();
        runs.newerRevision(run).ifPresent(newer -> {
            throw new RunRequestException("运行 #" + runId + "（" + run.period().code() + " 第" + run.revision() + "版）已被第"
                    + newer.revision() + "版（运行 #" + newer.id() + "）取代，不再重启：重启会把旧版本当作最新结果发出。"
                    + "要重新计算请再运行该期，生成新版本");
        });
        locks.acquire(run.kind(), run.scheme(), run.period());
        try (AutoCloseable beating = heartbeat.start(runId)) {
            locks.attach(run.kind(), run.scheme(), run.period(), runId);
            JobExecution execution = jobRepository.getJobExecution(run.jobExecutionId());
            if (execution.getStatus().isRunning()) {
                execution = jobOperator.recover(execution);
            }
            runs.reopen(runId);
            log.info("重启运行 #{}：{} {} 第{}版", runId, run.scheme(), run.period().code(), run.revision());
            jobOperator.restart(execution);
        } catch (Exception e) {
            failed(runId, e, "无法重启");
        } catch (Error e) {
            failBeforeDying(runId, e);
            throw e;
        } finally {
            releaseQuietly(run.kind(), run.scheme(), run.period());
        }
        return runs.find(runId).orElseThrow();
    }

    /** A run must not stay STARTED when the process is about to die of an error (out of memory, say): best effort. */
    private void failBeforeDying(long runId, Error e) {
        try {
            runs.finish(runId, RunStatus.FAILED, "内部错误：" + e);
        } catch (RuntimeException | Error ignored) {
            // the stale-run recovery marks it at the next start (its heartbeat stops)
        }
    }
}
