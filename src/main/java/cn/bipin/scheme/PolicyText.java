package cn.bipin.scheme;

/**
 * How documents for leaders cite the scheme's own policy text (D24): its numbering and words, never a rule code of
 * this program. Every field comes from the scheme file's {@code policy:} section; an absent one cites nothing.
 *
 * @param scoring   where the policy says how the total is weighted, e.g. 附件1 一（二）赋分规则
 * @param cycles    where it says which competitions are scored monthly and which quarterly, e.g. 附件1 一（一）考核周期
 * @param awards    where it says how annual results are applied, e.g. 附件1 一（三）结果运用
 * @param signature the 落款 every mail of the scheme ends with, e.g. 金凤区“双拼双促”专项行动工作专班
 */
public record PolicyText(String scoring, String cycles, String awards, String signature) {

    public PolicyText {
        scoring = scoring == null ? "" : scoring.strip();
        cycles = cycles == null ? "" : cycles.strip();
        awards = awards == null ? "" : awards.strip();
        signature = signature == null ? "" : signature.strip();
    }

    /** The policy text of a scheme file without a {@code policy:} section: its mails are signed "title专项行动工作专班". */
    public static PolicyText none(String title) {
        return new PolicyText("", "", "", title + "专项行动工作专班");
    }

    /** "按附件1 一（二）赋分规则" style prefix: {@code cite} followed by a space, or nothing when the scheme cites nothing. */
    public static String cited(String cite, String words) {
        return cite == null || cite.isBlank() ? words : "（" + cite + "）" + words;
    }
}
