package cn.bipin.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.bipin.scheme.Period;
import cn.bipin.testsupport.JobEnvironment;
import cn.bipin.testsupport.JobTest;
import cn.bipin.testsupport.JobTestSupport;
import cn.bipin.run.Run;
import cn.bipin.run.RunKind;
import cn.bipin.run.RunLauncher;
import cn.bipin.run.RunStatus;
import cn.bipin.scheme.SchemeRepository;

/**
 * The incentive job on a fixture dataset of {@code inctest-2024} (Jinfeng numbers), worked by hand:
 *
 * <pre>
 * enterprises  E1 商务服务, revenue 1,100,000 / 1,000,000, contribution 1,200,000 / 1,000,000 (+20%) → INC-1 5% = 60,000
 *              E2 same but a district SOE → nothing; E3 四上 since 2024-05-01 → INC-10 50,000
 *              E4 registered 2024-02-01, 总承包, construction, in statistics, output 30,000,000 → INC-14 30,000
 *              E5 attracted 批发和零售业 firm in 限额以上 → INC-13 30,000; E6 grade A, tax 5,000,000 (rank 1), +12% → INC-11 30,000
 *              two rows rejected (bad check digit; '12,3O0')
 * buildings    B1 occupancy 85%, registration 90%, specialisation 70%, lead industry → INC-3 100,000;
 *                 contribution 12,000,000 → INC-4 (10,000,000) 100,000; centre, satisfaction 95% → INC-5 100,000;
 *                 renovation 12,000,000 × 10% = 1,200,000 → cap 1,000,000
 *              B2 occupancy 84.99% → no INC-3; contribution 9,999,999 → no INC-4; renovation 500,000 → INC-6 50,000
 * projects     P1 land 2024-01-15, started and registered 2024-04-15, FAI 150,000,000 → INC-7 100,000;
 *                 social, new tax-paying, FAI > 100,000,000 → INC-8 30,000
 *              P2 idle revival, 100,000,000, started 2022-06-01, in use 2024-06-01 → INC-9 50,000 + 50,000
 * referrals    N1 一般企业, output 200,000,001 → 5,000 + 10,000 × 2 = 25,000; N2 总部企业 1,000,000,001 → 110,000 → cap 100,000
 * agri         A1 5,000,000 → 10,000; A2 4,999,999 → nothing
 * total        60,000 + 125,000 + 100,000 + 100,000 + 100,000 + 1,050,000 + 100,000 + 30,000 + 100,000 + 50,000
 *              + 30,000 + 30,000 + 30,000 + 10,000 = 1,915,000 in 17 lines
 * revision 2   a correction puts E1's contribution at 1,199,900 (+19.99%) → no INC-1: 1,855,000 in 16 lines; the
 *              once-only awards of revision 1 are granted again (its own earlier revision does not count)
 * 2025         B1 again (inctest-2025, same ledger): INC-3, INC-4 (10,000,000), INC-5 withheld; INC-6 1,000,000 paid
 * 2024-Q3      E5 retail 1,300,000 / 1,000,000 (+30%) → 30,000; E6 130,000,000 / 100,000,000 批发和零售业 → 30,000 and
 *              1% × (130,000,000 − 100,000,000 × 1.05) = 250,000; P1 quarter FAI 300,000,001 > 300,000,000 → 50,000
 *              = 360,000 in 4 lines
 * </pre>
 * The fixture makes these four lists in this order (revision 1, its correction, the next year, the quarter) on the
 * database of {@link JobTest}; the tests read what those runs left.
 */
@JobTest
class IncentiveJobTest {

