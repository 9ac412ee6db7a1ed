package vn.giamngheo.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A unit's plan for a year: the baseline from the decided lists in force on {@code baselineDate} (1 January),
 * the targets (reductions of the poor and near-poor, in households) and the state of the target.
 */
public record Plan(long id, long unitId, String unitCode, String unitName, String unitLevel, String provinceCode,
                   int year, Long parentPlanId, LocalDate baselineDate, int households, int poor,
                   int poorSocialProtection, int nearPoor, int poorReduction, int nearPoorReduction,
                   String allocationBasis, PlanState state, String returnReason, String note, int version) {

    /** Poor households that policies can lift (not under social protection). */
    public int poorPolicy() {
        return poor - poorSocialProtection;
    }

    public int poorEnd() {
        return poor - poorReduction;
    }

    public int nearPoorEnd() {
        return nearPoor - nearPoorReduction;
    }

    public BigDecimal poorRate() {
        return rate(poor);
    }

    public BigDecimal nearPoorRate() {
        return rate(nearPoor);
    }

    public BigDecimal poorEndRate() {
        return rate(poorEnd());
    }

    /** The planned reduction in percentage points (reduction / households × 100). */
    public BigDecimal poorReductionPoints() {
        return rate(poorReduction);
    }

    public BigDecimal nearPoorReductionPoints() {
        return rate(nearPoorReduction);
    }

    public BigDecimal poorPolicyRate() {
        return rate(poorPolicy());
    }

    public BigDecimal poorSocialProtectionRate() {
        return rate(poorSocialProtection);
    }

    /** count / households × 100 to two decimals; 0 without households. */
    BigDecimal rate(int count) {
        if (households == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(households), 2, RoundingMode.HALF_UP);
    }
}
