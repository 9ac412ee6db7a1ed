package vn.giamngheo.livelihood.rules;

import java.math.BigDecimal;

/**
 * The shares of target households a model must reach ({@code required}, 0.50 by the programme's rules) and that
 * makes it preferred ({@code preferred}, 0.70), as fractions between 0 and 1.
 */
public record Thresholds(BigDecimal required, BigDecimal preferred) {

    public static final Thresholds PROGRAMME_DEFAULT = new Thresholds(new BigDecimal("0.50"), new BigDecimal("0.70"));

    public Thresholds {
        if (required == null || preferred == null) {
            throw new IllegalArgumentException("both thresholds are needed");
        }
        if (required.signum() < 0 || preferred.compareTo(BigDecimal.ONE) > 0 || required.compareTo(preferred) > 0) {
            throw new IllegalArgumentException("thresholds must satisfy 0 ≤ required ≤ preferred ≤ 1: " + required + ", " + preferred);
        }
    }
}
