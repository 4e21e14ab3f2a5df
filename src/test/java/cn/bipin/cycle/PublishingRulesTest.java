package cn.bipin.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.bipin.run.Publication;
import cn.bipin.run.Run;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.RunRepository;
import cn.bipin.run.RunRequestException;
import cn.bipin.run.RunStatus;
import cn.bipin.scheme.Period;
import cn.bipin.testsupport.JobEnvironment;
import cn.bipin.testsupport.JobTest;
import cn.bipin.testsupport.JobTestSupport;

/**
 * The publishing rules of DOMAIN §7.4 as a statistician meets them over the end of yeartest-2024 (November, December,
 * Q4, the year), one rule a test, in the order of that story: each test continues where the one before left off.
 * Mail goes to a real SMTP server (GreenMail), so "mailed" and "not mailed" are what a leader would receive.
 */
@JobTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishingRulesTest {

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("publishing");
    static final String SCHEME = "yeartest-2024";
    static final Period NOV = Period.parse("2024-11");
    static final Period DEC = Period.parse("2024-12");
    static final Period Q4 = Period.parse("2024-Q4");
    static final Period YEAR = Period.parse("2024");

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

    Run novPreview;
    Run q4First;

    @Test
    @Order(1)
    void aQuarterBeforeItsMonthsIsRefusedBeforeAnythingIsReadOrRecorded() {
        // D22: the quarter's file is waiting in its inbox, but neither month has run
        JobTestSupport.csv(inbox().resolve("2024-Q4").resolve("q4.csv"), LocalDateTime.of(2025, 1, 12, 9, 0),
                "unit_code,period,dimension_code,value",
                "a,2024-Q4,q1_total,300", "b,2024-Q4,q1_total,400", "c,2024-Q4,q1_total,200");

        assertThatThrownBy(() -> launcher.launch(RunKind.SCORE, SCHEME, Q4, true, false))
                .isInstanceOf(RunRequestException.class)
                .hasMessageContaining("2024-11、2024-12").hasMessageContaining("bipin run monthly --scheme yeartest-2024 --period 2024-11");
        assertThatThrownBy(() -> launcher.launch(RunKind.SCORE, SCHEME, YEAR, true, false))
                .isInstanceOf(RunRequestException.class).hasMessageContaining("2024-11、2024-12、2024-Q4");
        assertThat(count("SELECT COUNT(*) FROM run")).as("no revision spent").isZero();
        assertThat(count("SELECT COUNT(*) FROM received_file")).as("the inbox not read").isZero();
    }

    @Test
    @Order(2)
    void aPreviewIsReleasedAsTheSameRevisionOnce() throws MessagingException {
        JobTestSupport.csv(inbox().resolve("2024-11").resolve("all.csv"), LocalDateTime.of(2024, 12, 10, 9, 0),
                "unit_code,period,dimension_code,value",
                "a,2024-11,m1_count,10", "a,2024-11,m1_funds,1100", "b,2024-11,m1_count,8", "b,2024-11,m1_funds,550",
                "c,2024-11,m1_count,5", "c,2024-11,m1_funds,2200", "d,2024-11,m1_count,10", "d,2024-11,m1_funds,275");
        novPreview = launcher.launch(RunKind.SCORE, SCHEME, NOV, false, false);
        assertThat(novPreview.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(novPreview.publication()).isEqualTo(Publication.PREVIEW);
        assertThat(ENV.mail().getReceivedMessages()).isEmpty();

        // D23: released later as the same revision, not as a 【更正】 第2版
        launcher.release(novPreview.id(), false);

        assertThat(subjects()).containsExactly("年度测试2024年11月晾晒榜单");
        assertThat(runs.find(novPreview.id()).orElseThrow().publication()).isEqualTo(Publication.MAILED);
        assertThat(count("SELECT COUNT(*) FROM run WHERE period = '2024-11'")).isOne();
        launcher.release(novPreview.id(), false);
        assertThat(ENV.mail().getReceivedMessages()).as("released twice, mailed once").hasSize(1);
    }

    @Test
    @Order(3)
    void aFailedRunIsNotRestartedOnceANewerRevisionExists() throws IOException {
        JobTestSupport.csv(inbox().resolve("2024-12").resolve("all.csv"), LocalDateTime.of(2025, 1, 10, 9, 0),
                "unit_code,period,dimension_code,value",
                "a,2024-12,m1_count,12", "a,2024-12,m1_funds,1200", "b,2024-12,m1_count,12", "b,2024-12,m1_funds,1200",
                "c,2024-12,m1_count,6", "c,2024-12,m1_funds,1200", "d,2024-12,m1_count,15", "d,2024-12,m1_funds,300");
        // a file where December's first revision folder must go: its feedback step fails, as the statistician's
        // killed run did
        Path r1 = ENV.work().resolve("out").resolve(SCHEME).resolve("2024-12").resolve("r1");
        Files.createDirectories(r1.getParent());
        Files.writeString(r1, "not a folder");
        Run failed = launcher.launch(RunKind.SCORE, SCHEME, DEC, true, false);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        Files.delete(r1);

        Run second = launcher.launch(RunKind.SCORE, SCHEME, DEC, true, false);
        assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(second.revision()).isEqualTo(2);

        // D20: the old revision must never complete and be mailed after the newer one
        assertThatThrownBy(() -> launcher.restart(failed.id())).isInstanceOf(RunRequestException.class)
                .hasMessageContaining("已被第2版（运行 #" + second.id() + "）取代");
        assertThat(runs.newerRevision(failed)).map(Run::id).contains(second.id());
        assertThat(runs.find(failed.id()).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        assertThat(subjects()).containsExactly("年度测试2024年11月晾晒榜单", "年度测试2024年12月晾晒榜单");
        assertThat(second.id()).as("run numbers are dense").isEqualTo(failed.id() + 1);
    }

    @Test
    @Order(4)
    void aCorrectedMonthMakesThePublishedQuarterAndYearStaleAndTheirNextRunsCorrections() throws IOException {
        q4First = launcher.launch(RunKind.SCORE, SCHEME, Q4, true, false);
        Run yearFirst = launcher.launch(RunKind.SCORE, SCHEME, YEAR, true, false);
        assertThat(runs.stale(SCHEME)).isEmpty();

        // November corrected: d's count 10 → 5 (received later, so the last received counts)
        JobTestSupport.csv(inbox().resolve("2024-11").resolve("d-更正.csv"), LocalDateTime.of(2024, 12, 15, 9, 0),
                "unit_code,period,dimension_code,value", "d,2024-11,m1_count,5");
        Run novCorrected = launcher.launch(RunKind.SCORE, SCHEME, NOV, true, false);
        assertThat(novCorrected.correction()).isTrue();

        // D22: both publications built on November's first revision are now stale
        assertThat(runs.stale(SCHEME)).extracting(s -> s.publication().id() + " " + s.used().id() + " " + s.newer().id())
                .containsExactly(q4First.id() + " " + novPreview.id() + " " + novCorrected.id(),
                        yearFirst.id() + " " + novPreview.id() + " " + novCorrected.id());

        Run q4Again = launcher.launch(RunKind.SCORE, SCHEME, Q4, true, false);
        assertThat(q4Again.correction()).isTrue();
        assertThat(pdfText(q4Again)).contains("（更正）", "其间已重新运行：2024-11：第1版 → 第2版");
        assertThat(subjects()).last().isEqualTo("【更正】年度测试2024年第四季度专题比拼榜单");
        // the year is still stale: built on November's and now also on Q4's first revision
        assertThat(runs.stale(SCHEME)).extracting(s -> s.publication().id() + " " + s.used().period().code())
                .containsExactly(yearFirst.id() + " 2024-11", yearFirst.id() + " 2024-Q4");
    }

    @Test
    @Order(5)
    void anUnchangedReRunIsNotMailedAndSaysSo() {
        int mails = ENV.mail().getReceivedMessages().length;

        Run again = launcher.launch(RunKind.SCORE, SCHEME, Q4, true, false);

        assertThat(again.publication()).isEqualTo(Publication.UNCHANGED);
        assertThat(again.correction()).isFalse();
        assertThat(ENV.mail().getReceivedMessages()).hasSize(mails);
    }

    @Test
    @Order(6)
    void anOldRevisionIsNeverReleased() {
        assertThatThrownBy(() -> launcher.release(q4First.id(), true)).isInstanceOf(RunRequestException.class)
                .hasMessageContaining("不再发送旧版本");
    }

    @Test
    @Order(7)
    void anIncentiveListIsMailedOnceUnchangedAndAsACorrectionWhenItChanges() throws IOException {
        // nestedtest-2024 carries the Jinfeng incentive rules; INC-15: an agricultural operator investing 5,000,000
        // is in the band 5M–10M → 10,000 元; 4,999,999 is below the band → nothing
        Path data = Files.createDirectories(ENV.work().resolve("inbox").resolve("nestedtest-2024").resolve("incentives").resolve("2024"));
        JobTestSupport.csv(data.resolve("农业经营主体_2024.csv"), LocalDateTime.of(2025, 1, 5, 9, 0),
                "credit_code,name,investment", code(90) + ",合作社甲,5000000", code(91) + ",合作社乙,4999999");
        int mails = ENV.mail().getReceivedMessages().length;

        Run first = launcher.launch(RunKind.INCENTIVE, "nestedtest-2024", YEAR, true, false);
        assertThat(first.status()).as(first.message()).isEqualTo(RunStatus.COMPLETED);
        assertThat(ENV.mail().getReceivedMessages()).hasSize(mails + 2); // 专班 and 财政局

        Run same = launcher.launch(RunKind.INCENTIVE, "nestedtest-2024", YEAR, true, false);
        assertThat(same.publication()).isEqualTo(Publication.UNCHANGED);
        assertThat(ENV.mail().getReceivedMessages()).as("D23: the same list is not mailed again").hasSize(mails + 2);

        // 合作社乙 corrects its investment to 10,000,000: band 10M–20M → 20,000 元, a new award line
        JobTestSupport.csv(data.resolve("农业经营主体_更正.csv"), LocalDateTime.of(2025, 1, 8, 9, 0),
                "credit_code,name,investment", code(91) + ",合作社乙,10000000");
        Run corrected = launcher.launch(RunKind.INCENTIVE, "nestedtest-2024", YEAR, true, false);

        assertThat(corrected.correction()).isTrue();
        assertThat(subjects()).last().asString().startsWith("【更正】奖励测试2024年度企业奖励清单（第3版）");
        assertThat(pdfText(corrected)).contains("更正说明", "与第2版相比：新增 1 项；合计 10,000 → 30,000 元");
    }

    /** A valid unified social credit code (GB 32100) for test subject n. */
    private static String code(int n) {
        String first17 = "91640106" + "%09d".formatted(n);
        return first17 + cn.bipin.incentive.CreditCode.checkDigit(first17);
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private static List<String> subjects() {
        return Arrays.stream(ENV.mail().getReceivedMessages()).map(m -> {
            try {
                return ((MimeMessage) m).getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String pdfText(Run run) throws IOException {
        try (var files = Files.list(Path.of(run.outputDir()))) {
            Path pdf = files.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                return new PDFTextStripper().getText(doc).replaceAll("\\s*\\n\\s*", "");
            }
        }
    }

    private static Path inbox() {
        return ENV.work().resolve("inbox").resolve(SCHEME);
    }
}
