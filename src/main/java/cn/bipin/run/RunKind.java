package cn.bipin.run;

import java.util.Arrays;

/**
 * What a run makes. Every kind is one Spring Batch job per cycle with the same identity (scheme, period, revision),
 * the same {@code run} row, launcher, listener and parameters; the kinds only number their revisions apart.
 */
public enum RunKind {
    /** 计分：the units' monthly, quarterly or annual scores, ranks and bulletin. */
    SCORE("计分"),
    /** 背靠背评议：the year-end anonymous evaluation of the departments. */
    EVALUATION("背靠背评议"),
    /** 企业奖励清单：the enterprise incentive list of a year or a quarter. */
    INCENTIVE("企业奖励清单"),
    /** 包联走访通报：the monthly cadre–enterprise liaison bulletin (visits, coverage, problems). */
    LIAISON("包联走访通报"),
    /** 指标预警：the monthly list of indicators behind the city average, their city rank or time progress (D19). */
    WARNING("指标预警");

    private final String label;

    RunKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value stored in {@code run.kind}. */
    public String key() {
        return name().toLowerCase();
    }

    public static RunKind fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown run kind: " + key));
    }
}