    @RegisterExtension
    static final JobEnvironment ENV = new JobEnvironment("incentive");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ENV.register(registry);
    }

    @Autowired
    RunLauncher launcher;
    @Autowired
    IncentiveStore store;
    @Autowired
    IncentiveService tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SchemeRepository schemes;

    /** 2024, mailed. */
    Run first;
    /** 2024 again after a correction of E1, not mailed. */
    Run second;
    /** inctest-2025 on the same ledger. */
    Run next;
    /** 2024-Q3. */
    Run q3;

    Path inbox(String scheme, String period) {
        return ENV.work().resolve("inbox").resolve(scheme).resolve("incentives").resolve(period);
    }

    static String c(int n) {
        return Rows.code(n);
    }

    @BeforeAll
    void runTheYear() {
        Path in = inbox("inctest-2024", "2024");
        LocalDateTime t = LocalDateTime.of(2025, 1, 10, 9, 0);
        JobTestSupport.csv(in.resolve("企业_2024.csv"), t,
                "credit_code,name,industry,district_soe,revenue,revenue_last,contribution,contribution_last,above_scale,above_scale_since,registered_on,qualification,construction_main,in_statistics,output,attracted,above_limit,tax_grade,tax_contribution,tax_growth",
                c(1) + ",服务甲,商务服务,否,1100000,1000000,1200000,1000000,,,,,,,,,,,,",
                c(2) + ",国企乙,商务服务,是,1100000,1000000,1200000,1000000,,,,,,,,,,,,",
                c(3) + ",四上丙,,,,,,,是,2024-05-01,,,,,,,,,,",
                c(4) + ",建筑丁,,,,,,,,,2024-02-01,总承包,是,是,30000000,,,,,",
                c(5) + ",商贸戊,批发和零售业,,,,,,,,,,,,,是,是,,,",
                c(6) + ",纳税己,批发和零售业,,,,,,,,,,,,,,,A,5000000,12%",
                "91640106MA0000001X,错码企业,,,,,,,,,,,,,,,,,,",
                c(7) + ",错数企业,,,\"12,3O0\",,,,,,,,,,,,,,,");
        JobTestSupport.csv(in.resolve("楼宇_2024.csv"), t,
                "楼宇编号,楼宇名称,运营企业统一社会信用代码,运营企业名称,符合主导产业,入驻率,注册率,专业集中度,年度辖区经济贡献,建立综合服务中心,入驻企业好评度,改造复核工程价款",
                "B1,金凤大厦," + c(50) + ",运营甲,是,85%,90%,70%,12000000,是,95%,12000000",
                "B2,阅海大厦," + c(51) + ",运营乙,是,84.99%,95%,80%,9999999,否,,500000");
        JobTestSupport.csv(in.resolve("项目_2024.csv"), t,
                "project_id,name,owner_code,owner_name,social_investment,land_acquired_on,started_on,registered_on,investment,new_tax_paying,idle_revival,in_use_on",
                "P1,新厂房," + c(60) + ",项目甲,是,2024-01-15,2024-04-15,2024-04-15,150000000,是,否,",
                "P2,烂尾楼续建," + c(61) + ",项目乙,否,,2022-06-01,,100000000,否,是,2024-06-01");
        JobTestSupport.csv(in.resolve("招商推荐_2024.csv"), t,
                "newcomer_code,newcomer_name,referrer_id,referrer_name,newcomer_class,has_contribution,first_year_output",
                c(70) + ",新入驻一," + c(80) + ",招引甲,一般企业,是,200000001",
                c(71) + ",新入驻二,11010519491231002X,张三,总部企业,是,1000000001");
        JobTestSupport.csv(in.resolve("农业经营主体_2024.csv"), t,
                "credit_code,name,investment", c(90) + ",合作社甲,5000000", c(91) + ",合作社乙,4999999");
        first = launcher.launch(RunKind.INCENTIVE, "inctest-2024", Period.parse("2024"), true, false);

        JobTestSupport.csv(in.resolve("企业_更正.csv"), LocalDateTime.of(2025, 1, 20, 9, 0),
                "credit_code,name,industry,revenue,revenue_last,contribution,contribution_last",
                c(1) + ",服务甲,商务服务,1100000,1000000,1199900,1000000");
        second = launcher.launch(RunKind.INCENTIVE, "inctest-2024", Period.parse("2024"), false, false);

        JobTestSupport.csv(inbox("inctest-2025", "2025").resolve("楼宇_2025.csv"), LocalDateTime.of(2026, 1, 10, 9, 0),
                "楼宇编号,楼宇名称,运营企业统一社会信用代码,运营企业名称,符合主导产业,入驻率,注册率,专业集中度,年度辖区经济贡献,建立综合服务中心,入驻企业好评度,改造复核工程价款",
                "B1,金凤大厦," + c(50) + ",运营甲,是,90%,95%,75%,15000000,是,98%,12000000");
        next = launcher.launch(RunKind.INCENTIVE, "inctest-2025", Period.parse("2025"), false, false);

        Path quarter = inbox("inctest-2024", "2024-Q3");
        LocalDateTime afterQuarter = LocalDateTime.of(2024, 10, 15, 9, 0);
        JobTestSupport.csv(quarter.resolve("企业_2024-Q3.csv"), afterQuarter, "credit_code,name,industry,retail,retail_last",
                c(5) + ",商贸戊,批发和零售业,1300000,1000000",
                c(6) + ",纳税己,批发和零售业,130000000,100000000");
        JobTestSupport.csv(quarter.resolve("项目_2024-Q3.csv"), afterQuarter, "project_id,name,owner_code,owner_name,social_investment,quarter_investment",
                "P1,新厂房," + c(60) + ",项目甲,是,300000001");
        q3 = launcher.launch(RunKind.INCENTIVE, "inctest-2024", Period.parse("2024-Q3"), false, false);
    }

    List<IncentiveStore.StoredLine> lines(Run run) {
        return store.lines(run.id());
    }

    @Test
    void annualListHasEveryHandWorkedLine() {
        assertThat(first.status()).as(first.message()).isEqualTo(RunStatus.COMPLETED);
        // enterprises 8 rows of which 2 rejected, buildings 2, projects 2, referrals 2, agri 2: 6 + 2 + 2 + 2 + 2 = 14
        assertThat(first.rowsAccepted()).isEqualTo(14);
        assertThat(first.rowsRejected()).isEqualTo(2);
        assertThat(lines(first)).allMatch(IncentiveStore.StoredLine::granted)
                .extracting(l -> l.award().ruleId(), l -> l.award().subjectId(), l -> l.award().amount().toPlainString())
                .containsExactly(
                        tuple("INC-1", c(1), "60000.00"),
                        tuple("INC-2", c(70), "25000.00"),
                        tuple("INC-2", c(71), "100000.00"),
                        tuple("INC-3", "B1", "100000.00"),
                        tuple("INC-4", "B1", "100000.00"),
                        tuple("INC-5", "B1", "100000.00"),
                        tuple("INC-6", "B1", "1000000.00"),
                        tuple("INC-6", "B2", "50000.00"),
                        tuple("INC-7", "P1", "100000.00"),
                        tuple("INC-8", "P1", "30000.00"),
                        tuple("INC-9", "P2", "50000.00"),
                        tuple("INC-9", "P2", "50000.00"),
                        tuple("INC-10", c(3), "50000.00"),
                        tuple("INC-11", c(6), "30000.00"),
                        tuple("INC-13", c(5), "30000.00"),
                        tuple("INC-14", c(4), "30000.00"),
                        tuple("INC-15", c(90), "10000.00"));
        // one project's two INC-9 awards in the order of the rule: revived, then in use
        assertThat(lines(first)).filteredOn(l -> l.award().ruleId().equals("INC-9"))
                .extracting(l -> l.award().part()).containsExactly("盘活", "投用");
        assertThat(tasks.totals(first).awardLines()).isEqualTo(17);
        assertThat(tasks.totals(first).awardTotal()).isEqualByComparingTo("1915000");
    }

    @Test
    void rejectedRowsKeptWithChineseReasons() throws IOException {
        // the rows of revision 1's files (the fixture's later runs add files of their own)
        List<String> errors = jdbc.sql("""
                SELECT r.error FROM incentive_row r JOIN incentive_file f ON f.id = r.file_id
                WHERE f.run_id = ? AND r.status = 'REJECTED' ORDER BY r.row_no""")
                .param(first.id()).query(String.class).list();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("A列（统一社会信用代码）：'91640106MA0000001X' 不是有效的统一社会信用代码：校验位不对");
        assertThat(errors.get(1)).isEqualTo("E列（本年营业收入）：'12,3O0' 不是数字（千分位逗号位置不对？）");
        // every row kept, accepted or not: 14 + 2
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incentive_row r JOIN incentive_file f ON f.id = r.file_id WHERE f.run_id = ?")
                .param(first.id()).query(Integer.class).single()).isEqualTo(16);
        String rejections = Files.readString(tasks.files(first, schemes.load(first.scheme())).rejections(), StandardCharsets.UTF_8);
        assertThat(rejections).contains("文件 企业_2024.csv 第9行 E列（本年营业收入）：'12,3O0' 不是数字");
    }

    @Test
    void listPdfWorkbookCsvAndMail() throws IOException {
        IncentiveList.Files4 files = tasks.files(first, schemes.load(first.scheme()));
        assertThat(files.pdf()).exists();
        assertThat(files.xlsx()).exists();
        try (PDDocument doc = Loader.loadPDF(files.pdf().toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("奖励测试2024年度企业奖励清单").contains("改造升级").contains("合计")
                    .doesNotContain("INC-") // D24: a scheme file without cites names each rule by its Chinese name
                    .contains("1,915,000").contains("小计（2 项）");
            PDFont font = null;
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
            assertThat(font).isNotNull();
        }
        List<String> csv = Files.readAllLines(files.csv(), StandardCharsets.UTF_8);
        assertThat(csv).hasSize(18);
        assertThat(csv.get(0)).isEqualTo("\uFEFF" + String.join(",", IncentiveList.CSV_HEADER));
        assertThat(csv.get(7)).startsWith("inctest-2024,2024,1,INC-6,改造升级,-,B1,金凤大厦," + c(50) + ",运营甲,")
                .endsWith(",1000000.00,true,");
        // two recipients of the incentives section
        assertThat(ENV.mail().getReceivedMessages()).hasSize(2);
    }

    @Test
    void reRunWithCorrectionIsANewRevisionAndKeepsItsOnceOnlyAwards() {
        assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(second.revision()).isEqualTo(2);
        assertThat(tasks.totals(second).awardLines()).isEqualTo(16);
        assertThat(tasks.totals(second).awardTotal()).isEqualByComparingTo("1855000");
        assertThat(lines(second)).allMatch(IncentiveStore.StoredLine::granted)
                .extracting(l -> l.award().ruleId()).doesNotContain("INC-1").contains("INC-3", "INC-10");
        // the first revision's list is kept
        assertThat(lines(first)).hasSize(17);
        // the ledger holds this period's once-only awards once: INC-3, 4, 5, 7, 8, 9 ×2, 10, 13, 14 = 10
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM incentive_once WHERE ledger = 'inctest' AND scheme = 'inctest-2024' AND period = '2024'""")
                .query(Integer.class).single()).isEqualTo(10);
    }

    @Test
    void onceOnlyAwardsAreNotGrantedAgainNextYear() {
        assertThat(next.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(lines(next)).extracting(l -> l.award().ruleId(), IncentiveStore.StoredLine::granted,
                        IncentiveStore.StoredLine::withheldNote)
                .containsExactlyInAnyOrder(
                        tuple("INC-3", false, "inctest-2024 2024"),
                        tuple("INC-4", false, "inctest-2024 2024"),
                        tuple("INC-5", false, "inctest-2024 2024"),
                        tuple("INC-6", true, null));
        assertThat(tasks.totals(next).awardTotal()).isEqualByComparingTo("1000000");
    }

    @Test
    void quarterlyRunListsTradeAndQuarterlyInvestmentAwards() {
        assertThat(q3.status()).as(q3.message()).isEqualTo(RunStatus.COMPLETED);
        assertThat(lines(q3)).extracting(l -> l.award().ruleId(), l -> l.award().subjectId(), l -> l.award().part(),
                        l -> l.award().amount())
                .containsExactly(
                        tuple("INC-8", "P1", "2024-Q3", new BigDecimal("50000.00")),
                        tuple("INC-12", c(5), "增速", new BigDecimal("30000.00")),
                        tuple("INC-12", c(6), "增速", new BigDecimal("30000.00")),
                        tuple("INC-12", c(6), "新增额", new BigDecimal("250000.00")));
        assertThat(tasks.totals(q3).awardTotal()).isEqualByComparingTo("360000");
    }
}
