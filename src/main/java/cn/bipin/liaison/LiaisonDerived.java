package cn.bipin.liaison;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.bipin.results.DerivedDimensions;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;

/**
 * The liaison figures a scheme scores (DOMAIN §6.2): {@code liaison.dimensions} in the scheme file maps
 * {@code liaison_coverage_rate}, {@code liaison_problems_closed_rate} or {@code liaison_overdue_problems} onto a
 * dimension. The value of a period is the figure of its last month, from the ledger as it stands when the period is
 * scored (a corrected record changes it at the next run). A unit without assignments (or, for a rate, with nothing to
 * divide) has no value: it scores as not reported.
 */
@Component
class LiaisonDerived implements DerivedDimensions {

    private final LiaisonService liaison;

    LiaisonDerived(LiaisonService liaison) {
        this.liaison = liaison;
    }

    /** {@code liaison:} valid, its dimensions existing with the right measure (see {@link LiaisonConfig#load}). */
    @Override
    public void check(Scheme scheme) {
        LiaisonConfig.load(scheme);
    }

    @Override
    public Map<String, Map<String, BigDecimal>> values(Scheme scheme, Period period) {
        if (!LiaisonConfig.configured(scheme)) {
            return Map.of();
        }
        LiaisonConfig config = LiaisonConfig.load(scheme);
        if (config.dimensions().isEmpty()) {
            return Map.of();
        }
        LiaisonFigures.Month month = liaison.month(scheme, period.lastMonth());
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        config.dimensions().forEach((derived, dimension) -> {
            Map<String, BigDecimal> byUnit = new HashMap<>();
            for (LiaisonFigures.UnitFigures f : month.units()) {
                BigDecimal v = LiaisonFigures.derived(f, derived);
                if (v != null) {
                    byUnit.put(f.unitCode(), v);
                }
            }
            values.put(dimension, byUnit);
        });
        return values;
    }
}
