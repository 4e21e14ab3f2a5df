package cn.bipin.award;

/** A unit's rank in one competition in one period, e.g. 7月 项目投资比拼 第5名; competition null when not known. */
record PeriodRank(String label, int rank, String competitionCode) {

    PeriodRank(String label, int rank) {
        this(label, rank, null);
    }

    String describe() {
        return label + " 第" + rank + "名";
    }
}
