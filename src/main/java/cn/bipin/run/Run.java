package cn.bipin.run;

import java.time.LocalDateTime;

import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;

/**
 * One execution of a job for a scheme and period; a re-run of the same period is a new revision of its kind.
 *
 * @param parentRunId the quarterly or annual run this evaluation or incentive run was made in; null when launched
 *                    on its own
 * @param outputDir   the folder of everything the run writes, known from its creation
 * @param publication what became of its result, once its delivery step ran; null before
 * @param correction  whether its result differs from the revision before (a 更正)
 */
public record Run(long id, RunKind kind, String scheme, Cycle cycle, Period period, int revision, Long parentRunId,
        Long jobExecutionId, RunStatus status, String message, LocalDateTime startedAt, LocalDateTime finishedAt,
        int filesAccepted, int filesRejected, int rowsAccepted, int rowsRejected, String outputDir, String owner,
        LocalDateTime heartbeatAt, Publication publication, boolean correction) {

    public boolean completed() {
        return status == RunStatus.COMPLETED;
    }
}
