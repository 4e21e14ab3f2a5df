package cn.bipin.incentive;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static cn.bipin.incentive.ColumnKind.CREDIT_CODE;
import static cn.bipin.incentive.ColumnKind.DATE;
import static cn.bipin.incentive.ColumnKind.FLAG;
import static cn.bipin.incentive.ColumnKind.MONEY;
import static cn.bipin.incentive.ColumnKind.PARTY_ID;
import static cn.bipin.incentive.ColumnKind.RATE;
import static cn.bipin.incentive.ColumnKind.SIGNED_RATE;
import static cn.bipin.incentive.ColumnKind.TEXT;

/**
 * The five kinds of incentive data, one file kind each, with their columns. The first column identifies the
 * subject: a later file's row for the same subject replaces an earlier one (a correction).
 */
enum Entity {
    ENTERPRISE("enterprises", "企业", List.of(
            Column.required("credit_code", "统一社会信用代码", CREDIT_CODE),
            Column.required("name", "企业名称", TEXT),
            Column.of("industry", "行业", TEXT),
            Column.of("district_soe", "区属国有企业", FLAG),
            Column.of("registered_on", "注册日期", DATE),
            Column.of("above_scale", "四上企业", FLAG),
            Column.of("above_scale_since", "纳入四上日期", DATE),
            Column.of("revenue", "本年营业收入", MONEY),
            Column.of("revenue_last", "上年营业收入", MONEY),
            Column.of("contribution", "本年辖区经济贡献", MONEY),
            Column.of("contribution_last", "上年辖区经济贡献", MONEY),
            Column.choice("tax_grade", "纳税信用等级", "A", "B", "M", "C", "D"),
            Column.of("tax_contribution", "区级纳税贡献", MONEY),
            Column.of("tax_growth", "纳税同比增速", SIGNED_RATE),
            Column.of("retail", "本季度商品零售额", MONEY),
            Column.of("retail_last", "上年同季度商品零售额", MONEY),
            Column.of("attracted", "招商引资企业", FLAG),
            Column.of("above_limit", "纳入限额以上统计", FLAG),
            Column.choice("qualification", "建筑业资质", "总承包", "专业承包", "无"),
            Column.of("construction_main", "营业执照前三项为建筑业", FLAG),
            Column.of("in_statistics", "已入统计库", FLAG),
            Column.of("output", "当年产值", MONEY))),
    BUILDING("buildings", "楼宇", List.of(
            Column.required("building_id", "楼宇编号", TEXT),
            Column.required("name", "楼宇名称", TEXT),
            Column.required("operator_code", "运营企业统一社会信用代码", CREDIT_CODE),
            Column.required("operator_name", "运营企业名称", TEXT),
            Column.of("lead_industry", "符合主导产业", FLAG),
            Column.of("occupancy", "入驻率", RATE),
            Column.of("registration_rate", "注册率", RATE),
            Column.of("specialisation", "专业集中度", RATE),
            Column.of("contribution", "年度辖区经济贡献", MONEY),
            Column.of("service_centre", "建立综合服务中心", FLAG),
            Column.of("satisfaction", "入驻企业好评度", RATE),
            Column.of("renovation_cost", "改造复核工程价款", MONEY))),
    PROJECT("projects", "项目", List.of(
            Column.required("project_id", "项目编号", TEXT),
            Column.required("name", "项目名称", TEXT),
            Column.required("owner_code", "项目单位统一社会信用代码", CREDIT_CODE),
            Column.required("owner_name", "项目单位名称", TEXT),
            Column.of("social_investment", "社会投资类项目", FLAG),
            Column.of("land_acquired_on", "摘地日期", DATE),
            Column.of("started_on", "开工日期", DATE),
            Column.of("registered_on", "入库日期", DATE),
            Column.of("investment", "累计完成固定资产投资", MONEY),
            Column.of("quarter_investment", "本季度完成固定资产投资", MONEY),
            Column.of("new_tax_paying", "新增纳税", FLAG),
            Column.of("idle_revival", "闲置资产盘活", FLAG),
            Column.of("in_use_on", "投用投产日期", DATE))),
    REFERRAL("referrals", "招商推荐", List.of(
            Column.required("newcomer_code", "新入驻企业统一社会信用代码", CREDIT_CODE),
            Column.required("newcomer_name", "新入驻企业名称", TEXT),
            Column.required("referrer_id", "招引企业信用代码或个人身份证号", PARTY_ID),
            Column.required("referrer_name", "招引企业或个人名称", TEXT),
            Column.of("settled_on", "入驻日期", DATE),
            Column.choice("newcomer_class", "新入驻企业类别", "一般企业", "楼宇特色产业企业", "总部企业"),
            Column.of("has_contribution", "在辖区产生经济贡献", FLAG),
            Column.of("first_year_output", "入驻当年辖区产值", MONEY))),
    AGRI("agri", "农业经营主体", List.of(
            Column.required("credit_code", "统一社会信用代码", CREDIT_CODE),
            Column.required("name", "经营主体名称", TEXT),
            Column.of("settled_on", "落户日期", DATE),
            Column.of("investment", "年内投资金额", MONEY)));

    final String key;
    final String label;
    final List<Column> columns;

    Entity(String key, String label, List<Column> columns) {
        this.key = key;
        this.label = label;
        this.columns = columns;
    }

    int index(String columnKey) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(columnKey)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + columnKey + " in " + this);
    }

    /**
     * The kind of data a file holds, from its name: the template's names start with the Chinese label, a CSV may
     * use the English key. 农业 and 招商 are checked before 企业, which names of other kinds may contain.
     */
    static Optional<Entity> fromFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.contains("楼宇") || n.contains("building")) {
            return Optional.of(BUILDING);
        }
        if (n.contains("项目") || n.contains("project")) {
            return Optional.of(PROJECT);
        }
        if (n.contains("招商") || n.contains("推荐") || n.contains("referral")) {
            return Optional.of(REFERRAL);
        }
        if (n.contains("农业") || n.contains("agri")) {
            return Optional.of(AGRI);
        }
        if (n.contains("企业") || n.contains("enterprise")) {
            return Optional.of(ENTERPRISE);
        }
        return Optional.empty();
    }
}
