package cn.bipin.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulletinRendererTest {

    @TempDir
    Path dir;

    private final BulletinRenderer renderer = new BulletinRenderer();

    @Test
    void printsTheRankingsAndListsInChinese() throws IOException {
        Path pdf = dir.resolve("bulletin.pdf");

        renderer.renderPdf(BulletinSamples.june2024(), pdf);

        String text = text(pdf);
        assertThat(text).contains(BulletinSamples.TITLE, "序时进度 50.00%",
                "项目投资比拼（权重 15）", "产业发展比拼（权重 10）",
                "发展和改革局", "良田镇", "满城北街街道", "工业信息化和科学技术局",
                "红色底纹及 ▼ 为后三名", "合计排名", "未报送", "逾期",
                "财政局：年度投资完成率", "丰登镇-2024-06.xlsx",
                "运行 #12 · 第1版 · 生成于 2024-07-21 02:00:13");
        // 良田镇's C2 line as the fixture publishes it: 45.00% scores 90.00, competition score 76.67
        assertThat(text).contains("45.00%", "90.00", "76.67");
        // the month amount is printed beside the cumulative value
        assertThat(text).contains("9,876.50（本期 1,234.50）");
        assertThat(text).containsPattern("第 1 页\\s*/ 共 \\d+ 页");
    }

    @Test
    void marksEveryUnitTiedAtTheBottomBoundary() throws IOException {
        // 17 units; 13th place is a three-way tie, so ranks run 1…12, 13, 13, 13, 16, 17 (D6). Fewer than three units
        // rank below each of the tied 13ths (16 and 17), so all five are among the bottom three; the 12th has five below.
        List<Integer> ranks = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            ranks.add(i);
        }
        ranks.addAll(List.of(13, 13, 13, 16, 17));
        List<TotalRow> rows = new ArrayList<>();
        for (int i = 0; i < ranks.size(); i++) {
            int rank = ranks.get(i);
            rows.add(new TotalRow(rank, "–", "单位" + (char) ('A' + i), "部门", java.math.BigDecimal.valueOf(90 - rank),
                    cn.bipin.scoring.Ranking.inBottom(rank, ranks, 3)));
        }
        Path pdf = dir.resolve("ties.pdf");

        renderer.renderPdf(new Bulletin("并列", "副标题", "页脚", List.of(), rows, List.of(), List.of()), pdf);

        String text = text(pdf);
        // units M, N, O share 13th place, P is 16th and Q 17th: each marked; L (12th) is not
        for (char unit : "MNOPQ".toCharArray()) {
            assertThat(text).contains("单位" + unit + " ▼");
        }
        assertThat(text).doesNotContain("单位L ▼").contains("单位L");
        // one meaning per colour, said in the legend
        assertThat(text).contains("红色底纹及 ▼ 为后三名（与第三名并列者一并标注）");
        // the whole ranking stays on one page with its lists under it
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void writesThePdfWithTheSamePermissionsAsTheOtherOutputs() throws IOException {
        Path pdf = dir.resolve("bulletin.pdf");
        renderer.renderPdf(BulletinSamples.june2024(), pdf);
        // the workbook and CSV files are written with Files.newOutputStream: the process's umask decides for all
        Path csv = Files.writeString(dir.resolve("scores.csv"), "scheme");

        assertThat(Files.getPosixFilePermissions(pdf)).isEqualTo(Files.getPosixFilePermissions(csv));
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void embedsEveryFontAndUsesWenQuanYi() throws IOException {
        Path pdf = dir.resolve("bulletin.pdf");

        renderer.renderPdf(BulletinSamples.june2024(), pdf);

        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                collectFonts(page.getResources(), fonts);
            }
        }
        assertThat(fonts).isNotEmpty();
        assertThat(fonts).allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
        assertThat(fonts).anySatisfy(font -> assertThat(font.getName()).contains("WenQuanYi"));
    }

    @Test
    void printsNoneForEmptyListsAndNoTotalTableWithoutTotals() throws IOException {
        Path pdf = dir.resolve("bare.pdf");

        renderer.renderPdf(BulletinSamples.june2024Bare(), pdf);

        String text = text(pdf);
        assertThat(text).containsPattern("未报送\\s*无").containsPattern("逾期\\s*无");
        assertThat(text).doesNotContain("合计排名", "总得分");
    }

    @Test
    void printsTitleAndListsWhenNoCompetitionIsPublished() throws IOException {
        Path pdf = dir.resolve("empty.pdf");

        renderer.renderPdf(new Bulletin("金凤区\"双拼双促\"2024年7月晾晒榜单", "月度晾晒", "运行 #13",
                List.of(), List.of(), List.of("良田镇：项目开工率"), List.of()), pdf);

        String text = text(pdf);
        assertThat(text).contains("2024年7月晾晒榜单", "良田镇：项目开工率", "运行 #13").containsPattern("逾期\\s*无");
        assertThat(text).doesNotContain("标红为后三名");
    }

    @Test
    void compilesTheTemplateOnceAcrossRendersAndThreads() throws Exception {
        Callable<Path> render = () -> {
            Path pdf = Files.createTempFile(dir, "bulletin", ".pdf");
            renderer.renderPdf(BulletinSamples.june2024(), pdf);
            return pdf;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Path>> first = pool.invokeAll(List.of(render, render));
            for (Future<Path> done : first) {
                assertThat(done.get()).isNotEmptyFile();
            }
        } finally {
            pool.shutdown();
        }
        render.call();

        assertThat(renderer.compilations()).isEqualTo(1);
    }

    @Test
    void aNewRendererReadsTheCompiledTemplateFromTheCacheAndACorruptCacheIsRecompiled() throws IOException {
        Path cache = dir.resolve("cache");
        Path first = dir.resolve("first.pdf");
        new BulletinRenderer(cache).renderPdf(BulletinSamples.june2024(), first);
        List<Path> files;
        try (var listed = java.nio.file.Files.list(cache)) {
            files = listed.toList();
        }
        assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).matches("bulletin-[0-9a-f]{24}\\.jasper"));
        Path compiled = files.get(0);
        java.nio.file.attribute.FileTime written = java.nio.file.Files.getLastModifiedTime(compiled);

        // a second JVM's renderer: the same pages from the cached template, which it does not rewrite
        Path second = dir.resolve("second.pdf");
        new BulletinRenderer(cache).renderPdf(BulletinSamples.june2024(), second);
        assertThat(text(second)).isEqualTo(text(first));
        assertThat(java.nio.file.Files.getLastModifiedTime(compiled)).isEqualTo(written);

        // a damaged cache file is passed over: compiled again, and replaced by a whole one
        java.nio.file.Files.writeString(compiled, "not a compiled report");
        Path third = dir.resolve("third.pdf");
        new BulletinRenderer(cache).renderPdf(BulletinSamples.june2024(), third);
        assertThat(text(third)).isEqualTo(text(first));
        assertThat(java.nio.file.Files.size(compiled)).isGreaterThan(10_000);
    }

    @Test
    void rejectsACompetitionWithMoreThanThreeDimensions() {
        Bulletin bulletin = new Bulletin("标题", "副标题", "页脚",
                List.of(BulletinSamples.fourDimensions()), List.of(), List.of(), List.of());
        Path pdf = dir.resolve("never.pdf");

        assertThatThrownBy(() -> renderer.renderPdf(bulletin, pdf))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("超维比拼")
                .hasMessageContaining("4 个维度")
                .hasMessageContaining("最多支持 3 个");
        assertThat(pdf).doesNotExist();
        assertThat(renderer.compilations()).isZero();
    }

    @Test
    void rejectsARowWhoseCellsDoNotMatchTheDimensions() {
        CompetitionTable c2 = BulletinSamples.projectInvestment();
        RankRow first = c2.rows().get(0);
        RankRow short1 = new RankRow(first.rank(), first.change(), first.unitCode(), first.unitName(),
                first.groupLabel(), first.cells().subList(0, 2), first.score(), first.bottom());
        CompetitionTable broken = new CompetitionTable(c2.code(), c2.name(), c2.weightLabel(), c2.dimensions(),
                List.of(short1));
        Bulletin bulletin = new Bulletin("标题", "副标题", "页脚", List.of(broken), List.of(), List.of(), List.of());

        assertThatThrownBy(() -> renderer.renderPdf(bulletin, dir.resolve("never.pdf")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("发展和改革局")
                .hasMessageContaining("有 2 个维度值，应为 3 个");
    }

    @Test
    void printsCorrectionSectionsFirstAndClosingSectionsAfterTheTotals() throws IOException {
        Path pdf = dir.resolve("sections.pdf");

        renderer.renderPdf(BulletinSamples.correctionWithSections(), pdf);

        String firstPage = squeezed(text(pdf, 1, 1));
        String all = squeezed(text(pdf));
        // the 更正说明 page holds only its section: the page break comes before the first competition
        assertThat(firstPage).contains("2024年6月晾晒榜单（更正）", "更正说明：报送数据变更",
                "与第1版相比，以下报送数据已更正",
                "单位指标原值新值文件收到时间",
                "良田镇年度投资完成率25.00%30.00%报送表_2024-06_liangtian_良田镇（更正）.xlsx2024-07-2510:32",
                "丰登镇新增上限入规企业个数1丰登镇-2024-06.xlsx2024-07-2309:12");
        assertThat(firstPage).doesNotContain("项目投资比拼（权重15）");
        assertThat(all.indexOf("更正说明：报送数据变更")).isLessThan(all.indexOf("项目投资比拼（权重15）"));

        int totals = all.indexOf("合计排名（总得分）");
        assertThat(totals).isPositive();
        assertThat(all.indexOf("考核结果运用")).isGreaterThan(totals);
        assertThat(all.indexOf("年度各项比拼得分")).isGreaterThan(all.indexOf("考核结果运用"));
        assertThat(all.indexOf("报送纪律")).isGreaterThan(all.indexOf("年度各项比拼得分"));
        // the 未报送 / 逾期 lists print under the total ranking, in its block, before the closing sections
        assertThat(all.indexOf("未报送·财政局")).isGreaterThan(totals).isLessThan(all.indexOf("考核结果运用"));

        String closing = all.substring(totals);
        assertThat(closing).contains("依据年度合计排名及各月、各季度比拼排名。",
                "名次单位总得分效能考核加分优秀比例工作经费（元）说明",
                "1发展和改革局86.6735%100,000各期排名均在前3名，年度第1名",
                "3良田镇80.2550,0007月项目投资比拼第5名（需前3名）",
                "单位主要指标比拼项目投资比拼产业发展比拼招商引资比拼营商环境比拼城市建设比拼乡村振兴比拼背靠背评议年度总得分",
                "工业信息化和科学技术局82.0091.00100.0078.5088.0080.0087.4084.10",
                "单位未报送次数逾期次数说明无");
    }

    @Test
    void printsBothCorrectionTablesTogetherOnTheFirstPage() throws IOException {
        Path pdf = dir.resolve("correction.pdf");
        Bulletin june = BulletinSamples.june2024();

        renderer.renderPdf(new Bulletin("金凤区\"双拼双促\"2024年6月晾晒榜单（更正）", june.subtitle(), june.footer(),
                june.competitions(), june.totals(), june.missing(), june.late(),
                List.of(BulletinSamples.submissionChanges(), BulletinSamples.scoreChanges()), List.of()), pdf);

        // two short tables share the 更正说明 page; the rankings start on the next one
        String firstPage = squeezed(text(pdf, 1, 1));
        assertThat(firstPage).contains("更正说明：报送数据变更", "更正说明：得分与名次变更",
                "良田镇项目投资比拼85.5493.82第4名第3名");
        assertThat(firstPage).doesNotContain("项目投资比拼（权重15）");
        assertThat(squeezed(text(pdf, 2, 2))).contains("项目投资比拼（权重15）");
    }

    @Test
    void givesAWideLastColumnTheRoomTheOtherColumnsDoNotNeed() throws IOException {
        Path pdf = dir.resolve("wide.pdf");
        TableSection awards = BulletinSamples.awards();

        renderer.renderPdf(new Bulletin("考核结果", "年度", "运行 #30", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(awards.withWideLast())), pdf);

        // the 说明 column is 72 + 216 × 6 / 12 = 180 pt wide (plain: 102 pt): the reason of row 3 fits on one line
        String text = text(pdf);
        assertThat(text).contains("7月 项目投资比拼 第5名（需前3名）");
        assertThat(squeezed(text)).contains("3良田镇80.2550,0007月项目投资比拼第5名（需前3名）");
    }

    @Test
    void printsEveryLineOfACellThatWraps() throws IOException {
        Path pdf = dir.resolve("wrapped.pdf");
        // a row of the incentive list whose 触发数据 wraps to five lines: the PDF once lost the fifth, 28.9474%）
        TableSection inc1 = new TableSection("INC-1 服务业扩增提速", null,
                List.of("奖励对象", "受奖企业（个人）", "触发数据", "计算（上限）", "金额（元）"),
                List.of(new TableRow(List.of("宁夏凤城职业技能培训学校有限公司（916401065478554249）", "宁夏凤城职业技能培训学校有限公司",
                        "行业 教育，非区属国企；营业收入 12,600,000（上年 11,800,000，增长 6.7797%）；辖区经济贡献 980,000"
                                + "（上年 760,000，增长 28.9474%）", "980,000 × 5% = 49,000", "49,000"), false)));

        renderer.renderPdf(new Bulletin("奖励清单", "年度", "奖励运行 #4", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(inc1)), pdf);

        assertThat(squeezed(text(pdf))).contains("辖区经济贡献980,000（上年760,000，增长28.9474%）");
    }

    @Test
    void printsNoReportingListsInADocumentOfSectionsOnly() throws IOException {
        Path pdf = dir.resolve("evaluation.pdf");

        renderer.renderPdf(Bulletin.ofSections("背靠背评议结果", "年度", "评议运行 #1", List.of(),
                List.of(BulletinSamples.awards())), pdf);

        String text = squeezed(text(pdf));
        assertThat(text).contains("背靠背评议结果", "考核结果运用", "评议运行#1");
        assertThat(text).doesNotContain("未报送", "逾期");
    }

    @Test
    void embedsEveryFontOfTheSections() throws IOException {
        Path pdf = dir.resolve("sections.pdf");

        renderer.renderPdf(BulletinSamples.correctionWithSections(), pdf);

        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                collectFonts(page.getResources(), fonts);
            }
        }
        assertThat(fonts).isNotEmpty();
        assertThat(fonts).allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
        assertThat(fonts).allSatisfy(font -> assertThat(font.getName()).contains("WenQuanYi"));
    }

    @Test
    void printsABulletinOfSectionsOnly() throws IOException {
        Path pdf = dir.resolve("awards.pdf");
        TableSection cases = new TableSection("年度优秀案例", null, List.of("案例"),
                List.of(new TableRow(List.of("良田镇：“拿地即开工”审批改革"), false)));

        renderer.renderPdf(new Bulletin("金凤区\"双拼双促\"2024年度考核结果", "年度", "运行 #30",
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(BulletinSamples.awards(), cases)), pdf);

        String text = squeezed(text(pdf));
        assertThat(text).contains("2024年度考核结果", "考核结果运用", "2工业信息化和科学技术局84.10180,000",
                "年度优秀案例案例良田镇：“拿地即开工”审批改革", "运行#30");
        assertThat(text).doesNotContain("合计排名（总得分）", "标红为后三名");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String text(Path pdf, int firstPage, int lastPage) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(firstPage);
            stripper.setEndPage(lastPage);
            return stripper.getText(document);
        }
    }

    /** Without white space, so a cell's text wrapped over lines and a table row read as one string. */
    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static void collectFonts(PDResources resources, List<PDFont> fonts) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                collectFonts(form.getResources(), fonts);
            }
        }
    }
}
