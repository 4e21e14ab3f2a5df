package cn.bipin.letters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.bipin.bulletin.BulletinSections;
import cn.bipin.report.TableRow;
import cn.bipin.report.TableSection;
import cn.bipin.results.ReviewRepository;
import cn.bipin.results.ScoreRepository;
import cn.bipin.results.ScoreRepository.RankedScore;
import cn.bipin.run.Run;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.RankMarks;
import cn.bipin.scheme.ReviewRules;
import cn.bipin.scheme.Scheme;
import cn.bipin.scoring.Review;

/**
 * The monthly review's part of the bulletin (D16–D18): raw score, coefficient and published score with each
 * pre-deduction's fate (扣分 / 返还 / 确认扣除), the thirds and the spread; and the list of letters issued.
 */
@Component
class ReviewSections implements BulletinSections {

    private final ReviewRepository reviews;
    private final ScoreRepository scores;
    private final LetterService letters;

    ReviewSections(ReviewRepository reviews, ScoreRepository scores, LetterService letters) {
        this.reviews = reviews;
        this.scores = scores;
        this.letters = letters;
    }

    @Override
    public List<TableSection> sections(Scheme scheme, Run run) {
        if (run.cycle() != Cycle.MONTHLY || !ReviewRules.configured(scheme)) {
            return List.of();
        }
        Map<String, Review.Month> months = reviews.months(run.id());
        if (months.isEmpty()) {
            return List.of();
        }
        List<RankedScore> totals = new ArrayList<>(scores.totals(run.id()));
        totals.sort(Comparator.comparingInt(RankedScore::rank).thenComparingInt(t -> scheme.unitOrder(t.unitCode())));
        Map<String, List<Integer>> ranksByPool = new java.util.HashMap<>();
        for (RankedScore t : totals) {
            ranksByPool.computeIfAbsent(scheme.poolOf(t.unitCode()).code(), p -> new ArrayList<>()).add(t.rank());
        }
        boolean thirds = RankMarks.of(scheme) == RankMarks.THIRDS;
        List<TableRow> rows = new ArrayList<>();
        for (RankedScore t : totals) {
            Review.Month m = months.get(t.unitCode());
            if (m == null) {
                continue;
            }
            Standing standing = Standing.of(t.rank(), ranksByPool.get(scheme.poolOf(t.unitCode()).code()));
            rows.add(new TableRow(List.of(Integer.toString(t.rank()), scheme.unit(t.unitCode()).orElseThrow().name(),
                    m.raw().toPlainString(), LetterService.coefficient(m.coefficient()), m.scaled().toPlainString(),
                    LetterService.percent(m.completion()),
                    m.deducted().signum() == 0 ? "–" : "扣分 " + m.deducted().toPlainString(),
                    m.previousFate() == null ? "–" : m.previousFate().label() + " " + m.previousDeducted().toPlainString(),
                    m.published().toPlainString(), thirds ? standing.label() : ""),
                    false, thirds && standing == Standing.BOTTOM));
        }
        BigDecimal max = totals.stream().map(RankedScore::score).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        BigDecimal min = totals.stream().map(RankedScore::score).min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        ReviewRules rules = ReviewRules.of(scheme);
        String note = "发布得分 = 原始得分 × 考核系数（保留两位小数）− 本月预扣分 + 返还的上月预扣分；名次按发布得分。累计完成率低于序时进度 "
                + LetterService.percent(run.period().timeProgress()) + " 的单位本月预扣 " + rules.k().stripTrailingZeros().toPlainString()
                + " 分/个百分点（最多 " + rules.cap().stripTrailingZeros().toPlainString() + " 分）；下月达到序时进度的返还，否则确认扣除。"
                + (thirds ? "各单位间分差 " + max.subtract(min).toPlainString() + " 分（最高 " + max.toPlainString() + "，最低 "
                + min.toPlainString() + "）；前、后三分之一各 " + RankMarks.THIRDS.marked(totals.size())
                + " 名（与边界名次并列者一并计入），红色底纹为后三分之一。" : "");
        TableSection review = new TableSection("考核得分（系数与预扣分）", note,
                List.of("名次", "单位", "原始得分", "考核系数", "系数后得分", "累计完成率", "本月预扣分", "上月预扣分", "发布得分", "位次"), rows);

        List<TableRow> letterRows = new ArrayList<>();
        long feedback = 0;
        for (Letter l : letters.letters(scheme, run, java.nio.file.Path.of("函件"), false)) {
            if (l.kind() == LetterKind.FEEDBACK) {
                feedback++;
                continue;
            }
            Review.Month m = months.get(l.unitCode());
            letterRows.add(new TableRow(List.of(l.unitName(), l.kind().label(), l.number() == null ? "（未编号）" : l.number(),
                    Integer.toString(m.streak()), LetterService.percent(m.completion()),
                    LetterService.percent(m.timeProgress()), m.deducted().toPlainString()), true));
        }
        TableSection list = new TableSection("三函一单", "本月向 " + feedback + " 个单位发出结果反馈单；累计完成率低于序时进度的单位："
                + "第1个月绿色提醒函，连续第2个月橙色警示函，连续3个月及以上红色督办函，达到序时进度后重新计算。",
                List.of("单位", "函件", "编号", "连续落后月数", "累计完成率", "序时进度", "本月预扣分"), letterRows);
        return List.of(review, list);
    }
}
