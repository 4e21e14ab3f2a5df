package cn.bipin.cli;

/** Documented exit codes: scripts and cron rely on them. */
final class ExitCodes {

    /** The command did what was asked. */
    static final int OK = 0;
    /** A run was started and failed (see {@code status} and the log). */
    static final int RUN_FAILED = 1;
    /** Bad usage or bad input: unknown option, wrong period, unreadable scheme file. Nothing was run. */
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
