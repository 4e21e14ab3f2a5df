package cn.bipin.results;

import java.util.Optional;

import cn.bipin.scheme.Competition;
import cn.bipin.scheme.Period;

/**
 * The dimension code under which a quarter or year keeps a competition's score of one earlier period, a component
 * of its mean (D5, R-SCORE-3): {@code c2@2024-07}. Scoring writes it; the bulletins read it back.
 */
public final class ComponentCode {

    private ComponentCode() {
    }

    public static String of(Competition competition, Period period) {
        return competition.code() + "@" + period.code();
    }

    /** The period of a component code ({@code c2@2024-07} → 2024-07); empty for a dimension's own code. */
    public static Optional<Period> period(String dimensionCode) {
        int at = dimensionCode.indexOf('@');
        return at < 0 ? Optional.empty() : Optional.of(Period.parse(dimensionCode.substring(at + 1)));
    }
}
