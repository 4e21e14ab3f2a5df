package cn.bipin.run;

/** The work of one tasklet step: one call to one service. */
@FunctionalInterface
public interface RunTask {

    void execute(RunContext context);
}
