package cn.bipin.bulletin;

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
    void keepsTheSevenArgumentBulletinWithoutSections() {
        Bulletin bulletin = new Bulletin("标题", "副标题", "页脚", null, null, null, null);

        assertThat(bulletin.before()).isEmpty();
        assertThat(bulletin.after()).isEmpty();
        assertThat(new Bulletin("标题", "副标题", "页脚", null, null, null, null, null, null).after()).isEmpty();
    }
}
