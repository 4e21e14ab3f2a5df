package cn.bipin.run;

/** Outcome of a run as the statisticians see it. */
public enum RunStatus {
    STARTED,
    COMPLETED,
    FAILED
}
