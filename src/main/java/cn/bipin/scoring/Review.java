package cn.bipin.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A unit's month in the monthly review (DOMAIN §7.2): the raw total scaled by its coefficient (D16), the
 * pre-deduction of the month and the fate of last month's (D17), the lagging ladder behind the letters (D18).
 * Pure arithmetic on the figures the bulletin prints, so a reader can recompute every one (D4):
 * <pre>
 * scaled    = round2(raw × coefficient)
 * completion, time progress: rounded to 4 decimals (printed as 41.67%)
 * lagging   = completion &lt; time progress
 * deducted  = lagging ? round2(min(cap, k × (time progress − completion) × 100)) : 0
 * last month's deduction: restored (返还, added back) when not lagging now, else final (确认扣除, stays deducted)
 * published = scaled − deducted + restored
 * streak    = lagging ? last month's streak + 1 : 0      (1 绿色提醒函, 2 橙色警示函, 3 and more 红色督办函)
 * </pre>
 */
public final class Review {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Review() {
    }

    /** What became of last month's pre-deduction. */
    public enum Fate {
        RESTORED("返还"),
        CONFIRMED("确认扣除");

        private final String label;

        Fate(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the unit carries into the next month: its deduction and its lagging streak. */
    public record Carry(BigDecimal deducted, int streak) {
        public static final Carry NONE = new Carry(BigDecimal.ZERO.setScale(2), 0);
    }

    /**
     * @param previousDeducted last month's deduction (0.00 when none)
     * @param previousFate     null when last month deducted nothing
     * @param restored         what is added back this month (last month's deduction when restored, else 0.00)
     */
    public record Month(BigDecimal raw, BigDecimal coefficient, BigDecimal scaled, BigDecimal completion,
                        BigDecimal timeProgress, boolean lagging, BigDecimal deducted, BigDecimal previousDeducted,
                        Fate previousFate, BigDecimal restored, BigDecimal published, int streak) {

        public Carry carry() {
            return new Carry(deducted, streak);
        }
    }

    /**
     * @param completion the unit's cumulative completion as a fraction (value ÷ annual target); null (nothing
     *                   reported) counts as 0
     */
    public static Month month(BigDecimal raw, BigDecimal coefficient, BigDecimal completion, BigDecimal timeProgress,
                              BigDecimal k, BigDecimal cap, Carry previous) {
        BigDecimal scaled = Scores.round(raw.multiply(coefficient, Scores.MC));
        BigDecimal c = (completion == null ? BigDecimal.ZERO : completion).setScale(4, RoundingMode.HALF_UP);
        BigDecimal tp = timeProgress.setScale(4, RoundingMode.HALF_UP);
        boolean lagging = c.compareTo(tp) < 0;
        BigDecimal deducted = Scores.ZERO;
        if (lagging) {
            BigDecimal points = tp.subtract(c).multiply(HUNDRED).multiply(k, Scores.MC);
            deducted = Scores.round(points.min(cap));
        }
        Carry last = previous == null ? Carry.NONE : previous;
        BigDecimal previousDeducted = Scores.round(last.deducted());
        Fate fate = previousDeducted.signum() == 0 ? null : lagging ? Fate.CONFIRMED : Fate.RESTORED;
        BigDecimal restored = fate == Fate.RESTORED ? previousDeducted : Scores.ZERO;
        BigDecimal published = Scores.round(scaled.subtract(deducted).add(restored));
        return new Month(raw, coefficient, scaled, c, tp, lagging, deducted, previousDeducted, fate, restored, published,
                lagging ? last.streak() + 1 : 0);
    }
}
