package cn.bipin.run;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters every job takes, whatever its kind. A run's identity is (scheme, period, revision) — the job
 * name says the kind and cycle — so a re-run is explicit, never a random parameter; run id and the mail switches do
 * not identify.
 */
final class RunParameters {

    public static final String SCHEME = "scheme";
    public static final String PERIOD = "period";
    public static final String REVISION = "revision";
    public static final String RUN_ID = "runId";
    public static final String MAIL = "mail";
    public static final String FORCE = "force";

    private RunParameters() {
    }

    public static JobParameters of(Run run, boolean mail, boolean force) {
        return new JobParametersBuilder()
                .addString(SCHEME, run.scheme())
                .addString(PERIOD, run.period().code())
                .addLong(REVISION, (long) run.revision())
                .addLong(RUN_ID, run.id(), false)
                .addString(MAIL, Boolean.toString(mail), false)
                .addString(FORCE, Boolean.toString(force), false)
                .toJobParameters();
    }

    public static long runId(JobParameters parameters) {
        return parameters.getLong(RUN_ID);
    }

    public static boolean mail(JobParameters parameters) {
        return Boolean.parseBoolean(parameters.getString(MAIL));
    }

    public static boolean force(JobParameters parameters) {
        return Boolean.parseBoolean(parameters.getString(FORCE));
    }
}
