package cn.bipin.incentive;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One run of the incentive list for a scheme and period (a year, or a quarter for trade awards), as a revision. */
public record IncentiveRun(long id, String scheme, String period, int revision, String status, String message,
                           LocalDateTime startedAt, LocalDateTime finishedAt, int filesAccepted, int filesRejected,
                           int rowsAccepted, int rowsRejected, int awardLines, BigDecimal awardTotal,
                           String outputDir) {

    public boolean completed() {
        return "COMPLETED".equals(status);
    }
}
