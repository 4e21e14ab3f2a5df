package cn.bipin.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.bipin.scheme.Period;
import cn.bipin.testsupport.JobEnvironment;
import cn.bipin.testsupport.JobTest;

/**
 * The incentive list made inside the annual run is a job of its own, nested as a step: when it fails half-way (its
 * output folder cannot be made), the annual run fails naming it, and a restart of the annual run resumes the nested
 * job at its failed step — same child run, same revision, its ingest not repeated — instead of starting a new list.
 */
@JobTest
class NestedRunRestartTest {

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("nested");
    static final String SCHEME = "nestedtest-2024";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
    }

    @Autowired
    RunLauncher launcher;
    @Autowired
    RunRepository runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JobRepository jobRepository;

    @Test
    void aFailedNestedListIsResumedByRestartingItsParent() throws IOException {
        Path work = ENV.work();
        assertThat(launcher.launch(RunKind.SCORE, SCHEME, Period.parse("2024-12"), false, false).status())
                .isEqualTo(RunStatus.COMPLETED);
        Path inbox = Files.createDirectories(work.resolve("inbox").resolve(SCHEME).resolve("incentives").resolve("2024"));
        Files.writeString(inbox.resolve("企业_2024.csv"), "credit_code,name\n");
        // a file where the list's revision folder must go: the list step cannot write, as on a broken disk
        Path blocked = work.resolve("out").resolve(SCHEME).resolve("incentives").resolve("2024").resolve("r1");
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
        JobExecution execution = jobRepository.getJobExecution(runs.find(child.id()).orElseThrow().jobExecutionId());
        return jobRepository.getJobExecutions(execution.getJobInstance()).stream()
                .flatMap(e -> e.getStepExecutions().stream())
                .filter(s -> s.getStepName().equals(step))
                .sorted(Comparator.comparingLong(StepExecution::getId))
                .map(s -> s.getStatus().name())
                .toList();
    }
}
