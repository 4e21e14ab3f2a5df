package cn.bipin.liaison;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.bipin.results.LedgerFigures;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;

/**
 * The liaison figures a scheme can score (DOMAIN §6.2): {@code liaison.dimensions} in the scheme file maps a dimension
 * onto {@code liaison_coverage_rate}, {@code liaison_problems_closed_rate} or {@code liaison_overdue_problems}
 * (checked at load by {@link cn.bipin.scheme.LedgerDimensions}). The value of a period is the figure of its last
 * month, from the ledger as it stands when the period is scored (a corrected record changes it at the next run). A
 * unit without assignments (or, for a rate, with nothing to divide) has no value: it scores as not reported.
 */
@Component
class LiaisonDerived implements LedgerFigures {

    private final LiaisonService liaison;

    LiaisonDerived(LiaisonService liaison) {
        this.liaison = liaison;
    }

    @Override
    public Map<String, Map<String, BigDecimal>> figures(Scheme scheme, Period period) {
        if (!LiaisonConfig.configured(scheme) || !scheme.ledgerDimensions().containsValue(LiaisonConfig.COVERAGE)
                && !scheme.ledgerDimensions().containsValue(LiaisonConfig.CLOSED)
                && !scheme.ledgerDimensions().containsValue(LiaisonConfig.OVERDUE)) {
            return Map.of(); // nothing of this ledger is scored: no need to read it
        }
        LiaisonFigures.Month month = liaison.month(scheme, period.lastMonth());
        Map<String, Map<String, BigDecimal>> figures = new HashMap<>();
        for (String figure : LiaisonConfig.DERIVED) {
            Map<String, BigDecimal> byUnit = new HashMap<>();
            for (LiaisonFigures.UnitFigures f : month.units()) {
                BigDecimal v = LiaisonFigures.derived(f, figure);
                if (v != null) {
                    byUnit.put(f.unitCode(), v);
                }
            }
            figures.put(figure, byUnit);
        }
        return figures;
    }
}
