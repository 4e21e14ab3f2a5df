package cn.bipin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.bipin.demo.TemplateFiller;
import cn.bipin.results.ScoreRepository;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.submission.SubmissionTemplates;

/**
 * A whole monthly run, as the statistician starts it ({@code bipin run monthly}), on an inbox holding hostile files
 * beside one good file (良田镇's three C2 rates), on the embedded database. Each test uses its own month of
 * {@code testville-2024}, so that every run sees only its own files. What every test checks (DOMAIN §8): the run
 * completes, the bad file is refused with its Chinese reason (or its bad rows are), the good file is scored, and
 * every row of every file is stored, accepted or rejected.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileRunTestBase {

    static final String SCHEME = "testville-2024";
    static final String GOOD = "良田镇-好文件.csv";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SchemeRepository schemes;
    @Autowired
    SubmissionTemplates templates;
    @Autowired
    ScoreRepository scores;

    Scheme scheme;

    abstract Path work();

    /** A full set of valid values for t2's template: the good rows beside a hostile one. */
    static Map<String, Object> t2Values() {
        return Map.of("c2_start_rate", new BigDecimal("0.6"), "c2_invest_completion", new BigDecimal("0.3"),
                "c2_registration_rate", new BigDecimal("0.9"), "c4_revenue", new BigDecimal("100"),
                "c4_growth", new BigDecimal("0.1"), "c4_new_firms", new BigDecimal("2"));
    }

    @BeforeAll
    void loadScheme() {
        scheme = schemes.load(SCHEME);
    }

    record Result(int exitCode, String out, String err, long runId) {
    }

    /** A file as the ledger holds it. */
    record FileRow(long id, String fileName, String storedPath, String status, String error, int rowsAccepted,
            int rowsRejected) {
    }

    /** A stored row. */
    record RowState(int rowNo, String unitCode, String status, BigDecimal inputValue, String error, String remark) {
    }

    Path inbox(String period) {
        try {
            return Files.createDirectories(work().resolve("inbox").resolve(SCHEME).resolve(period));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On time: the 10th of the month after the period (the deadline is the 20th). */
    static LocalDateTime onTime(String period) {
        return Period.parse(period).deadline(10).atTime(9, 0);
    }

    /** 良田镇's three C2 rates, 60%, 25% and 80%, as a CSV beside the hostile files. */
    Path good(String period) {
        return csv(period, GOOD, onTime(period),
                "unit_code,period,dimension_code,value",
                "t1," + period + ",c2_start_rate,60%",
                "t1," + period + ",c2_invest_completion,25%",
                "t1," + period + ",c2_registration_rate,80%");
    }

    Path csv(String period, String name, LocalDateTime received, String... lines) {
        return bytes(period, name, received, ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    Path bytes(String period, String name, LocalDateTime received, byte[] content) {
        try {
            Path file = inbox(period).resolve(name);
            Files.write(file, content);
            stamp(file, received);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path stamp(Path file, LocalDateTime received) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(received.atZone(ZoneId.systemDefault()).toInstant()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unit's template for the period, filled with {@code values}, written outside the inbox. */
    Path filledTemplate(String unitCode, String period, Map<String, Object> values) {
        try {
            Path dir = Files.createTempDirectory(work(), "templates");
            Period p = Period.parse(period);
            templates.write(scheme, p, unitCode, dir);
            String name = SubmissionTemplates.fileName(scheme.unit(unitCode).orElseThrow(), p);
            Path out = dir.resolve("filled-" + name);
            TemplateFiller.fill(dir.resolve(name), values, out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a prepared file into the period's inbox under {@code name}, received on time. */
    Path deliver(Path prepared, String period, String name) {
        try {
            Path file = inbox(period).resolve(name);
            Files.move(prepared, file);
            return stamp(file, onTime(period));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code bipin run monthly --no-mail} for the period; the run must complete (exit 0). */
    Result run(String period) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = CommandLineRunnerConfig.commandLine(context)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute("run", "monthly", "--scheme", SCHEME, "--period", period, "--no-mail");
        Matcher m = Pattern.compile("运行 #(\\d+)").matcher(out.toString());
        assertThat(exitCode).as(out + "\n" + err).isZero();
        assertThat(m.find()).as(out.toString()).isTrue();
        long runId = Long.parseLong(m.group(1));
        assertThat(out.toString()).contains("完成");
        assertThat(jdbc.sql("SELECT status FROM run WHERE id = :id").param("id", runId).query(String.class).single())
                .isEqualTo("COMPLETED");
        return new Result(exitCode, out.toString(), err.toString(), runId);
    }

    FileRow file(String period, String name) {
        return jdbc.sql("""
                SELECT id, file_name, stored_path, status, error, rows_accepted, rows_rejected FROM received_file
                WHERE scheme = :scheme AND period = :period AND file_name = :name""")
                .param("scheme", SCHEME).param("period", period).param("name", name).query(FileRow.class).single();
    }

    List<FileRow> files(String period) {
        return jdbc.sql("""
                SELECT id, file_name, stored_path, status, error, rows_accepted, rows_rejected FROM received_file
                WHERE scheme = :scheme AND period = :period ORDER BY id""")
                .param("scheme", SCHEME).param("period", period).query(FileRow.class).list();
    }

    List<RowState> rows(String period, String name) {
        return jdbc.sql("""
                SELECT r.row_no, r.unit_code, r.status, r.input_value, r.error, r.remark
                FROM submission_row r JOIN received_file f ON f.id = r.file_id
                WHERE f.scheme = :scheme AND f.period = :period AND f.file_name = :name ORDER BY r.row_no""")
                .param("scheme", SCHEME).param("period", period).param("name", name).query(RowState.class).list();
    }

    /** A refused file: REJECTED with the reason, and no row of it used. */
    void assertRefused(String period, String name, String... reason) {
        FileRow f = file(period, name);
        assertThat(f.status()).as(name).isEqualTo("REJECTED");
        assertThat(f.error()).as(name).contains(reason);
        assertThat(rows(period, name)).as(name).allSatisfy(r -> assertThat(r.status()).isEqualTo("REJECTED"));
        assertThat(Path.of(f.storedPath())).as("archived copy of " + name).exists();
    }

    /**
     * The good file was taken and its values scored: 良田镇's start rate 60% is the input of its C2 score. And every
     * row of every file of the period is counted in its file's ledger line.
     */
    void assertGoodScoredAndEveryRowAccounted(String period, Result r) {
        FileRow good = file(period, GOOD);
        assertThat(good.status()).isEqualTo("ACCEPTED");
        assertThat(rows(period, GOOD)).extracting(RowState::status).containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED");
        assertThat(scores.dimensions(r.runId())).anySatisfy(d -> {
            assertThat(d.unitCode()).isEqualTo("t1");
            assertThat(d.dimensionCode()).isEqualTo("c2_start_rate");
            assertThat(d.value()).isEqualByComparingTo("0.60");
        });
        for (FileRow f : files(period)) {
            assertThat(f.rowsAccepted() + f.rowsRejected()).as(f.fileName()).isEqualTo(rows(period, f.fileName()).size());
        }
    }
}
