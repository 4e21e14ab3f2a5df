package cn.bipin.bulletin;

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
                "标红为后三名", "合计排名", "未报送", "逾期",
                "财政局：年度投资完成率", "丰登镇-2024-06.xlsx",
                "运行 #12 · 第1版 · 生成于 2024-07-21 02:00:13");
        // 良田镇's C2 line as the fixture publishes it: 45.00% scores 90.00, competition score 76.67
        assertThat(text).contains("45.00%", "90.00", "76.67");
        // the month amount is printed beside the cumulative value
        assertThat(text).contains("9,876.50（当月 1,234.50）");
        assertThat(text).containsPattern("第 1 页\\s*/ 共 \\d+ 页");
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

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
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
