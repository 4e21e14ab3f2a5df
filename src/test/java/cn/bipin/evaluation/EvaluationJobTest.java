package cn.bipin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMailUtil;

import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.run.Run;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.RunRequestException;
import cn.bipin.run.RunStatus;
import cn.bipin.scheme.Period;
import cn.bipin.testsupport.JobEnvironment;
import cn.bipin.testsupport.JobTest;

/**
 * {@code evaluationJob} from fixture ballots to the PDF text, for {@code evaltest-2024} (targets a 发展和改革局,
 * b 财政局, c 商务局; the town t is not rated). Worked by hand from DOMAIN §5 (D8), D4 and D6:
 *
 * <pre>
 * a  enterprise 5 ballots: 服务企业 90, 80, 70, 60, 100 → drop 100 and 60 → 240/3 = 80.00; 服务项目 良好 → 85.00;
 *                 问题清零 一般 → 70.00; group (40·80 + 30·85 + 30·70)/100 = 78.50
 *    peer_unit 3 ballots (units b, c, c) of 80, 90, 100 on every item → 90.00 each, group 90.00
 *    leader 2 ballots → dropped; project_owner none → dropped
 *    total (40·78.50 + 20·90)/60 = 4940/60 = 82.333… → 82.33
 * b  enterprise 4 ballots (E0's earlier 10,10,10 replaced by its later ballot): 服务企业 95, 85, 75, 65 → plain
 *                 mean 80.00; 服务项目 优秀 95.00; 问题清零 较差 50.00; group (3200 + 2850 + 1500)/100 = 75.50
 *    leader 3 ballots 70 (from the .xlsx form), 80, 90 → 80.00
 *    total (40·75.50 + 20·80)/60 = 4620/60 = 77.00
 * c  enterprise 3 ballots of 82.33 → 82.33; nothing else → total 82.33
 * ranks: a 1, c 1 (tie on the rounded score), b 3
 * ballots: accepted 1 + 12 + 3 + 1 + 4 = 21, scored 20 (1 replaced); rejected 4 + 1 = 5
 * cases (top 2): 案例丙 12 votes; 案例乙 6 + 4 = 10, nominated 2024-10-01 before 案例甲 (10 votes, 2024-11-01)
 * </pre>
 * The fixture runs the evaluation once on the database of {@link JobTest}, then again with nothing new in the
 * inbox; the tests read what those runs left.
 */
