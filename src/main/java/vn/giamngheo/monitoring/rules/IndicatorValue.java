package vn.giamngheo.monitoring.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The value of an indicator for one unit: a count or amount ({@code denominator} null), or a share kept
 * as numerator and denominator so that units can be added up before the share is taken
 * (Σ numerators ÷ Σ denominators, never an average of percentages).
 */
public record IndicatorValue(BigDecimal numerator, BigDecimal denominator) {

    public static IndicatorValue count(BigDecimal value) {
        return new IndicatorValue(value, null);
    }

    public static IndicatorValue share(BigDecimal part, BigDecimal whole) {
        return new IndicatorValue(part, whole);
    }

    public boolean isShare() {
        return denominator != null;
    }

    public IndicatorValue plus(IndicatorValue other) {
        if (isShare() != other.isShare()) {
            throw new IllegalArgumentException("cannot add a count and a share");
        }
        return new IndicatorValue(numerator.add(other.numerator),
                isShare() ? denominator.add(other.denominator) : null);
    }

    /** The figure shown: the count, or the share in percent to two decimals (none when the base is 0). */
    public Optional<BigDecimal> shown() {
        if (!isShare()) {
            return Optional.of(numerator);
        }
        if (denominator.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 2, RoundingMode.HALF_UP));
    }
}
