package cn.bipin.project;

import java.util.List;

import cn.bipin.appeal.LedgerColumn;

/** The project list's columns, in template order: CSV keys (README, DOMAIN §9 style) and the template's Chinese titles. */
final class ProjectColumns {

    static final int PROJECT_ID = 0;
    static final int UNIT = 1;
    static final int NAME = 2;
    static final int INVESTMENT = 3;
    static final int START = 4;
    static final int COMPLETION = 5;
    static final int NOTE = 6;

    static final String DATE_HINT = "如 2019-03-15";

    static final List<LedgerColumn> ALL = List.of(
            new LedgerColumn("project_id", "项目编号", true, "本单位内唯一，如 HJD-2019-01；更正时编号不变"),
            new LedgerColumn("unit_code", "责任单位", true, "单位代码或单位全称"),
            new LedgerColumn("project", "项目名称", true, ""),
            new LedgerColumn("investment", "总投资", true, "计划总投资，单位见表头，如 12000"),
            new LedgerColumn("start_date", "开工日期", false, "已开工的填实际开工日期，" + DATE_HINT + "；储备项目不填"),
            new LedgerColumn("completion_date", "竣工日期", false, "竣工后填写，" + DATE_HINT),
            new LedgerColumn("note", "备注", false, ""));

    /** The worksheet of the template. */
    static final String SHEET = "项目清单";

    private ProjectColumns() {
    }
}
