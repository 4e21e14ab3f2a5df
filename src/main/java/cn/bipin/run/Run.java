package cn.bipin.run;

import java.time.LocalDateTime;

import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;

/** One execution of a cycle's pipeline for a period; a re-run of the same period is a new revision. */
public record Run(long id, String scheme, Cycle cycle, Period period, int revision, Long jobExecutionId,
        RunStatus status, String message, LocalDateTime startedAt, LocalDateTime finishedAt, int filesAccepted,
        int filesRejected, int rowsAccepted, int rowsRejected, String outputDir, String owner, LocalDateTime heartbeatAt) {
}
