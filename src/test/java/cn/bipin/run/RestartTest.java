package cn.bipin.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.bipin.results.ScoreRepository;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.submission.SubmissionRecord;
import cn.bipin.testsupport.JobEnvironment;
import cn.bipin.testsupport.JobTest;
import cn.bipin.testsupport.JobTestSupport;

/**
 * A run that fails inside a chunk — the database write of the second chunk of 1,000 rows throws, as a lost
 * connection would — is restarted and then gives exactly what an uninterrupted run gives: every row once, none
 * lost, and the scores worked by hand for the June fixture of {@code testville-2024}.
 */
@JobTest
@Import(RestartTest.FailOnce.class)
class RestartTest {

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("restart");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
    }

    /** Fails the ingestion's second chunk write once, before anything of that chunk is written. */
    @TestConfiguration
    static class FailOnce {
        static final AtomicBoolean ARMED = new AtomicBoolean(true);
        static final AtomicInteger WRITES = new AtomicInteger();

        @Bean
        static BeanPostProcessor failSecondChunkOnce() {
            return new BeanPostProcessor() {
                @Override
                @SuppressWarnings("unchecked")
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!name.equals("submissionRowWriter")) {
                        return bean;
                    }
                    ItemWriter<SubmissionRecord> delegate = (ItemWriter<SubmissionRecord>) bean;
                    return (ItemWriter<SubmissionRecord>) chunk -> {
                        if (WRITES.incrementAndGet() == 2 && ARMED.getAndSet(false)) {
                            throw new IllegalStateException("数据库连接中断（测试注入的故障）");
                        }
                        delegate.write(chunk);
                    };
                }
            };
        }
    }

    static final String SCHEME = "testville-2024";
    static final int BIG = 2500;

    @Autowired
    RunLauncher launcher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ScoreRepository scores;
    @Autowired
    SchemeRepository schemes;
    @Autowired
    cn.bipin.submission.SubmissionTemplates templates;

    @Test
    void aRunThatFailsInsideAChunkIsRestartedToTheUninterruptedResult() throws Exception {
        Path inbox = ENV.work().resolve("inbox");
        cn.bipin.monthly.MonthlyFixture.writeJuneInbox(schemes.load(SCHEME), templates, inbox);
        // received first, so the failing second chunk falls inside it: 2,500 rows of a unit not in the scheme
        List<String> lines = new ArrayList<>(List.of("unit_code,period,dimension_code,value"));
        for (int i = 0; i < BIG; i++) {
            lines.add("x9,2024-06,c2_start_rate," + i);
        }
        JobTestSupport.csv(inbox.resolve(SCHEME).resolve("2024-06").resolve("批量.csv"), LocalDateTime.of(2024, 7, 1, 8, 0),
                lines.toArray(String[]::new));

        Run failed = launcher.launch(SCHEME, Period.parse("2024-06"), false);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.message()).contains("数据库连接中断");
        int afterFailure = count("SELECT COUNT(*) FROM submission_row");
        assertThat(afterFailure).as("the first chunk was committed, the second rolled back").isEqualTo(1000);

        Run restarted = launcher.restart(failed.id());
        assertThat(restarted.status()).as(restarted.message()).isEqualTo(RunStatus.COMPLETED);
        assertThat(restarted.revision()).isEqualTo(failed.revision());
        // 2,500 big-file rows + the fixture's 26 (20 accepted + 6 rejected), each exactly once
        assertThat(count("SELECT COUNT(*) FROM submission_row")).isEqualTo(BIG + 26);
        assertThat(count("SELECT COUNT(*) FROM (SELECT file_id, row_no FROM submission_row GROUP BY file_id, row_no HAVING COUNT(*) > 1) d"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM received_file")).isEqualTo(7);
        assertThat(restarted.rowsAccepted()).isEqualTo(20);
        assertThat(restarted.rowsRejected()).isEqualTo(BIG + 6);
        // the scores of MonthlyJobTestBase, worked by hand there: C2 d1 90.00, C4 t1 70.00, total d2 86.67 first
        Map<String, RankedScore> c2 = competition(restarted, "c2");
        assertThat(c2.get("d1").score()).isEqualByComparingTo("90.00");
        assertThat(competition(restarted, "c4").get("t1").score()).isEqualByComparingTo("70.00");
        RankedScore first = scores.totals(restarted.id()).get(0);
        assertThat(first.unitCode()).isEqualTo("d2");
        assertThat(first.score()).isEqualByComparingTo("86.67");
        assertThat(Path.of(restarted.outputDir())).isDirectoryContaining(p -> p.toString().endsWith(".pdf"));
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private Map<String, RankedScore> competition(Run run, String code) {
        return scores.competitions(run.id()).stream().filter(s -> s.competitionCode().equals(code))
                .collect(Collectors.toMap(RankedScore::unitCode, s -> s));
    }
}
