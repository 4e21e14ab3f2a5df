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
}
