package cn.bipin.cli;

/** Documented exit codes: scripts and cron rely on them. */
final class ExitCodes {

    /** The command did what was asked. */
    static final int OK = 0;
    /** A run was started and failed (see {@code status} and the log). */
    static final int RUN_FAILED = 1;
    /** Bad usage or bad input: unknown option, wrong period, unreadable scheme file. Nothing was run. */
    static final int BAD_INPUT = 2;
    /**
     * The run completed, but some of its mail has not reached its recipients (server down, outbox disk full, address
     * refused, or sending interrupted): {@code status} lists it as 部分未发送, {@code deliver} sends the rest.
     */
    static final int MAIL_UNSENT = 3;

    private ExitCodes() {
    }
}
