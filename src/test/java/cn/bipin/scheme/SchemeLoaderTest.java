package cn.bipin.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Jinfeng scheme file says what DOMAIN §3.1 and D1/D2/D11 say, and a broken scheme file stops the load
 * with a Chinese message naming the file, the key and the problem.
 */
class SchemeLoaderTest {

    private static final Path JINFENG = Path.of("jobs", "jinfeng-2024.yaml");

    private static final List<String> TOWNS = List.of("liangtian", "fengdeng", "mancheng", "huanghe", "changcheng",
            "beijing", "shanghai", "ningan");

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- the real Jinfeng file

    @Test
    void jinfengHasTheSevenCompetitionsOfR_JF_1() {
        Scheme s = SchemeLoader.load(JINFENG);

        assertThat(s.id()).isEqualTo("jinfeng-2024");
        assertThat(s.year()).isEqualTo(2024);
        // §3.1: weights 30/15/15/10/10/10/10; C2 and C4 monthly, the rest quarterly
        assertThat(s.competitions()).extracting(Competition::code, c -> c.weight().intValueExact(), Competition::cycle)
                .containsExactly(
                        tuple("c1", 30, Cycle.QUARTERLY),
                        tuple("c2", 15, Cycle.MONTHLY),
                        tuple("c3", 15, Cycle.QUARTERLY),
                        tuple("c4", 10, Cycle.MONTHLY),
                        tuple("c5", 10, Cycle.QUARTERLY),
                        tuple("c6", 10, Cycle.QUARTERLY),
                        tuple("c7", 10, Cycle.QUARTERLY));
        // the weights are exact numbers, not merely rounded to those integers
        assertThat(s.competitions()).allSatisfy(c ->
                assertThat(c.weight().stripTrailingZeros().scale()).as(c.code()).isLessThanOrEqualTo(0));
        assertThat(s.competitions(Cycle.MONTHLY)).extracting(Competition::code).containsExactly("c2", "c4");
        assertThat(s.competition("c2").orElseThrow().name()).isEqualTo("项目投资比拼");
    }

    @Test
    void featureSectionsAreKeptAsReadForTheirFeatures() {
        Scheme s = SchemeLoader.load(JINFENG);

        assertThat(s.section("incentives").isPresent()).isTrue();
        assertThat(s.section("incentives").get("ledger").text()).isEqualTo("jinfeng");
        assertThat(s.section("evaluation").get("min_ballots").integer()).isEqualTo(3);
        YamlNode none = SchemeLoader.load(Path.of("src/test/resources/jobs/testville-2024.yaml")).section("evaluation");
        assertThat(none.isPresent()).isFalse();
        assertThat(none.path()).isEqualTo("evaluation");
    }

    @Test
    void jinfengDimensionsAreTheCodesAndMethodsOfD2() {
        Scheme s = SchemeLoader.load(JINFENG);

        assertThat(s.competitions()).flatExtracting(Competition::dimensions)
                .extracting(Dimension::code, Dimension::method)
                .containsExactly(
                        tuple("c1_total", Method.TARGET_RATIO),
                        tuple("c1_increment", Method.TARGET_RATIO),
                        tuple("c1_completion", Method.PROGRESS_RATIO),
                        tuple("c2_start_rate", Method.PROGRESS_RATIO),
                        tuple("c2_invest_completion", Method.PROGRESS_RATIO),
                        tuple("c2_registration_rate", Method.TARGET_RATIO),
                        tuple("c3_projects", Method.BEST_RATIO),
                        tuple("c3_funds", Method.TARGET_RATIO),
                        tuple("c3_trips", Method.BEST_RATIO),
                        tuple("c4_revenue", Method.BEST_RATIO),
                        tuple("c4_growth", Method.EFFICACY),
                        tuple("c4_new_firms", Method.BEST_RATIO),
                        tuple("c5_collected", Method.BEST_RATIO),
                        tuple("c5_studied", Method.BEST_RATIO),
                        tuple("c5_resolved", Method.BEST_RATIO),
                        tuple("c6_applications", Method.BEST_RATIO),
                        tuple("c6_successful", Method.BEST_RATIO),
                        tuple("c6_amount", Method.BEST_RATIO),
                        tuple("c7_policies", Method.BEST_RATIO),
                        tuple("c7_sites", Method.BEST_RATIO),
                        tuple("c7_honours", Method.BEST_RATIO));
        // 3 dimensions each (§3.1)
        assertThat(s.competitions()).allSatisfy(c -> assertThat(c.dimensions()).as(c.code()).hasSize(3));
        // every Jinfeng dimension is higher-is-better, scored out of 100 (cap default 100)
        assertThat(s.competitions()).flatExtracting(Competition::dimensions).allSatisfy(d -> {
            assertThat(d.direction()).as(d.code()).isEqualTo(Direction.HIGHER_IS_BETTER);
            assertThat(d.cap()).as(d.code()).isEqualByComparingTo("100");
        });
    }

