package cn.bipin.run;

import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;

/**
 * The commands a message tells the statistician to type next, in the form they use: {@code make deliver RUN=12} when
 * they came through the Makefile (it sets {@code BIPIN_VIA_MAKE}), {@code bipin deliver --release 12} otherwise.
 */
public final class Commands {

    private static final boolean VIA_MAKE = System.getenv("BIPIN_VIA_MAKE") != null;

    private Commands() {
    }

    /** Mails a run's preview or held bulletin as its revision. */
    public static String release(long runId) {
        return VIA_MAKE ? "make deliver RUN=" + runId : "bipin deliver --release " + runId;
    }

    /** As {@link #release}, also when the result equals the revision before. */
    public static String releaseForced(long runId) {
        return VIA_MAKE ? "make deliver RUN=" + runId + " FORCE=yes" : "bipin deliver --release " + runId + " --force";
    }

    /** Tries the mail left pending once more. */
    public static String retryMail() {
        return VIA_MAKE ? "make deliver" : "bipin deliver";
    }

    /** Sends again a message whose sending was interrupted, once a statistician made sure it did not arrive. */
    public static String resend(Long deliveryId) {
        String id = deliveryId == null ? "" : " " + deliveryId;
        return VIA_MAKE ? "make deliver RESEND=" + (deliveryId == null ? "all" : deliveryId.toString())
                : "bipin deliver --resend" + id;
    }

    /** Finishes a failed run where it stopped. */
    public static String restart(long runId) {
        return VIA_MAKE ? "make restart RUN=" + runId : "bipin restart " + runId;
    }

    /** Runs a scoring period as its next revision. */
    public static String run(String scheme, Period period) {
        if (VIA_MAKE) {
            String target = switch (period.cycle()) {
                case MONTHLY -> "month";
                case QUARTERLY -> "quarter";
                case HALF_YEAR -> "half";
                case ANNUAL -> "year";
            };
            return "make " + target + " SCHEME=" + scheme + " PERIOD=" + period.code();
        }
        return "bipin run " + period.cycle().key() + " --scheme " + scheme + " --period " + period.code();
    }

    /** Runs another kind of run (evaluation, incentive list) for a period. */
    public static String run(RunKind kind, String scheme, Period period) {
        return switch (kind) {
            case SCORE -> run(scheme, period);
            case EVALUATION -> VIA_MAKE ? "make evaluation SCHEME=" + scheme + " PERIOD=" + period.code()
                    : "bipin evaluation run --scheme " + scheme + " --period " + period.code();
            case INCENTIVE -> VIA_MAKE ? "make incentives SCHEME=" + scheme + " PERIOD=" + period.code()
                    : "bipin incentives run --scheme " + scheme + " --period " + period.code();
            case LIAISON -> VIA_MAKE ? "make liaison SCHEME=" + scheme + " PERIOD=" + period.code()
                    : "bipin liaison run --scheme " + scheme + " --period " + period.code();
            case WARNING -> run(scheme, period); // made inside the monthly run
        };
    }

    static boolean viaMake() {
        return VIA_MAKE;
    }

    /** The cycle's make target, e.g. month for a monthly period. */
    static String target(Cycle cycle) {
        return switch (cycle) {
            case MONTHLY -> "month";
            case QUARTERLY -> "quarter";
            case HALF_YEAR -> "half";
            case ANNUAL -> "year";
        };
    }
}
