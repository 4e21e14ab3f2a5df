package cn.bipin.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import cn.bipin.scheme.Period;
import cn.bipin.testsupport.JobTestSupport;

/**
 * The incentive list made inside the annual run is a job of its own, nested as a step: when it fails half-way (its
 * output folder cannot be made), the annual run fails naming it, and a restart of the annual run resumes the nested
 * job at its failed step — same child run, same revision, its ingest not repeated — instead of starting a new list.
 */
@SpringBootTest
class NestedRunRestartTest {

    static final Path WORK = JobTestSupport.tempDir("bipin-nested-restart");
    static final GreenMail MAIL = JobTestSupport.startGreenMail();
    static final String SCHEME = "nestedtest-2024";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        JobTestSupport.h2(registry, WORK);
        JobTestSupport.register(registry, WORK, MAIL);
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
    }

    @Autowired
    RunLauncher launcher;
    @Autowired
    RunRepository runs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aFailedNestedListIsResumedByRestartingItsParent() throws IOException {
        assertThat(launcher.launch(RunKind.SCORE, SCHEME, Period.parse("2024-12"), false, false).status())
                .isEqualTo(RunStatus.COMPLETED);
        Path inbox = Files.createDirectories(WORK.resolve("inbox").resolve(SCHEME).resolve("incentives").resolve("2024"));
        Files.writeString(inbox.resolve("企业_2024.csv"), "credit_code,name\n");
        // a file where the list's revision folder must go: the list step cannot write, as on a broken disk
        Path blocked = WORK.resolve("out").resolve(SCHEME).resolve("incentives").resolve("2024").resolve("r1");
        Files.createDirectories(blocked.getParent());
        Files.writeString(blocked, "not a folder");

        Run failed = launcher.launch(RunKind.SCORE, SCHEME, Period.parse("2024"), false, false);

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        List<Run> children = runs.children(failed.id());
        assertThat(children).hasSize(1);
        Run child = children.get(0);
        assertThat(child.kind()).isEqualTo(RunKind.INCENTIVE);
        assertThat(child.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.message()).contains("企业奖励清单运行 #" + child.id() + " 失败");
        assertThat(count("SELECT COUNT(*) FROM incentive_file")).isOne();

        Files.delete(blocked);
        Run restarted = launcher.restart(failed.id());

        assertThat(restarted.status()).as(restarted.message()).isEqualTo(RunStatus.COMPLETED);
        assertThat(runs.children(failed.id())).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(child.id());
            assertThat(c.revision()).isOne();
            assertThat(c.status()).isEqualTo(RunStatus.COMPLETED);
        });
        assertThat(Path.of(child.outputDir())).isDirectoryContaining(p -> p.toString().endsWith(".pdf"));
        // the ingest step ran once, in the first attempt; the list step failed once and then completed
        assertThat(stepRuns(child, "incentiveIngestStep")).containsExactly("COMPLETED");
        assertThat(stepRuns(child, "incentiveListStep")).containsExactly("FAILED", "COMPLETED");
        assertThat(count("SELECT COUNT(*) FROM incentive_file")).isOne();
        assertThat(count("SELECT COUNT(*) FROM run WHERE kind = 'incentive'")).isOne();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    /** The statuses of a step's executions in the nested job's instance, oldest first. */
    private List<String> stepRuns(Run child, String step) {
        return jdbc.sql("""
                SELECT s.status FROM batch_step_execution s
                JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
                WHERE e.job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = :execution)
                  AND s.step_name = :step
                ORDER BY s.step_execution_id""")
                .param("execution", runs.find(child.id()).orElseThrow().jobExecutionId()).param("step", step)
                .query(String.class).list();
    }
}
