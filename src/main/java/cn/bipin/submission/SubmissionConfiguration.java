package cn.bipin.submission;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.bipin.run.RunRepository;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.inbox.InboxProperties;

/**
 * The parts of the extract-and-validate step the monthly and quarterly jobs start with (see {@link SubmissionIngest}):
 * the period's inbox rows in, every row stored (accepted, or rejected with a reason), the file ledger closed and the
 * run's counts recorded at the end. Step-scoped: they read the job parameters {@code scheme}, {@code period} and
 * {@code runId}.
 */
@Configuration
class SubmissionConfiguration {

    @Bean
    @StepScope
    public InboxRowReader inboxRowReader(SchemeRepository schemes, InboxProperties inbox, ReceivedFiles files,
            @Value("#{jobParameters['scheme']}") String schemeId, @Value("#{jobParameters['period']}") String period,
            @Value("#{jobParameters['runId']}") Long runId) {
        Scheme scheme = schemes.load(schemeId);
        Period p = Period.parse(period);
        return new InboxRowReader(inbox.periodDir(scheme.id(), p.code()), inbox.archive(), scheme.id(), p,
                scheme.deadlineDay(), runId, files);
    }

    @Bean
    @StepScope
    public SubmissionValidator submissionValidator(SchemeRepository schemes, SubmissionRows rows,
            @Value("#{jobParameters['scheme']}") String schemeId, @Value("#{jobParameters['period']}") String period) {
        Period p = Period.parse(period);
        return new SubmissionValidator(schemes.load(schemeId), p, rows.firstValueFiles(schemeId, p.code()));
    }

    @Bean
    public ItemWriter<SubmissionRecord> submissionRowWriter(SubmissionRows rows) {
        return chunk -> rows.insert(chunk.getItems());
    }

    /** Files read to the end become ACCEPTED and each file's rows are counted, once the whole inbox is read. */
    @Bean
    @StepScope
    public StepExecutionListener receivedFileLedgerCloser(ReceivedFiles files, SubmissionRows rows, RunRepository runs,
            @Value("#{jobParameters['runId']}") Long runId) {
        return new StepExecutionListener() {
            @Override
            public ExitStatus afterStep(StepExecution stepExecution) {
                if (!stepExecution.getStatus().isUnsuccessful()) {
                    rows.rejectRowsOfRefusedFiles(runId);
                    files.completeRun(runId);
                }
                runs.recordIngest(runId, files.counts(runId));
                return stepExecution.getExitStatus();
            }
        };
    }
}
