package cn.bipin.inbox;

import java.math.BigDecimal;

/**
 * The outcome of checking one submitted value: the value as stored (fractions for %), or a Chinese reason.
 *
 * @param value the accepted value, {@code null} when rejected
 * @param error why the value was rejected, quoting it; {@code null} when accepted
 */
public record ParsedValue(BigDecimal value, String error) {

    static ParsedValue accepted(BigDecimal value) {
        return new ParsedValue(value, null);
    }

    static ParsedValue rejected(String error) {
        return new ParsedValue(null, error);
    }

    public boolean ok() {
        return error == null;
    }
}
