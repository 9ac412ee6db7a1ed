package vn.giamngheo.monitoring.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The entered figure of an indicator against the figure a computation gives from a register: flagged when they
 * differ by more than {@code tolerancePercent} % of the computed figure (when the computed figure is 0, any
 * entered figure other than 0 is flagged).
 */
public final class CheckDifference {

    private CheckDifference() {
    }

    /** Whether the difference is above the tolerance. */
    public static boolean flagged(BigDecimal entered, BigDecimal computed, BigDecimal tolerancePercent) {
        BigDecimal difference = entered.subtract(computed).abs();
        BigDecimal allowed = computed.abs().multiply(tolerancePercent).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
        return difference.compareTo(allowed) > 0;
    }
}
