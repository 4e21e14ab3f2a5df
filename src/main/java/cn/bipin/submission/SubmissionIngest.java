package cn.bipin.submission;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import cn.bipin.run.RunProgress;
import cn.bipin.run.RunSteps;

/**
 * Builds the chunk step that reads and validates a period's inbox, for the jobs that start with one: reader
 * (every row of every new file), validator, writer (every row stored, accepted or rejected with its reason).
 */
@Component
public class SubmissionIngest {

    static final int CHUNK_SIZE = 1000;

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final RunSteps steps;
    private final InboxRowReader inboxRowReader;
    private final SubmissionValidator submissionValidator;
    private final ItemWriter<SubmissionRecord> submissionRowWriter;
    private final StepExecutionListener receivedFileLedgerCloser;

    SubmissionIngest(JobRepository jobRepository, PlatformTransactionManager transactionManager, RunSteps steps,
            InboxRowReader inboxRowReader, SubmissionValidator submissionValidator,
            ItemWriter<SubmissionRecord> submissionRowWriter, StepExecutionListener receivedFileLedgerCloser) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.steps = steps;
        this.inboxRowReader = inboxRowReader;
        this.submissionValidator = submissionValidator;
        this.submissionRowWriter = submissionRowWriter;
        this.receivedFileLedgerCloser = receivedFileLedgerCloser;
    }

    public Step step(String name, String label) {
        RunProgress progress = steps.progress(label, true);
        return new StepBuilder(name, jobRepository).<InboxItem, SubmissionRecord>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(inboxRowReader)
                .processor(submissionValidator)
                .writer(submissionRowWriter)
                .listener(receivedFileLedgerCloser)
                .listener((StepExecutionListener) progress)
                .listener((org.springframework.batch.core.listener.ChunkListener<InboxItem, SubmissionRecord>) (Object) progress)
                .build();
    }
}
