package cn.bipin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;

/**
 * {@code demo --full-year} as a new user runs it, on the real {@code jobs/jinfeng-2024.yaml}, into an empty inbox:
 * the command line runs while the application starts (H2 in memory, folders in a temp dir, mail to the outbox).
 * Checks what the seeded incentive data and ballots make of the year-end lists — properties, not totals — and that
 * no issued token leaves the ballot files: not in an output file, a mail or a log line. The year runs once, while the
 * context starts; the tests only read what it left, in any order.
 */
@SpringBootTest(args = {"demo", "--full-year", "--scheme", "jinfeng-2024"}, properties = {
        "bipin.cli.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:demo-year;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;"
                + "DB_CLOSE_DELAY=-1"})
@ExtendWith(OutputCaptureExtension.class)
class DemoFullYearTest {

    private static final Path WORK = tempDir();
    private static final String SCHEME = "jinfeng-2024";

    @Autowired
    ExitCodeGenerator exitCode;
    @Autowired
    SchemeRepository schemes;
    @Autowired
    DemoIncentives incentives;
    @Autowired
    DemoEvaluation evaluation;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        // the real scheme file; absolute, since a bare "jobs" would resolve to the test classpath's jobs folder
        registry.add("bipin.jobs-dir", () -> Path.of("jobs").toAbsolutePath().toString());
        registry.add("bipin.inbox.dir", () -> WORK.resolve("inbox").toString());
        registry.add("bipin.inbox.archive", () -> WORK.resolve("archive").toString());
        registry.add("bipin.output.dir", () -> WORK.resolve("out").toString());
        registry.add("bipin.mail.outbox", () -> WORK.resolve("outbox").toString());
    }

    @AfterAll
    static void removeWork() throws IOException {
        FileSystemUtils.deleteRecursively(WORK);
    }

    @Test
    void theDemoSaysWhatItSeededAndRunsTheWholeYear(CapturedOutput output) {
        assertThat(exitCode.getExitCode()).as(output.getAll()).isZero();
        Path inbox = WORK.resolve("inbox").resolve(SCHEME).toAbsolutePath();
        assertThat(output.getOut()).contains(
                "已写入演示企业奖励数据（企业、楼宇、项目、招商推荐、农业经营主体），共 ",
                inbox.resolve("incentives").resolve("2024").toString(),
                "已写入演示季度企业奖励数据（商品零售额、项目本季度投资），共 ",
                inbox.resolve("incentives").resolve("2024-Q2") + "、2024-Q3、2024-Q4",
                "已写入演示背靠背评议票（企业、项目单位、部门互评、区领导，令牌只出现在评议票文件中），共 ",
                inbox.resolve("2024-evaluation").resolve("ballots").toString(),
                "已写入演示年度优秀案例推荐及投票，12 个案例",
                // runs are numbered in one series: June to September (#1–#4), August again as its 更正 (#5: the
                // correction arrives after September's bulletin), October to December (#6–#8), then each quarter
                // (#9, #11, #13) with its nested incentive list (#10, #12, #14), then the year (#15) with its
                // evaluation (#16) and incentive list (#17)
                "已收到更正报送：", "运行 #5 2024-08  第2版 完成", "运行 #15 2024     第1版 完成");
        assertThat(list(inbox.resolve("incentives").resolve("2024"))).containsExactlyInAnyOrder("企业_2024.xlsx",
                "楼宇_2024.xlsx", "项目_2024.xlsx", "招商推荐_2024.xlsx", "农业经营主体_2024.xlsx");
        for (String q : List.of("2024-Q2", "2024-Q3", "2024-Q4")) {
            assertThat(list(inbox.resolve("incentives").resolve(q))).containsExactlyInAnyOrder("企业_" + q + ".xlsx",
                    "项目_" + q + ".xlsx");
        }
    }

    @Test
    void theAnnualIncentiveListAwardsMostRules() {
        List<Map<String, String>> lines = csv(out("incentives", "2024").resolve("incentives-2024-r1.csv"));
        Set<String> rules = new LinkedHashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, String> l : lines) {
            rules.add(l.get("rule_id"));
            total = total.add(new BigDecimal(l.get("amount")));
        }
        assertThat(rules).hasSizeGreaterThanOrEqualTo(10).doesNotContain("INC-12");
        assertThat(total).isPositive();
        // the district's own companies never get INC-1, however much they grow
        assertThat(lines).filteredOn(l -> l.get("rule_id").equals("INC-1"))
                .noneMatch(l -> l.get("subject_name").startsWith("银川市金凤区城市建设投资"));
        for (String q : List.of("2024-Q2", "2024-Q3", "2024-Q4")) {
            List<Map<String, String>> quarter = csv(out("incentives", q).resolve("incentives-" + q + "-r1.csv"));
            assertThat(quarter).as(q).anyMatch(l -> l.get("rule_id").equals("INC-12"));
            assertThat(quarter).as(q).allMatch(l -> Set.of("INC-8", "INC-12").contains(l.get("rule_id")));
        }
    }

    @Test
    void mistypedRowsAndBallotsAreRejectedWithReasons() {
        List<Map<String, String>> rows = csv(out("incentives", "2024").resolve("退回明细-2024-r1.csv"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        assertThat(rows.stream().map(r -> r.get("原因")).toList()).anyMatch(r -> r.contains("校验位不对"))
                .anyMatch(r -> r.contains("'12,3O0' 不是数字")).anyMatch(r -> r.contains("是否应为 92%"));
        List<Map<String, String>> ballots = csv(out("2024-evaluation").resolve("退回的评议票-2024-r1.csv"));
        assertThat(ballots.stream().map(r -> r.get("原因")).toList()).anyMatch(r -> r.contains("不能评议本单位"))
                .anyMatch(r -> r.contains("超出 0–100 的范围"));
    }

    @Test
    void theEvaluationRanksEveryDepartmentAndDropsAThinGroup() {
        Scheme scheme = schemes.load(SCHEME);
        Set<String> departments = new LinkedHashSet<>();
        scheme.units().stream().filter(u -> u.group().key().equals("department")).forEach(u -> departments.add(u.code()));
        List<Map<String, String>> lines = csv(out("2024-evaluation").resolve("evaluation-2024-r1.csv"));
        Set<String> ranked = new LinkedHashSet<>();
        lines.stream().filter(l -> !l.get("rank").isEmpty() && !l.get("total_score").isEmpty())
                .forEach(l -> ranked.add(l.get("unit_code")));
        assertThat(ranked).containsExactlyInAnyOrderElementsOf(departments);
        assertThat(lines).filteredOn(l -> l.get("dropped").equals("true"))
                .anyMatch(l -> Integer.parseInt(l.get("ballots")) > 0 && Integer.parseInt(l.get("ballots")) < 3);
        // most groups have enough ballots for the highest and lowest to be dropped
        assertThat(lines.stream().filter(l -> Integer.parseInt(l.get("ballots")) >= 5).count())
                .isGreaterThan(lines.size() * 3L / 4);
        assertThat(csv(out("2024-evaluation").resolve("excellent-cases-2024-r1.csv"))).hasSize(10);
    }

    @Test
    void noIssuedTokenLeavesTheBallotFiles(CapturedOutput output) throws IOException {
        Set<String> tokens = new LinkedHashSet<>();
        Path ballots = WORK.resolve("inbox").resolve(SCHEME).resolve("2024-evaluation").resolve("ballots");
        for (String name : list(ballots)) {
            List<Map<String, String>> rows = csv(ballots.resolve(name));
            rows.forEach(r -> tokens.add(r.containsKey("token") ? r.get("token") : r.get("评议令牌")));
        }
        assertThat(tokens).hasSizeGreaterThan(50).allMatch(t -> t != null && t.matches("[2-9A-Z]{10}"));
        // the scan finds tokens where they are
        assertThat(found(tokens, text(ballots.resolve(list(ballots).get(0)), new java.util.HashSet<>()))).isNotEmpty();

        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(WORK.resolve("out"), WORK.resolve("outbox"))) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        assertThat(files).anyMatch(f -> f.toString().endsWith(".eml"))
                .anyMatch(f -> f.toString().contains("2024-evaluation") && f.toString().endsWith(".pdf"));
        Set<String> scanned = new java.util.HashSet<>(); // attachments identical to a scanned file are not read twice
        for (Path f : files) {
            assertThat(found(tokens, text(f, scanned))).as(f.toString()).isEmpty();
        }
        String log = output.getAll();
        assertThat(log).contains("评议运行", "评议令牌");
        assertThat(found(tokens, log)).as("stdout and log").isEmpty();
    }

    @Test
    void anIndividualReferrersIdentityNumberIsNeverPrintedWhole() throws IOException {
        // the demo's person referrer 王建国: 64010619780315231 + check digit; Σ digit × GB 11643 weight = 276,
        // 276 mod 11 = 1 → '0'
        String id = "640106197803152310";
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(WORK.resolve("out"))) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        try (Stream<Path> s = Files.walk(WORK.resolve("outbox"))) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        StringBuilder all = new StringBuilder();
        for (Path f : files) {
            String text = text(f, new java.util.HashSet<>());
            assertThat(text).as(f.toString()).doesNotContain(id);
            all.append(text);
        }
        // first 6 and last 4 kept, as the INC-2 line shows who referred the company
        assertThat(all.toString()).contains("王建国（640106********2310）");
    }

    @Test
    void theYearShowsEveryRuleALeaderAsksAbout() throws IOException {
        // the profiles of demo/submissions.yaml: 长城中路街道 steady at strength 0.95 is top three in every period and
        // first in the year; 黄河东路街道 (0.90) top four throughout and second; 良田镇 and 满城北街街道 (0.86, the second
        // the first's twin) score the same in every competition, so they share third place
        Map<String, Map<String, String>> totals = new LinkedHashMap<>();
        csv(out("2024").resolve("totals-2024-r1.csv")).forEach(t -> totals.put(t.get("unit_code"), t));
        assertThat(totals.get("changcheng").get("total_rank")).isEqualTo("1");
        assertThat(totals.get("huanghe").get("total_rank")).isEqualTo("2");
        assertThat(totals.get("liangtian").get("total_rank")).isEqualTo("3");
        assertThat(totals.get("mancheng").get("total_rank")).isEqualTo("3");
        assertThat(totals.get("mancheng").get("total_score")).isEqualTo(totals.get("liangtian").get("total_score"));
        // the result application (annual workbook, sheet 考核结果运用): +3 with 优秀比例 +5% and 100,000 元; +1 and
        // 80,000 元; the tied third places each 50,000 元 (the scheme file's work_funds [100000, 80000, 50000])
        Map<String, List<String>> awards = new LinkedHashMap<>();
        Path annualXlsx = Files.list(out("2024")).filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        try (org.apache.poi.ss.usermodel.Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(annualXlsx.toFile())) {
            org.apache.poi.ss.usermodel.DataFormatter f = new org.apache.poi.ss.usermodel.DataFormatter();
            for (org.apache.poi.ss.usermodel.Row row : wb.getSheet("考核结果运用")) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(f.formatCellValue(c)));
                if (!cells.isEmpty()) {
                    awards.put(cells.get(0), cells);
                }
            }
        }
        assertThat(awards.get("长城中路街道")).contains("+3", "+5%", "100,000");
        assertThat(awards.get("黄河东路街道")).contains("+1", "80,000");
        assertThat(awards.get("良田镇")).contains("50,000");
        assertThat(awards.get("满城北街街道")).contains("50,000");

        // ranks change from quarter to quarter in the quarterly competitions (each month's amount drawn on its own)
        Map<String, String> q2 = new LinkedHashMap<>();
        csv(out("2024-Q2").resolve("scores-2024-Q2-r1.csv")).forEach(r -> q2.put(r.get("competition_code") + "|"
                + r.get("unit_code"), r.get("competition_rank")));
        long moved = csv(out("2024-Q3").resolve("scores-2024-Q3-r1.csv")).stream()
                .filter(r -> List.of("c5", "c6", "c7").contains(r.get("competition_code")))
                .filter(r -> !r.get("competition_rank").equals(q2.get(r.get("competition_code") + "|" + r.get("unit_code"))))
                .count();
        assertThat(moved).isPositive();

        // August's correction is a 更正 bulletin that names the corrected file
        Path august2 = WORK.resolve("out").resolve(SCHEME).resolve("2024-08").resolve("r2");
        String correction = pdf(Files.list(august2).filter(f -> f.toString().endsWith(".pdf")).findFirst().orElseThrow());
        assertThat(correction).contains("（更正）", "更正说明：报送数据变更", "发展和改革局-2024-08-更正.csv");
        // received 2024-10-12, after August's deadline (2024-09-20), it only corrects a value reported on time: a
        // correction, not a late report (D21), so the 逾期 list under the ranking is empty
        assertThat(correction).contains("逾期无").doesNotContain("收到 发展和改革局-2024-08-更正.csv");

        // D24: the policy's own numbering, never a spec code; every target_ratio figure shows its target
        String year = pdf(Files.list(out("2024")).filter(f -> f.toString().endsWith(".pdf")).findFirst().orElseThrow());
        assertThat(year).contains("按附件1 一（三）结果运用计算").doesNotContain("R-AWARD", "（D3）", "（D5）");
        String incentives = pdf(Files.list(out("incentives", "2024")).filter(f -> f.toString().endsWith(".pdf"))
                .findFirst().orElseThrow());
        assertThat(incentives).contains("附件1 二（三）1 开工入库效率奖").doesNotContain("INC-");
        // 发展和改革局's third-quarter targets: 总量 520,000 × 3/4 = 390,000; 完成招商资金 150,000 × 3/4 = 112,500
        String q3 = pdf(Files.list(out("2024-Q3")).filter(f -> f.toString().endsWith(".pdf")).findFirst().orElseThrow());
        assertThat(q3).contains("目标 390,000", "目标 112,500");
    }

    private static String pdf(Path file) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s*\\n\\s*", "");
        }
    }

    /** The tokens that occur in the text (case ignored, as tokens are typed). */
    private static Set<String> found(Set<String> tokens, String text) {
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i + 10 <= upper.length(); i++) {
            String window = upper.substring(i, i + 10);
            if (tokens.contains(window)) {
                found.add(window);
            }
        }
        return found;
    }

    @Test
    void theSameSeedWritesTheSameData() throws IOException {
        Scheme scheme = schemes.load(SCHEME);
        Path a = WORK.resolve("again-a");
        Path b = WORK.resolve("again-b");
        assertThat(incentives.seed(scheme, a.resolve("incentives"))).hasSize(2);
        assertThat(incentives.seed(scheme, b.resolve("incentives"))).hasSize(2);
        assertThat(evaluation.seed(scheme, a.resolve("evaluation"))).hasSize(2);
        assertThat(evaluation.seed(scheme, b.resolve("evaluation"))).hasSize(2);
        List<Path> inA;
        try (Stream<Path> s = Files.walk(a)) {
            inA = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(inA).hasSize(5 + 3 * 2 + 5 + 3);
        for (Path fa : inA) {
            Path fb = b.resolve(a.relativize(fa));
            assertThat(Files.getLastModifiedTime(fb)).isEqualTo(Files.getLastModifiedTime(fa));
            if (fa.toString().endsWith(".xlsx")) {
                assertThat(cells(fb)).as(fb.toString()).isEqualTo(cells(fa));
            } else {
                // the tokens are fresh each time; who rated what with which scores is not
                assertThat(tokensNumbered(fb)).as(fb.toString()).isEqualTo(tokensNumbered(fa));
            }
        }
        // a folder that holds a file is left alone
        assertThat(incentives.seed(scheme, a.resolve("incentives"))).isEmpty();
        assertThat(evaluation.seed(scheme, a.resolve("evaluation"))).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static Path out(String... under) {
        Path p = WORK.resolve("out").resolve(SCHEME);
        for (String u : under) {
            p = p.resolve(u);
        }
        return p.resolve("r1");
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A simple CSV (quoted fields without line breaks) as header → value maps. */
    private static List<Map<String, String>> csv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> header = fields(lines.get(0).replace("\uFEFF", ""));
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = fields(line);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < f.size() ? f.get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    sb.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }

    /** Everything a reader of the file could see: PDF text, every cell, a mail's parts and attachments and source. */
    private static String text(Path file, Set<String> scanned) throws IOException {
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        try {
            if (name.endsWith(".eml")) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                        new java.io.ByteArrayInputStream(bytes));
                StringBuilder sb = new StringBuilder(message.getSubject() == null ? "" : message.getSubject());
                part(message, sb, scanned);
                return sb + "\n" + new String(bytes, StandardCharsets.ISO_8859_1);
            }
            scanned.add(sha256(bytes));
            return content(name, new java.io.ByteArrayInputStream(bytes));
        } catch (MessagingException e) {
            throw new IOException(e);
        }
    }

    private static void part(Part part, StringBuilder sb, Set<String> scanned) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multi = (Multipart) part.getContent();
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart body = multi.getBodyPart(i);
                part(body, sb, scanned);
            }
        } else if (part.isMimeType("text/*")) {
            sb.append('\n').append(part.getContent());
        } else {
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readAllBytes();
            }
            if (scanned.add(sha256(bytes))) {
                String name = part.getFileName() == null ? ""
                        : jakarta.mail.internet.MimeUtility.decodeText(part.getFileName());
                sb.append('\n').append(content(name, new java.io.ByteArrayInputStream(bytes)));
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String content(String name, InputStream in) throws IOException {
        if (name.endsWith(".pdf")) {
            try (PDDocument doc = Loader.loadPDF(in.readAllBytes())) {
                return new PDFTextStripper().getText(doc);
            }
        }
        if (name.endsWith(".xlsx")) {
            return String.join("\n", cells(in));
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static List<String> cells(Path xlsx) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx)) {
            return cells(in);
        }
    }

    private static List<String> cells(InputStream xlsx) throws IOException {
        DataFormatter formatter = new DataFormatter();
        List<String> cells = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(xlsx)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + formatter.formatCellValue(cell));
                    }
                }
            }
        }
        return cells;
    }

    /** A ballot or case file with each token replaced by the order it first appears in. */
    private static String tokensNumbered(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, Integer> seen = new LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<=,)[2-9A-Z]{10}(?=,)").matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int n = seen.computeIfAbsent(m.group(), k -> seen.size() + 1);
            m.appendReplacement(sb, "rater" + n);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("bipin-demo-year");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
