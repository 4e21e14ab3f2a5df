package cn.bipin.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.bipin.scheme.SchemeException;
import cn.bipin.scheme.YamlNode;

/** Credit codes, cell values and the incentives section of the scheme file are refused with Chinese reasons. */
class DataValidationTest {

    @Test
    void creditCodeCheckDigitOfGb32100() {
        // first 17 all 0 except the last 1: Σ = 1 × 28 (weight of position 17) = 28; 31 − 28 = 3 → '3'
        assertThat(CreditCode.problem("000000000000000013")).isNull();
        assertThat(CreditCode.problem("000000000000000014")).contains("校验位").contains("应为 3");
        // first char 1: Σ = 1 × 1 = 1; 31 − 1 = 30 → alphabet[30] = 'Y'
        assertThat(CreditCode.problem("10000000000000000Y")).isNull();
        // all zeros: Σ = 0; 31 − 0 = 31 → 0
        assertThat(CreditCode.problem("000000000000000000")).isNull();
        assertThat(CreditCode.problem("00000000000000001")).contains("应为18位，实际为17位");
        assertThat(CreditCode.problem("0000000000000000I3")).contains("第17位");
    }

    @Test
    void identityNumberForAPersonWhoReferred() {
        // 11010519491231002X is the standard's sample number: Σ weights × digits mod 11 = 2 → 'X'
        assertThat(CreditCode.isIdentityNumber("11010519491231002X")).isTrue();
        assertThat(CreditCode.isIdentityNumber("110105194912310021")).isFalse();
        // a person's number is shown with its middle 8 hidden; a credit code is public and shown whole
        assertThat(CreditCode.shown("11010519491231002X")).isEqualTo("110105********002X");
        String company = "91640106" + "123456789";
        company += CreditCode.checkDigit(company);
        assertThat(CreditCode.shown(company)).isEqualTo(company);
    }

    @Test
    void aCreditCodeOfDigitsIsNeverMaskedEvenWhenItsLastDigitPassesTheIdentityCheck() {
        // D25. Search the organisation digits of 916401xx… for a credit code whose GB 32100 check character is a digit
        // that is also the GB 11643 check for its first 17 digits: the case that was printed 916401********6514.
        String found = null;
        for (int n = 0; n < 100_000 && found == null; n++) {
            String first17 = "91640106" + "%09d".formatted(n);
            char credit = CreditCode.checkDigit(first17);
            if (Character.isDigit(credit) && credit == CreditCode.identityCheck(first17)) {
                found = first17 + credit;
            }
        }
        assertThat(found).as("such a code exists (about one in 11 × 31/10)").isNotNull();
        assertThat(CreditCode.problem(found)).isNull();
        assertThat(CreditCode.isIdentityNumber(found)).as("91 is no province code").isFalse();
        assertThat(CreditCode.shown(found)).isEqualTo(found);
    }

    @Test
    void onlyAPlausiblePersonsNumberIsMasked() {
        // 640104 (Yinchuan) + born 1985-02-30, which does not exist: the check digit alone does not make a person
        String noSuchDay = "64010419850230123";
        noSuchDay += CreditCode.identityCheck(noSuchDay);
        assertThat(CreditCode.isIdentityNumber(noSuchDay)).isFalse();
        assertThat(CreditCode.shown(noSuchDay)).isEqualTo(noSuchDay);
        // born 1985-02-28: a person's number, masked to its first 6 and last 4
        String person = "64010419850228123";
        person += CreditCode.identityCheck(person);
        assertThat(CreditCode.shown(person)).isEqualTo("640104********123" + person.charAt(17));
    }

    @Test
    void rowErrorsNameColumnAndValue() {
        String[] cells = new String[Entity.ENTERPRISE.columns.size()];
        cells[0] = "91640106MA0000001X";
        cells[1] = "某公司";
        cells[Entity.ENTERPRISE.index("revenue")] = "12,3O0";
        cells[Entity.ENTERPRISE.index("district_soe")] = "也许";
        String[] letters = new String[cells.length];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = TableSource.letter(i);
        }
        DataRow.Parsed p = DataRow.parse(Entity.ENTERPRISE, cells, letters);
        assertThat(p.ok()).isFalse();
        assertThat(p.errors()).containsExactly(
                "A列（统一社会信用代码）：'91640106MA0000001X' 不是有效的统一社会信用代码：校验位不对（按 GB 32100 第18位应为 "
                        + CreditCode.checkDigit("91640106MA0000001") + "），请核对是否抄错",
                "D列（区属国有企业）：'也许' 应填“是”或“否”",
                "H列（本年营业收入）：'12,3O0' 不是数字（千分位逗号位置不对？）");
    }

    @Test
    void valuesAsClerksTypeThem() {
        Column money = Column.of("m", "金额", ColumnKind.MONEY);
        Column rate = Column.of("r", "比例", ColumnKind.RATE);
        assertThat(CellParser.parse(money, "１,２３４.５元").value()).isEqualTo(new BigDecimal("1234.5"));
        assertThat(CellParser.parse(money, "-5").error()).contains("不能为负数");
        assertThat(CellParser.parse(rate, "85%").value()).isEqualTo(new BigDecimal("0.85"));
        assertThat(CellParser.parse(rate, "0.85").value()).isEqualTo(new BigDecimal("0.85"));
        assertThat(CellParser.parse(rate, "85").error()).contains("是否应为 85%");
        assertThat(CellParser.parse(Column.of("d", "日期", ColumnKind.DATE), "2024年3月15日").value())
                .isEqualTo(java.time.LocalDate.of(2024, 3, 15));
        assertThat(CellParser.parse(Column.of("d", "日期", ColumnKind.DATE), "2024-02-30").error()).contains("不是存在的日期");
    }

    @Test
    void incentivesSectionErrorsNameFileAndKey() {
        Path file = Path.of("jobs/x.yaml");
        Map<String, Object> rules = new java.util.LinkedHashMap<>();
        Map<String, Object> section = Map.of("ledger", "x", "rules", rules);
        assertThatThrownBy(() -> IncentiveConfig.from(new YamlNode(file, "incentives", section), List.of()))
                .isInstanceOf(SchemeException.class)
                .hasMessage("方案文件 jobs/x.yaml 的 incentives.rules.INC-8：缺少此项");
        rules.put("INC-8", Map.of("min_investment", "abc", "amount", 1, "quarterly_min_investment", 1, "quarterly_amount", 1));
        assertThatThrownBy(() -> IncentiveConfig.from(new YamlNode(file, "incentives", section), List.of()))
                .hasMessage("方案文件 jobs/x.yaml 的 incentives.rules.INC-8.min_investment：应为数字，实际为 'abc'");
        rules.put("INC-8", Map.of("min_investment", 1, "amount", 1, "quarterly_min_investment", 1, "quarterly_amount", 1,
                "amout", 2));
        assertThatThrownBy(() -> IncentiveConfig.from(new YamlNode(file, "incentives", section), List.of()))
                .hasMessageStartingWith("方案文件 jobs/x.yaml 的 incentives.rules.INC-8.amout：未知的配置项");
    }
}
