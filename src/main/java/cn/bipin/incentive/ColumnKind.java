package cn.bipin.incentive;

/** How a data cell is checked and read; each kind has one Chinese description of what it expects. */
enum ColumnKind {
    TEXT("文字"),
    CREDIT_CODE("18位统一社会信用代码"),
    PARTY_ID("统一社会信用代码或居民身份证号码"),
    FLAG("是 或 否"),
    DATE("日期，如 2024-03-15"),
    MONEY("金额（元），不能为负数"),
    RATE("百分数，如 85% 或 0.85"),
    SIGNED_RATE("百分数，可为负，如 -5% 或 12.5%"),
    CHOICE("下拉选项之一");

    final String expected;

    ColumnKind(String expected) {
        this.expected = expected;
    }
}
