package cn.bipin.evaluation;

import java.time.LocalDateTime;

/**
 * One evaluation run: (scheme, year, revision). A re-run is the next revision; earlier revisions' figures and
 * files stay readable.
 */
public record EvaluationRun(long id, String scheme, String period, int revision, String status, String message,
        LocalDateTime startedAt, LocalDateTime finishedAt, int filesAccepted, int filesRejected, int rowsAccepted,
        int rowsRejected, int ballotsScored, int ballotsReplaced, String outputDir) {

    public boolean completed() {
        return "COMPLETED".equals(status);
    }
}