    @Test
    void jinfengDimensionWeightsAreEqualThirds_D1() {
        Scheme s = SchemeLoader.load(JINFENG);

        // the file gives no dimension weight, so each is 1 of Σ 3 in its competition: 1/3 each
        assertThat(s.competitions()).flatExtracting(Competition::dimensions)
                .allSatisfy(d -> assertThat(d.weight()).as(d.code()).isEqualByComparingTo("1"));
    }

    @Test
    void growthAllowsNegativeValuesAndRegistrationRateHasTheCommonTarget100Percent() {
        Scheme s = SchemeLoader.load(JINFENG);

        Dimension growth = s.dimension("c4_growth").orElseThrow();
        assertThat(growth.allowNegative()).isTrue();
        assertThat(growth.isPercent()).isTrue();
        assertThat(growth.basis()).isEqualTo(Basis.RATE);
        assertThat(s.dimension("c4_revenue").orElseThrow().allowNegative()).isFalse();

        // "target: 100%" is stored as a fraction: 100 / 100 = 1.00, the same for every participant
        Dimension registration = s.dimension("c2_registration_rate").orElseThrow();
        assertThat(registration.target()).isEqualByComparingTo("1.00");
        assertThat(s.target(registration, "liangtian")).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("1"));
        assertThat(s.target(registration, "zjj")).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("1"));
    }

    @Test
    void everyTargetRatioParticipantHasAPositiveTarget() {
        Scheme s = SchemeLoader.load(JINFENG);

        int checked = 0;
        for (Competition c : s.competitions()) {
            for (Dimension d : c.dimensions()) {
                if (d.method() != Method.TARGET_RATIO) {
                    continue;
                }
                for (String unit : c.participants()) {
                    assertThat(s.target(d, unit)).as(d.code() + " / " + unit)
                            .hasValueSatisfying(t -> assertThat(t).isPositive());
                    checked++;
                }
            }
        }
        // c1_total 14 + c1_increment 14 + c2_registration_rate 14 + c3_funds 13 participants = 55 checks
        assertThat(checked).isEqualTo(14 + 14 + 14 + 13);
        // a number straight from the file: targets.c1_total.gxj = 860000 (万元)
        assertThat(s.target(s.dimension("c1_total").orElseThrow(), "gxj"))
                .hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("860000"));
    }

    @Test
    void jinfengDeadlineCampaignStartAndUnits() {
        Scheme s = SchemeLoader.load(JINFENG);

        assertThat(s.deadlineDay()).isEqualTo(20);                    // D11: the 20th of the following month
        assertThat(s.campaignStart()).isEqualTo(YearMonth.of(2024, 6)); // §3.4: push from June
        assertThat(s.units()).hasSize(17);
        assertThat(s.units()).filteredOn(u -> u.group() == UnitGroup.DEPARTMENT).hasSize(9);
        assertThat(s.units()).filteredOn(u -> u.group() == UnitGroup.TOWN).extracting(Unit::code)
                .containsExactlyElementsOf(TOWNS);
        assertThat(s.unit("fgj")).hasValueSatisfying(u -> assertThat(u.name()).isEqualTo("发展和改革局"));
        assertThat(s.recipients()).hasSize(3);
        assertThat(s.source()).isEqualTo(JINFENG);
    }

    @Test
    void jinfengParticipantsFollowTheFileInSchemeUnitOrder() {
        Scheme s = SchemeLoader.load(JINFENG);

        // c1: [fgj, gxj, stj, czj, rsj, nsj, "group:town"] → 6 departments + 8 towns = 14
        List<String> c1 = new java.util.ArrayList<>(List.of("fgj", "gxj", "stj", "czj", "rsj", "nsj"));
        c1.addAll(TOWNS);
        assertThat(s.competition("c1").orElseThrow().participants()).containsExactlyElementsOf(c1);
        // c4 lists [fgj, stj, gxj, "group:town"]; kept in the units' order (fgj, gxj, stj) → 3 + 8 = 11
        List<String> c4 = new java.util.ArrayList<>(List.of("fgj", "gxj", "stj"));
        c4.addAll(TOWNS);
        assertThat(s.competition("c4").orElseThrow().participants()).containsExactlyElementsOf(c4);
        // c5–c7: [all] → all 17 units
        assertThat(s.competition("c5").orElseThrow().participants()).hasSize(17);
        assertThat(s.competition("c7").orElseThrow().participants()).hasSize(17);
        // czj (财政局) is in C1 but not in C4
        assertThat(s.dimensionsFor("czj", Cycle.MONTHLY)).isEmpty();
        assertThat(s.dimensionsFor("fgj", Cycle.MONTHLY)).hasSize(6);
    }

    @Test
    void theTestSchemeOfTheJobTestsLoadsToo() {
        Scheme s = SchemeLoader.load(Path.of("src", "test", "resources", "jobs", "testville-2024.yaml"));

        assertThat(s.units()).hasSize(5);
        assertThat(s.competition("c4").orElseThrow().participants()).containsExactly("d1", "t1", "t2", "t3");
    }

    // ---------------------------------------------------------------- broken files

    /** A small valid scheme; each bad-file test changes one thing in it. */
    private static final String VALID = """
            scheme: bad
            title: 测试区
            year: 2024
            campaign_start: 2024-06
            deadline_day: 20
            units:
              - { code: d1, name: 发展和改革局, group: department }
              - { code: t1, name: 良田镇, group: town }
              - { code: t2, name: 丰登镇, group: town }
            competitions:
              - code: c1
                name: 主要指标比拼
                weight: 30
                cycle: quarterly
                participants: [d1, "group:town"]
                dimensions:
                  - { code: c1_total, name: 总量, measure: 万元, method: target_ratio }
              - code: c2
                name: 项目投资比拼
                weight: 15
                cycle: monthly
                participants: [all]
                dimensions:
                  - { code: c2_start_rate, name: 项目开工率, measure: "%", method: progress_ratio }
            targets:
              c1_total: { d1: 1000, t1: 500, t2: 500 }
            recipients:
              - { name: 督查室, email: duchashi@test.example }
            """;

    @Test
    void theBaseOfTheBadFilesIsValid() throws IOException {
        Scheme s = SchemeLoader.load(write("bad", VALID));

        assertThat(s.competitions()).extracting(Competition::code).containsExactly("c1", "c2");
        assertThat(s.competition("c1").orElseThrow().participants()).containsExactly("d1", "t1", "t2");
    }

    @Test
    void zeroWeightIsRejected() throws IOException {
        Path file = write("bad", change("weight: 15", "weight: 0"));

        assertRejected(file, "competitions[1].weight", "必须大于0");
    }

    @Test
    void negativeWeightIsRejected() throws IOException {
        Path file = write("bad", change("weight: 30", "weight: -30"));

        assertRejected(file, "competitions[0].weight", "必须大于0", "-30");
    }

    @Test
    void unknownMethodIsRejectedListingTheKnownOnes() throws IOException {
        Path file = write("bad", change("method: progress_ratio", "method: progres_ratio"));

        assertRejected(file, "competitions[1].dimensions[0].method", "未知取值 'progres_ratio'", "progress_ratio",
                "target_ratio", "efficacy");
    }

    @Test
    void participantNotInUnitsIsRejected() throws IOException {
        Path file = write("bad", change("participants: [d1, \"group:town\"]", "participants: [d1, t9]"));

        assertRejected(file, "competitions[0].participants[1]", "参赛单位 't9' 不在 units 中");
    }

    @Test
    void missingTargetOfATargetRatioParticipantIsRejectedNamingTheUnit() throws IOException {
        Path file = write("bad", change("t1: 500, t2: 500", "t1: 500"));

        assertRejected(file, "targets.c1_total.t2", "丰登镇", "缺少", "目标");
    }

    @Test
    void targetForANonParticipantIsRejected() throws IOException {
        Path file = write("bad", change("participants: [d1, \"group:town\"]", "participants: [d1, t1]"));

        assertRejected(file, "targets.c1_total.t2", "不参加主要指标比拼");
    }

    @Test
    void duplicateUnitCodeIsRejected() throws IOException {
        Path file = write("bad", change("code: t2, name: 丰登镇", "code: t1, name: 丰登镇"));

        assertRejected(file, "units[2].code", "单位代码 't1' 重复");
    }

    @Test
    void duplicateDimensionCodeIsRejectedEvenAcrossCompetitions() throws IOException {
        Path file = write("bad", change("code: c2_start_rate", "code: c1_total"));

        assertRejected(file, "competitions[1].dimensions[0].code", "指标代码 'c1_total' 重复");
    }

    @Test
    void misspelledTopLevelKeyIsRejected() throws IOException {
        Path file = write("bad", change("deadline_day: 20", "dedline_day: 20"));

        assertRejected(file, "dedline_day", "未知的配置项", "deadline_day");
    }

    @Test
    void schemeIdMustMatchTheFileName() throws IOException {
        Path file = write("bad", change("scheme: bad", "scheme: good-2024"));

        assertRejected(file, "scheme", "'good-2024'", "'bad'", "一致");
    }

    @Test
    void malformedYamlIsRejectedSayingWhere() throws IOException {
        // the flow sequence of c1's participants is never closed
        Path file = write("bad", change("participants: [d1, \"group:town\"]", "participants: [d1, \"group:town\""));

        assertThatThrownBy(() -> SchemeLoader.load(file))
                .isInstanceOf(SchemeException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("YAML 格式错误")
                .hasMessageContaining("line");
    }

    @Test
    void deadlineDay31IsRejected() throws IOException {
        Path file = write("bad", change("deadline_day: 20", "deadline_day: 31"));

        assertRejected(file, "deadline_day", "1 到 28", "31");
    }

    @Test
    void unknownGroupInAParticipantIsRejected() throws IOException {
        Path file = write("bad", change("\"group:town\"]", "\"group:xxx\"]"));

        assertRejected(file, "competitions[0].participants[1]", "未知取值 'xxx'", "department", "town");
    }

    @Test
    void dimensionWeightFromTheFileOverridesEqualThirds() throws IOException {
        Scheme s = SchemeLoader.load(write("bad",
                change("method: progress_ratio }", "method: progress_ratio, weight: 2 }")));

        assertThat(s.dimension("c2_start_rate").orElseThrow().weight()).isEqualByComparingTo(BigDecimal.valueOf(2));
    }

    @Test
    void aKeyWrittenTwiceIsRejected() throws IOException {
        Path file = write("bad", change("    weight: 15\n", "    weight: 15\n    weight: 99\n"));

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> SchemeLoader.load(file)))
                .isInstanceOf(SchemeException.class).hasMessageContaining("YAML 格式错误").hasMessageContaining("weight");
    }

    @Test
    void campaignStartOutsideTheSchemeYearIsRejected() throws IOException {
        Path file = write("bad", change("campaign_start: 2024-06", "campaign_start: 2023-06"));

        assertRejected(file, "campaign_start", "应在方案年度 2024 内");
    }

    @Test
    void aTargetOnADimensionNotScoredByTargetRatioIsRejected() throws IOException {
        Path file = write("bad", change("method: progress_ratio }", "method: progress_ratio, target: 50% }"));

        assertRejected(file, "competitions[1].dimensions[0].target", "只有 target_ratio");
    }

    @Test
    void jinfengCitesItsPolicyByItsOwnNumberingAndSignsItsMail() {
        PolicyText policy = SchemeLoader.load(JINFENG).policy();

        assertThat(policy.awards()).isEqualTo("附件1 一（三）结果运用");
        assertThat(policy.scoring()).isEqualTo("附件1 一（二）赋分规则");
        assertThat(policy.signature()).isEqualTo("金凤区“双拼双促”专项行动工作专班");
        // a file without the section cites nothing and signs with its title
        PolicyText none = SchemeLoader.load(Path.of("src/test/resources/jobs/testville-2024.yaml")).policy();
        assertThat(none.awards()).isEmpty();
        assertThat(none.signature()).endsWith("专项行动工作专班");
    }

    @Test
    void aBlankPolicyCitationIsRejected() throws IOException {
        Path file = write("bad", VALID + "\npolicy:\n  awards: \"\"\n");

        assertRejected(file, "policy.awards", "缺少此项");
    }

    // ---------------------------------------------------------------- units' mail (issue 18)

    @Test
    void unitsListTheirMailAddressesAndSendersLowerCased() throws IOException {
        Scheme s = SchemeLoader.load(write("bad", change("code: d1, name: 发展和改革局, group: department }",
                "code: d1, name: 发展和改革局, group: department, emails: [FGJ@jinfeng.gov.cn],"
                        + " senders: [zhang.san@163.com, li@qq.com] }")));

        Unit d1 = s.unit("d1").orElseThrow();
        assertThat(d1.emails()).containsExactly("fgj@jinfeng.gov.cn");
        assertThat(d1.senders()).containsExactly("zhang.san@163.com", "li@qq.com");
        // the unit's own address may submit too, whatever its case
        assertThat(d1.maySubmitFrom("Fgj@Jinfeng.gov.cn")).isTrue();
        assertThat(d1.maySubmitFrom("li@qq.com")).isTrue();
        assertThat(d1.maySubmitFrom("wang@qq.com")).isFalse();
        // a unit without addresses gets no mail and may not submit by mail
        assertThat(s.unit("t1").orElseThrow().emails()).isEmpty();
        assertThat(s.unit("t1").orElseThrow().maySubmitFrom("li@qq.com")).isFalse();
        assertThat(s.reminderDays()).isEqualTo(3);
    }

    @Test
    void aMalformedUnitAddressIsRejectedNamingIt() throws IOException {
        Path file = write("bad", change("code: t1, name: 良田镇, group: town }",
                "code: t1, name: 良田镇, group: town, senders: [liangtian@qq.com, 良田镇 at qq] }"));

        assertRejected(file, "units[1].senders[1]", "不是有效的电子邮件地址", "良田镇 at qq");
    }

    @Test
    void aUnitAddressWrittenTwiceIsRejected() throws IOException {
        Path file = write("bad", change("code: t1, name: 良田镇, group: town }",
                "code: t1, name: 良田镇, group: town, emails: [lt@qq.com, LT@qq.com] }"));

        assertRejected(file, "units[1].emails[1]", "电子邮件地址 'lt@qq.com' 重复");
    }

    @Test
    void emailsMustBeAList() throws IOException {
        Path file = write("bad", change("code: t1, name: 良田镇, group: town }",
                "code: t1, name: 良田镇, group: town, emails: { a: lt@qq.com } }"));

        assertRejected(file, "units[1].emails", "应为列表");
    }

    @Test
    void reminderDaysFromTheFileAndNotBeyondTheDeadline() throws IOException {
        assertThat(SchemeLoader.load(write("bad", change("deadline_day: 20", "deadline_day: 20\nreminder_days: 5")))
                .reminderDays()).isEqualTo(5);

        assertRejected(write("bad", change("deadline_day: 20", "deadline_day: 20\nreminder_days: 20")),
                "reminder_days", "催报提前天数应小于报送截止日 20");
        assertRejected(write("bad", change("deadline_day: 20", "deadline_day: 20\nreminder_days: -1")),
                "reminder_days", "应不小于 0");
    }

    private Path write(String id, String text) throws IOException {
        Path file = dir.resolve(id + ".yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The valid scheme with one text replaced; fails if the text is not there, so no test passes by accident. */
    private static String change(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replace(from, to);
    }

    private static void assertRejected(Path file, String key, String... problem) {
        assertThatThrownBy(() -> SchemeLoader.load(file))
                .isInstanceOf(SchemeException.class)
                .hasMessageContaining("方案文件 " + file)
                .hasMessageContaining(" 的 " + key + "：")
                .hasMessageContaining(problem[0])
                .satisfies(e -> assertThat(e.getMessage()).contains(problem));
    }
}
