package cn.bipin.results;

import java.math.BigDecimal;
import java.util.Map;

import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;

/**
 * A case ledger's derived figures (DOMAIN §6), which a scheme maps onto competition dimensions
 * ({@link cn.bipin.scheme.LedgerDimensions}). Scoring takes a mapped dimension's values from here instead of the
 * units' submissions.
 */
public interface LedgerFigures {

    /**
     * Figure name (e.g. {@code appeals_collected}) → unit code → value for the period, from the latest version of
     * each case. Every unit of the scheme has each count (0 when it has no case); a rate or mean with nothing to
     * average over is left out (no value).
     */
    Map<String, Map<String, BigDecimal>> figures(Scheme scheme, Period period);

    /**
     * Where a changed derived value of a 更正 came from: the ledger files read after revision {@code previousRunId} up to
     * {@code runId}, the cases in them whose new version moves {@code figure} of {@code unitCode} for the period, and
     * what changed in each, e.g. {@code 良田镇-更正.csv（2024-10-15 09:00 收到）诉求 c-1 第2版：办结时间 空 → 2024-09-25 10:00}.
     * Empty when this ledger does not give the figure or no case read in between explains the change.
     */
    default String changeSource(Scheme scheme, Period period, String figure, String unitCode, long previousRunId,
            long runId) {
        return "";
    }
}
