package cn.bipin.run;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * The job parameters every cycle's job takes. A run's identity is (scheme, period, revision) — the job name is the
 * cycle — so a re-run is explicit, never a random parameter; run id and the mail switch do not identify.
 */
public final class RunParameters {

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

    public static long runId(ChunkContext context) {
        return ((Number) context.getStepContext().getJobParameters().get(RUN_ID)).longValue();
    }

    public static boolean force(ChunkContext context) {
        return Boolean.parseBoolean(String.valueOf(context.getStepContext().getJobParameters().get(FORCE)));
    }

    public static boolean mail(ChunkContext context) {
        return Boolean.parseBoolean(String.valueOf(context.getStepContext().getJobParameters().get(MAIL)));
    }
}
