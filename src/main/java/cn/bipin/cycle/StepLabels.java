package cn.bipin.cycle;

/** What the statistician sees at each step of the scoring runs, whatever the cycle. */
final class StepLabels {

    static final String INGEST = "读取与校验报送";
    static final String APPEALS = "读取企业诉求台账";
    static final String PROJECTS = "读取项目清单";
    static final String SCORE = "计分与排名";
    static final String AWARDS = "考核结果运用";
    static final String FEEDBACK = "生成各单位反馈表";
    static final String LETTERS = "生成三函一单";
    static final String BULLETIN = "生成榜单（PDF、Excel、CSV）";
    static final String DELIVERY = "发送邮件";
    static final String EVALUATION = "背靠背评议";
    static final String INCENTIVES = "企业奖励清单";

    private StepLabels() {
    }
}
