package cn.bipin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The conventions of the demo's data files (demo/README.md), and that the files hold together. */
class DemoResourcesTest {

    @Test
    void yearPlaceholdersFollowTheSchemeYear() {
        assertThat(DemoResources.withYear("JF-XM-{Y}-001", 2025)).isEqualTo("JF-XM-2025-001");
        assertThat(DemoResources.withYear("{Y-1}-12-31 / {Y+2}", 2025)).isEqualTo("2024-12-31 / 2027");
    }

    @Test
    void cellsAreTypedAsAClerkTypesThem() {
        assertThat(DemoResources.value("是", 2024)).isEqualTo(true);
        assertThat(DemoResources.value("否", 2024)).isEqualTo(false);
        assertThat(DemoResources.value("{Y-3}-06-01", 2024)).isEqualTo(LocalDate.of(2021, 6, 1));
        assertThat(DemoResources.value("0.846", 2024)).isEqualTo(new BigDecimal("0.846"));
        assertThat(DemoResources.value(128_500_000, 2024)).isEqualTo(new BigDecimal("128500000"));
        // a YAML decimal becomes the same BigDecimal as the Java literal did: BigDecimal.valueOf(0.099)
        assertThat(DemoResources.value(0.099, 2024)).isEqualTo(BigDecimal.valueOf(0.099));
        assertThat(DemoResources.value("'92", 2024)).isEqualTo("92");
        assertThat(DemoResources.value("总承包", 2024)).isEqualTo("总承包");
        assertThat(DemoResources.value("", 2024)).isNull();
    }

    @Test
    void everyNamedEnterpriseExistsAndTheKindsAreComplete() {
        // a building operator, project owner or referrer missing from enterprises.yaml would throw here
        DemoIncentiveData data = new DemoIncentiveData(2024);
        Map<String, List<Map<String, Object>>> annual = data.annual();
        assertThat(annual.keySet()).containsExactly("企业", "楼宇", "项目", "招商推荐", "农业经营主体");
        assertThat(annual.get("企业")).hasSize(68); // enterprises.yaml: total 68
        assertThat(annual.get("楼宇")).hasSize(6);
        assertThat(annual.get("项目")).hasSize(10).allMatch(p -> !p.containsKey("_quarters"));
        assertThat(annual.get("招商推荐")).hasSize(8);
        assertThat(annual.get("农业经营主体")).hasSize(6);
        // the person referrer keeps the identity number written in referrals.csv
        assertThat(annual.get("招商推荐")).anyMatch(r -> "640106197803152310".equals(r.get("招引企业信用代码或个人身份证号")));
        // the mistyped occupancy stays text
        assertThat(annual.get("楼宇").get(5).get("入驻率")).isEqualTo("92");
        // projects.csv, JF-XM-2024-005: Q3 investment 318,000,000
        assertThat(data.quarter(3).get("项目")).anyMatch(p -> p.get("项目编号").equals("JF-XM-2024-005")
                && p.get("本季度完成固定资产投资").equals(BigDecimal.valueOf(318_000_000L)));
    }

    @Test
    void theCasesFileNamesTwelveCases() {
        List<Map<String, String>> cases = DemoResources.csv("evaluation/cases.csv");
        assertThat(cases).hasSize(12);
        assertThat(cases.get(0)).containsEntry("unit_code", "fgj").containsEntry("votes_online", "186");
    }
}
