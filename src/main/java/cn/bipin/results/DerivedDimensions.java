package cn.bipin.results;

import java.math.BigDecimal;
import java.util.Map;

import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;

/**
 * Values a feature derives from its own records (a ledger) for the dimensions the scheme file maps onto it, scored
 * like reported values. A derived value replaces any value a unit reported for that dimension and period. Features
 * declare a bean; scoring asks every one.
 */
public interface DerivedDimensions {

    /**
     * dimension code → unit code → value for the period; empty when the scheme maps nothing onto this feature.
     *
     * @throws cn.bipin.scheme.SchemeException when the scheme file's mapping is invalid (Chinese, naming file and key)
     */
    Map<String, Map<String, BigDecimal>> values(Scheme scheme, Period period);

    /**
     * Validates the scheme file's mapping onto this feature before a scoring run of the scheme starts (nothing is
     * recorded when it throws).
     *
     * @throws cn.bipin.scheme.SchemeException naming file, key and problem
     */
    default void check(Scheme scheme) {
    }
}