@JobTest
@ExtendWith(OutputCaptureExtension.class)
class EvaluationJobTest {

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("eval");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
    }

    static final String SCHEME = "evaltest-2024";

    @Autowired
    RunLauncher launcher;
    @Autowired
    EvaluationService service;
    @Autowired
    EvaluationScoring scoring;
    @Autowired
    RaterTokens tokens;
    @Autowired
    BallotForms forms;
    @Autowired
    RawBallots rawBallots;
    @Autowired
    SchemeRepository schemes;
    @Autowired
    JdbcClient jdbc;

    final List<String> issued = new ArrayList<>();
    Run run;
    /** The same evaluation re-run with nothing new in the inbox, not mailed. */
    Run second;
    EvaluationRules rules;

    @BeforeAll
    void runTheEvaluationTwice() throws IOException {
        Scheme scheme = schemes.load(SCHEME);
        rules = EvaluationRulesLoader.load(scheme);
        List<String> e = issue("enterprise", null, 12);
        List<String> l = issue("leader", null, 6);
        List<String> pa = issue("peer_unit", "a", 1);
        List<String> pb = issue("peer_unit", "b", 1);
        List<String> pc = issue("peer_unit", "c", 2);
        Path ballots = ENV.work().resolve("inbox").resolve(SCHEME).resolve("2024-evaluation").resolve("ballots");
        String head = "group,token,target_unit,enterprise_service,project_service,problem_clearing";
        csv(ballots.resolve("early.csv"), LocalDateTime.of(2024, 12, 1, 9, 0), head,
                "enterprise," + e.get(0) + ",b,10,10,10");
        csv(ballots.resolve("enterprise.csv"), LocalDateTime.of(2024, 12, 2, 9, 0), head,
                "enterprise," + e.get(0) + ",a,90,良好,一般",
                "enterprise," + e.get(1) + ",a,80,良好,一般",
                "enterprise," + e.get(2) + ",a,70,良好,一般",
                "enterprise," + e.get(3) + ",a,60,良好,一般",
                "enterprise," + e.get(4) + ",a,100,良好,一般",
                "enterprise," + e.get(0) + ",b,95,优秀,较差",
                "enterprise," + e.get(1) + ",b,85,优秀,较差",
                "enterprise," + e.get(2) + ",b,75,优秀,较差",
                "enterprise," + e.get(3) + ",b,65,优秀,较差",
                "enterprise," + e.get(5) + ",c,82.33,82.33,82.33",
                "enterprise," + e.get(6) + ",c,82.33,82.33,82.33",
                "enterprise," + e.get(7) + ",c,82.33,82.33,82.33",
                "enterprise," + e.get(8) + ",t,90,90,90",          // t is not rated
                "enterprise," + e.get(9) + ",a,101,90,90",         // out of range
                "enterprise," + l.get(5) + ",a,90,90,90",          // a leader's token on the enterprise form
                "enterprise,NOTATOKEN9,a,90,90,90");               // never issued
        csv(ballots.resolve("peer.csv"), LocalDateTime.of(2024, 12, 3, 9, 0), head,
                "peer_unit," + pb.get(0) + ",a,80,80,80",
                "peer_unit," + pc.get(0) + ",a,90,90,90",
                "peer_unit," + pc.get(1) + ",a,100,100,100",
                "peer_unit," + pa.get(0) + ",a,100,100,100");     // a rating itself
        leaderForm(scheme, ballots.resolve("领导评议表.xlsx"), l.get(0), LocalDateTime.of(2024, 12, 4, 9, 0));
        csv(ballots.resolve("leader.csv"), LocalDateTime.of(2024, 12, 5, 9, 0), head,
                "leader," + l.get(1) + ",b,80,80,80",
                "leader," + l.get(2) + ",b,90,90,90",
                "leader," + l.get(3) + ",a,90,90,90",
                "leader," + l.get(4) + ",a,90,90,90");
        Path inbox = ballots.getParent();
        csv(inbox.resolve("cases").resolve("cases.csv"), LocalDateTime.of(2024, 12, 6, 9, 0),
                "case_no,unit_code,title,summary,nominated_at",
                "K1,a,案例甲,\"项目审批, 一站办结\",2024-11-01",
                "K2,b,案例乙,资金直达,2024-10-01",
                "K3,c,案例丙,招商服务专员,2024-12-01 10:30");
        csv(inbox.resolve("votes").resolve("votes.csv"), LocalDateTime.of(2024, 12, 7, 9, 0),
                "case_no,votes", "K1,10", "K2,6", "K2,4", "K3,12", "K9,5");
        run = launcher.launch(RunKind.EVALUATION, SCHEME, Period.parse("2024"), true, false);
        second = launcher.launch(RunKind.EVALUATION, SCHEME, Period.parse("2024"), false, false);
    }

    @Test
    void theRunCountsEveryBallotLine() {
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.revision()).isEqualTo(1);
        assertThat(run.filesAccepted()).isEqualTo(5);
        assertThat(run.rowsAccepted()).isEqualTo(21);
        assertThat(run.rowsRejected()).isEqualTo(5);
        assertThat(service.counts(run).ballots()).isEqualTo(20);
        assertThat(service.counts(run).replaced()).isEqualTo(1);
        List<String> errors = jdbc.sql("SELECT error FROM eval_ballot WHERE status = 'REJECTED' ORDER BY file_id, row_no")
                .query(String.class).list();
        assertThat(errors).hasSize(5);
        assertThat(String.join("\n", errors)).contains("单位代码：'t' 不是被评议单位", "'101' 超出 0–100 的范围",
                "该令牌属于“区领导”评议组", "不是本方案发放的评议令牌", "部门互评不能评议本单位（发展和改革局）");
    }

    @Test
    void scoresGroupsAndRanksAreTheHandWorkedOnes() {
        EvaluationResult result = scoring.load(rules, run.id());
        assertThat(result.targets()).extracting(t -> t.target() + " " + t.rank() + " " + t.total())
                .containsExactly("a 1 82.33", "c 1 82.33", "b 3 77.00");
        EvaluationResult.TargetResult a = result.target("a").orElseThrow();
        assertThat(a.groups()).extracting(g -> g.group() + " " + g.ballots() + " " + g.score() + " " + g.dropped())
                .containsExactly("enterprise 5 78.50 false", "project_owner 0 null true", "peer_unit 3 90.00 false",
                        "leader 2 null true");
        assertThat(a.groups().get(0).itemScores()).extracting(Object::toString).containsExactly("80.00", "85.00", "70.00");
        EvaluationResult.TargetResult b = result.target("b").orElseThrow();
        assertThat(b.groups()).extracting(g -> g.group() + " " + g.ballots() + " " + g.score())
                .containsExactly("enterprise 4 75.50", "project_owner 0 null", "peer_unit 0 null", "leader 3 80.00");
    }

    @Test
    void theBulletinPdfSaysItInChinese() throws Exception {
        Path dir = Path.of(run.outputDir());
        Path pdf = dir.resolve("评议测试2024年度背靠背评议结果-第1版.pdf");
        String text = pdfText(pdf).replaceAll("\\s+", "");
        assertThat(text).contains("评议测试2024年度背靠背评议结果", "评议排名", "发展和改革局", "82.33", "77.00", "78.50",
                "不计入（2票）", "未计入的评议组", "年度优秀案例", "案例丙", "案例乙", "有效评议票20张");
        assertThat(text).doesNotContain("案例甲");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> fonts = new ArrayList<>();
            doc.getPages().forEach(p -> p.getResources().getFontNames().forEach(n -> {
                try {
                    fonts.add(p.getResources().getFont(n).getName() + (p.getResources().getFont(n).isEmbedded() ? "+" : "-"));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }));
            assertThat(fonts).allMatch(f -> f.endsWith("+"));
        }
        assertThat(dir.resolve("评议测试2024年度背靠背评议结果-第1版.xlsx")).exists();
        String csv = Files.readString(dir.resolve("evaluation-2024-r1.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("evaltest-2024,2024,1,a,发展和改革局,1,82.33,enterprise,5,false,78.50,80.00,85.00,70.00");
        String cases = Files.readString(dir.resolve("excellent-cases-2024-r1.csv"), StandardCharsets.UTF_8);
        assertThat(cases).contains("1,K3,c,商务局,案例丙,招商服务专员,12,2024-12-01 10:30", "2,K2,b,财政局,案例乙,资金直达,10,");
        assertThat(dir.resolve("反馈").resolve("评议反馈_2024_b_财政局.xlsx")).exists();
        // the unit's sheet says whose result it is, for which year, its total and its rank, before the detail
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                dir.resolve("反馈").resolve("评议反馈_2024_b_财政局.xlsx").toFile())) {
            var overview = wb.getSheet("本单位评议汇总");
            var f = new org.apache.poi.ss.usermodel.DataFormatter();
            assertThat(overview.getRow(0).getCell(0).getStringCellValue()).startsWith("财政局 ");
            assertThat(f.formatCellValue(overview.getRow(2).getCell(0))).isEqualTo("财政局");
            assertThat(f.formatCellValue(overview.getRow(2).getCell(1))).isEqualTo("2024年度");
            assertThat(f.formatCellValue(overview.getRow(2).getCell(2))).matches("\\d+\\.\\d\\d");
            assertThat(f.formatCellValue(overview.getRow(2).getCell(3))).matches("第\\d名（共\\d个单位）");
        }
        assertThat(ENV.mail().getReceivedMessages()).hasSize(1);
        assertThat(ENV.mail().getReceivedMessages()[0].getSubject()).isEqualTo("评议测试2024年度背靠背评议结果");
    }

    @Test
    void noOutputLogOrMailCarriesATokenOrItsHash(CapturedOutput log) throws Exception {
        RaterTokens.Hasher hasher = tokens.hasher(SCHEME);
        List<String> secrets = new ArrayList<>(issued);
        issued.forEach(t -> secrets.add(hasher.hash(t)));
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ENV.work().resolve("out"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                texts.add(f + "\n" + readable(f));
            }
        }
        assertThat(texts).hasSizeGreaterThanOrEqualTo(8); // pdf, xlsx, 3 csv, 3 feedback sheets
        for (var message : ENV.mail().getReceivedMessages()) {
            texts.add("mail\n" + GreenMailUtil.getWholeMessage(message));
        }
        texts.add("log\n" + log.getAll());
        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).as("an output must not contain a token or its hash").doesNotContain(secret);
            }
        }
        // the one explicit way to see token-level data: hashes only, never the tokens themselves
        Path raw = ENV.work().resolve("raw").resolve("原始评议票.csv");
        assertThat(rawBallots.export(SCHEME, "2024", raw)).isEqualTo(26);
        String rawText = Files.readString(raw, StandardCharsets.UTF_8);
        assertThat(rawText).contains(hasher.hash(issued.get(0)));
        issued.forEach(t -> assertThat(rawText).doesNotContain(t));
    }

    @Test
    void aRerunIsTheNextRevisionAndTheAnnualHookRunsTheSame() {
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.rowsAccepted()).isZero(); // nothing new in the inbox
        assertThat(service.counts(second).ballots()).isEqualTo(20);
        assertThat(scoring.load(rules, second.id()).targets()).extracting(t -> t.target() + " " + t.total())
                .containsExactly("a 82.33", "c 82.33", "b 77.00");
        assertThatThrownBy(() -> launcher.launch(RunKind.EVALUATION, SCHEME, Period.parse("2023"), false, false))
                .isInstanceOf(RunRequestException.class)
                .hasMessageContaining("期间应为方案年度 2024");
    }

    private List<String> issue(String group, String unit, int n) {
        List<String> t = tokens.issue(SCHEME, group, unit, n);
        issued.addAll(t);
        return t;
    }

    /** Fills a leader's .xlsx form as a rater would: the token, and b's row with 70 on every item. */
    private void leaderForm(Scheme scheme, Path out, String token, LocalDateTime received) throws IOException {
        Path blank = ENV.work().resolve("form.xlsx");
        forms.writeXlsx(scheme, rules, rules.group("leader").orElseThrow(), "2024", blank);
        try (InputStream in = Files.newInputStream(blank); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheet(BallotReader.SHEET);
            sheet.getRow(2).getCell(1).setCellValue(token);
            for (Row row : sheet) {
                if (row.getCell(0) != null && "b".equals(row.getCell(0).getStringCellValue())) {
                    for (int c = 2; c < 5; c++) {
                        row.getCell(c).setCellValue(70);
                    }
                }
            }
            Files.createDirectories(out.getParent());
            try (OutputStream os = Files.newOutputStream(out)) {
                wb.write(os);
            }
        }
        Files.setLastModifiedTime(out, FileTime.from(received.atZone(ZoneId.systemDefault()).toInstant()));
    }

    private static void csv(Path file, LocalDateTime received, String... lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "\uFEFF" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.from(received.atZone(ZoneId.systemDefault()).toInstant()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** A file's text as a reader sees it: PDF text, every workbook cell, or the file itself. */
    private static String readable(Path f) throws IOException {
        String name = f.getFileName().toString();
        if (name.endsWith(".pdf")) {
            return pdfText(f);
        }
        if (name.endsWith(".xlsx")) {
            StringBuilder sb = new StringBuilder();
            DataFormatter fmt = new DataFormatter();
            try (InputStream in = Files.newInputStream(f); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                for (Sheet s : wb) {
                    for (Row r : s) {
                        for (Cell c : r) {
                            sb.append(fmt.formatCellValue(c)).append('\t');
                        }
                    }
                }
            }
            return sb.toString();
        }
        return Files.readString(f, StandardCharsets.UTF_8);
    }
}
