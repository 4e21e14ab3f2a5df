package cn.bipin.submission;

import javax.sql.DataSource;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
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
public class SubmissionConfiguration {

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
    public SubmissionValidator submissionValidator(SchemeRepository schemes, ReceivedFiles files,
            @Value("#{jobParameters['scheme']}") String schemeId, @Value("#{jobParameters['period']}") String period) {
        Period p = Period.parse(period);
        return new SubmissionValidator(schemes.load(schemeId), p, files.firstValueFiles(schemeId, p.code()));
    }

    @Bean
    public ItemWriter<SubmissionRecord> submissionRowWriter(DataSource dataSource) {
        return new JdbcBatchItemWriterBuilder<SubmissionRecord>()
                .dataSource(dataSource)
                .sql("""
                        INSERT INTO submission_row (file_id, row_no, sheet, col, unit_code, period, dimension_code,
                          raw_value, note, input_value, status, error)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .itemPreparedStatementSetter((r, ps) -> {
                    ps.setLong(1, r.fileId());
                    ps.setInt(2, r.rowNo());
                    ps.setString(3, clip(r.sheet(), 64));
                    ps.setString(4, clip(r.col(), 32));
                    ps.setString(5, clip(r.unitCode(), 64));
                    ps.setString(6, clip(r.period(), 16));
                    ps.setString(7, clip(r.dimensionCode(), 64));
                    ps.setString(8, clip(r.rawValue(), 1000));
                    ps.setString(9, clip(r.note(), 1000));
                    ps.setBigDecimal(10, r.value());
                    ps.setString(11, r.status().name());
                    ps.setString(12, clip(r.error(), 1000));
                })
                .build();
    }

    /** Files read to the end become ACCEPTED and each file's rows are counted, once the whole inbox is read. */
    @Bean
    @StepScope
    public StepExecutionListener receivedFileLedgerCloser(ReceivedFiles files, RunRepository runs,
            @Value("#{jobParameters['runId']}") Long runId) {
        return new StepExecutionListener() {
            @Override
            public ExitStatus afterStep(StepExecution stepExecution) {
                if (!stepExecution.getStatus().isUnsuccessful()) {
                    files.completeRun(runId);
                }
                runs.recordIngest(runId, files.counts(runId));
                return stepExecution.getExitStatus();
            }
        };
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
