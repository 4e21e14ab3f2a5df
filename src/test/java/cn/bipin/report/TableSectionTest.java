package cn.bipin.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TableSectionTest {

    @Test
    void rejectsMoreThanTenColumns() {
        List<String> eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "列" + i).toList();

        assertThatThrownBy(() -> new TableSection("年度各项比拼得分", null, eleven, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("年度各项比拼得分")
                .hasMessageContaining("有 11 列")
                .hasMessageContaining("1 至 10 列");
    }

    @Test
    void rejectsATableWithoutColumns() {
        assertThatThrownBy(() -> new TableSection("空表", null, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("有 0 列");
    }

    @Test
    void rejectsARowWhoseCellCountDiffersFromTheHeaders() {
        List<TableRow> rows = List.of(
                new TableRow(List.of("良田镇", "1", "0", "按时报送"), false),
                new TableRow(List.of("丰登镇", "0", "2"), true));

        assertThatThrownBy(() -> new TableSection("报送纪律", null, List.of("单位", "未报送次数", "逾期次数", "说明"), rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("报送纪律")
                .hasMessageContaining("第 2 行有 3 个单元格")
                .hasMessageContaining("为 4 个");
    }

    @Test
    void acceptsTenColumnsNullListsAndNullTexts() {
        List<String> ten = IntStream.rangeClosed(1, 10).mapToObj(i -> "列" + i).toList();
        List<String> cells = new ArrayList<>(Arrays.asList(new String[10]));

        TableSection section = new TableSection("十列", null, ten, List.of(new TableRow(cells, false)));

        assertThat(section.rows().get(0).cells()).hasSize(10).containsOnly("");
        assertThat(new TableSection("一列", "", List.of("案例"), null).rows()).isEmpty();
        assertThat(new TableRow(null, true).cells()).isEmpty();
    }

    @Test
    void splitsAFullYearOfMonthsIntoTwoTablesThatEachRepeatTheUnit() {
        // 单位 + 12 months + 年度得分 + 名次 = 15 columns; the 14 after the unit in ⌈14 / 9⌉ = 2 parts of 14 / 2 = 7
        List<String> headers = new ArrayList<>(List.of("单位"));
        IntStream.rangeClosed(1, 12).forEach(m -> headers.add(m + "月"));
        headers.addAll(List.of("年度得分", "名次"));
        List<String> cells = new ArrayList<>(List.of("良田镇"));
        IntStream.rangeClosed(1, 12).forEach(m -> cells.add(Integer.toString(80 + m)));
        cells.addAll(List.of("86.50", "2"));

        List<TableSection> parts = TableSection.split("项目投资比拼 各期得分", "年度得分为各期得分的平均。", headers,
                List.of(new TableRow(cells, true)), 1);

        assertThat(parts).extracting(TableSection::title).containsExactly("项目投资比拼 各期得分", "项目投资比拼 各期得分（续）");
        assertThat(parts).extracting(TableSection::note).containsExactly("年度得分为各期得分的平均。", null);
        assertThat(parts.get(0).headers()).containsExactly("单位", "1月", "2月", "3月", "4月", "5月", "6月", "7月");
        assertThat(parts.get(1).headers()).containsExactly("单位", "8月", "9月", "10月", "11月", "12月", "年度得分", "名次");
        assertThat(parts.get(0).rows().get(0).cells()).containsExactly("良田镇", "81", "82", "83", "84", "85", "86", "87");
        assertThat(parts.get(1).rows().get(0).cells()).containsExactly("良田镇", "88", "89", "90", "91", "92", "86.50", "2");
        assertThat(parts).allSatisfy(p -> assertThat(p.rows().get(0).highlight()).isTrue());
    }

    @Test
    void keepsATableThatFitsWhole() {
        List<String> ten = IntStream.rangeClosed(1, 10).mapToObj(i -> "列" + i).toList();

        assertThat(TableSection.split("十列", "注", ten, List.of(), 1)).singleElement()
                .satisfies(t -> assertThat(t.headers()).isEqualTo(ten));
        // 1 + 27 columns: 27 in ⌈27 / 9⌉ = 3 parts of 9
        List<String> many = IntStream.rangeClosed(1, 28).mapToObj(i -> "列" + i).toList();
        assertThat(TableSection.split("宽表", null, many, List.of(), 1)).extracting(t -> t.headers().size())
                .containsExactly(10, 10, 10);
    }

    @Test
    void keepsTheSevenArgumentBulletinWithoutSections() {
        Bulletin bulletin = new Bulletin("标题", "副标题", "页脚", null, null, null, null);

        assertThat(bulletin.before()).isEmpty();
        assertThat(bulletin.after()).isEmpty();
        assertThat(new Bulletin("标题", "副标题", "页脚", null, null, null, null, null, null).after()).isEmpty();
    }
}
