package vn.giamngheo.report.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares as fractions (0.0523 = 5.23 %); a share of nothing is null, never 0 or NaN. */
public final class Shares {

    private Shares() {
    }

    public static Double of(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return (double) part / whole;
    }

    /** The share as a percentage rounded half-up to two decimals ("5.23"), or null. */
    public static BigDecimal percent(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
