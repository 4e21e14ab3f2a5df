package cn.bipin.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.bipin.scheme.Scheme;

/**
 * Checks one received ballot against the scheme's evaluation rules and the issued tokens. A rejection names the
 * file, row and column in words the campaign office can act on — and never repeats the token, so an error message
 * cannot put a rater next to a score.
 */
final class BallotValidator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Scheme scheme;
    private final EvaluationRules rules;
    private final Map<String, RaterTokens.TokenInfo> tokens;
    private final RaterTokens.Hasher hasher;

    BallotValidator(Scheme scheme, EvaluationRules rules, Map<String, RaterTokens.TokenInfo> tokens,
            RaterTokens.Hasher hasher) {
        this.scheme = scheme;
        this.rules = rules;
        this.tokens = tokens;
        this.hasher = hasher;
    }

    /**
     * The outcome of one ballot line.
     *
     * @param tokenHash the token's hash when the token is known, else null
     * @param group     the group's code when known
     * @param scores    the item scores when accepted, else null
     * @param error     why the line was rejected, else null
     */
    record Outcome(String tokenHash, String group, List<BigDecimal> scores, String error) {

        boolean accepted() {
            return error == null;
        }
    }

    Outcome validate(RawBallot raw) {
        String where = "文件 " + raw.fileName() + " 第" + raw.rowNumber() + "行";
        EvaluationRules.RaterGroup declared = rules.groups().stream()
                .filter(g -> g.code().equalsIgnoreCase(raw.group()) || g.name().equals(raw.group())).findFirst()
                .orElse(null);
        if (declared == null) {
            return reject(null, null, where + " 评议组：'" + raw.group() + "' 不是评议组，可选："
                    + String.join("、", rules.groups().stream().map(g -> g.code() + "（" + g.name() + "）").toList()));
        }
        if (RaterTokens.normalise(raw.token()).isEmpty()) {
            return reject(null, declared.code(), where + " 评议令牌：未填写");
        }
        String hash = hasher.hash(raw.token());
        RaterTokens.TokenInfo info = tokens.get(hash);
        if (info == null) {
            // the token itself is not repeated: an error list must not carry tokens
            return reject(null, declared.code(), where + " 评议令牌：不是本方案发放的评议令牌（请核对令牌是否抄错）");
        }
        if (!info.group().equals(declared.code())) {
            String tokenGroup = rules.group(info.group()).map(EvaluationRules.RaterGroup::name).orElse(info.group());
            return reject(hash, info.group(), where + " 评议令牌：该令牌属于“" + tokenGroup + "”评议组，不能用于“"
                    + declared.name() + "”评议表");
        }
        String target = raw.target().strip();
        if (!rules.targets().contains(target)) {
            return reject(hash, info.group(), where + " 单位代码：'" + target + "' 不是被评议单位，可评议："
                    + String.join("、", rules.targets()));
        }
        if (declared.peer() && target.equals(info.unit())) {
            String unitName = scheme.unit(target).map(u -> u.name()).orElse(target);
            return reject(hash, info.group(), where + "：" + declared.name() + "不能评议本单位（" + unitName + "），该票退回");
        }
        List<BigDecimal> scores = new ArrayList<>(rules.items().size());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rules.items().size(); i++) {
            EvaluationRules.Item item = rules.items().get(i);
            String value = raw.values().get(i).strip();
            String label = item.name() + "（" + raw.columns().get(i) + "）";
            if (value.isEmpty()) {
                problems.add(label + "：未填写");
                continue;
            }
            BigDecimal score = rules.grades().get(value);
            if (score == null) {
                try {
                    score = new BigDecimal(value);
                } catch (NumberFormatException e) {
                    problems.add(label + "：'" + value + "' 不是分数或等次（0–100 的分数，或 "
                            + String.join("、", rules.grades().keySet()) + "）");
                    continue;
                }
                if (score.signum() < 0 || score.compareTo(HUNDRED) > 0) {
                    problems.add(label + "：'" + value + "' 超出 0–100 的范围");
                    continue;
                }
                if (score.stripTrailingZeros().scale() > 2) {
                    problems.add(label + "：'" + value + "' 最多两位小数");
                    continue;
                }
            }
            scores.add(score);
        }
        if (!problems.isEmpty()) {
            return reject(hash, info.group(), where + " " + String.join("；", problems));
        }
        return new Outcome(hash, info.group(), List.copyOf(scores), null);
    }

    private static Outcome reject(String hash, String group, String error) {
        return new Outcome(hash, group, null, error);
    }
}
