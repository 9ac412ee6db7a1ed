package vn.giamngheo.budget.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Tỷ lệ giải ngân: disbursed ÷ allocated × 100, rounded half-up to two decimals. There is no rate when
 * nothing was allocated. A rate above 100 is kept as it is (money disbursed from an earlier year's
 * allocation); it is for the reader to judge, not for the arithmetic to hide.
 */
public final class DisbursementRate {

    private DisbursementRate() {
    }

    public static Optional<BigDecimal> percent(BigDecimal disbursed, BigDecimal allocated) {
        if (allocated == null || disbursed == null || allocated.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(disbursed.multiply(BigDecimal.valueOf(100)).divide(allocated, 2, RoundingMode.HALF_UP));
    }
}
