package cn.bipin.appeal;

import java.util.List;

/** The appeal ledger's columns, in template order: CSV keys (DOMAIN §9 style) and the template's Chinese titles. */
final class AppealColumns {

    static final int CASE_ID = 0;
    static final int UNIT = 1;
    static final int ENTERPRISE = 2;
    static final int CREDIT_CODE = 3;
    static final int SIZE = 4;
    static final int SUMMARY = 5;
    static final int RECEIVED = 6;
    static final int REGISTERED = 7;
    static final int STUDIED = 8;
    static final int RESOLVED = 9;
    static final int LEVEL = 10;
    static final int FEEDBACK = 11;
    static final int SATISFACTION = 12;
    static final int NOTE = 13;

    static final String TIME_HINT = "如 2024-06-03 14:30";

    static final List<LedgerColumn> ALL = List.of(
            new LedgerColumn("case_id", "诉求编号", true, "本单位内唯一，如 FGJ-2024-001；更正时编号不变"),
            new LedgerColumn("unit_code", "责任单位", true, "单位代码或单位全称"),
            new LedgerColumn("enterprise", "企业名称", true, "企业或项目名称"),
            new LedgerColumn("credit_code", "统一社会信用代码", false, "18位，可不填"),
            new LedgerColumn("size_class", "企业类别", true, "重点企业 / 千万元以上企业 / 千万元以下企业"),
            new LedgerColumn("summary", "诉求内容", false, "简述"),
            new LedgerColumn("received_at", "受理时间", true, "写到分钟，" + TIME_HINT),
            new LedgerColumn("registered_at", "登记时间", false, "受理后24小时内，" + TIME_HINT),
            new LedgerColumn("studied_at", "提级研究时间", false, "需提级研究的，登记后3个工作日内"),
            new LedgerColumn("resolved_at", "办结时间", false, "办结后填写"),
            new LedgerColumn("resolution_level", "解决层级", false, "单位 / 专班 / 区政府专题会议"),
            new LedgerColumn("feedback_by", "反馈人", false, "主要领导（经分管区领导同意）/ 主要领导 / 分管领导"),
            new LedgerColumn("satisfaction", "企业满意度", false, "满意 / 基本满意 / 不满意"),
            new LedgerColumn("note", "备注", false, ""));

    /** The worksheet of the template. */
    static final String SHEET = "企业诉求台账";

    private AppealColumns() {
    }
}
