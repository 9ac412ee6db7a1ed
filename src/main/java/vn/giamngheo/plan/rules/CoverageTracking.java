package vn.giamngheo.plan.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Tracking of a coverage target ("100 % of the poor insured"): the share of a group of households NOT deprived on
 * an indicator or dimension, at the start of the plan year (baseline B) and on the day of tracking (now C),
 * against the target share T by year end. The share is projected linearly like {@link PlanTracking}:
 * {@code P = B + (C − B) × days in year / days elapsed} (on or after 31 December P = C), clamped to 0–100 %.
 * <ul>
 * <li>on track: P ≥ T, or (T > B) the projected gain P − B ≥ on-track ratio × (T − B);</li>
 * <li>at risk: (T > B) the projected gain ≥ at-risk ratio × (T − B); or (T ≤ B, met at the start) the share is
 * still at or above T now but projected below it;</li>
 * <li>off track: otherwise.</li>
 * </ul>
 * A group without households has nothing to cover: its share is taken as 100 % (the target is met). Every
 * comparison is exact (fractions are cross-multiplied, never rounded).
 */
public final class CoverageTracking {

    /** Households of the group ({@code total}) and those not deprived ({@code covered}). */
    public record Share(long covered, long total) {
        public Share {
            if (covered < 0 || total < 0 || covered > total) {
                throw new IllegalArgumentException("need 0 <= covered <= total, got " + covered + " of " + total);
            }
        }

        /** The share in percent to two decimals; 100 for an empty group. */
        public BigDecimal percent() {
            if (total == 0) {
                return BigDecimal.valueOf(100).setScale(2);
            }
            return BigDecimal.valueOf(covered * 100L).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        }

        /** Numerator and denominator of the fraction (1/1 for an empty group). */
        long num() {
            return total == 0 ? 1 : covered;
        }

        long den() {
            return total == 0 ? 1 : total;
        }
    }

    /** The result: the projected share (percent, two decimals, for display) and the mark. */
    public record Progress(Share baseline, Share now, BigDecimal targetPercent, BigDecimal projectedPercent,
                           PlanTracking.Mark mark) {
    }

    private CoverageTracking() {
    }

    /**
     * @param targetPercent the target share in percent, 0–100
     * @param asOf the day of tracking (clamped to the plan year)
     */
    public static Progress assess(Share baseline, Share now, BigDecimal targetPercent, int year, LocalDate asOf,
                                  BigDecimal onTrackRatio, BigDecimal atRiskRatio) {
        Objects.requireNonNull(asOf, "asOf");
        if (targetPercent.signum() < 0 || targetPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("the target share must be from 0 to 100 %, got " + targetPercent);
        }
        if (onTrackRatio.compareTo(atRiskRatio) < 0 || atRiskRatio.signum() < 0) {
            throw new IllegalArgumentException("need 0 <= at-risk ratio <= on-track ratio, got " + atRiskRatio + " and " + onTrackRatio);
        }
        LocalDate start = LocalDate.of(year, 1, 1);
        int daysInYear = start.lengthOfYear();
        long days = Math.max(1, Math.min(daysInYear, ChronoUnit.DAYS.between(start, asOf) + 1));
        BigDecimal t = targetPercent.divide(BigDecimal.valueOf(100));
        // B = bn/bd, C = cn/cd; scaled by S = bd·cd·days: B·S, (C − B)·daysInYear·bd·cd, T·S
        BigDecimal bn = BigDecimal.valueOf(baseline.num());
        BigDecimal bd = BigDecimal.valueOf(baseline.den());
        BigDecimal cn = BigDecimal.valueOf(now.num());
        BigDecimal cd = BigDecimal.valueOf(now.den());
        BigDecimal d = BigDecimal.valueOf(days);
        BigDecimal scale = bd.multiply(cd).multiply(d);
        BigDecimal gainScaled = cn.multiply(bd).subtract(bn.multiply(cd)).multiply(BigDecimal.valueOf(daysInYear)); // (C−B)·D·bd·cd
        BigDecimal baseScaled = bn.multiply(cd).multiply(d); // B·S
        BigDecimal projectedScaled = clamp(baseScaled.add(gainScaled), scale); // P·S, within 0..S
        BigDecimal targetScaled = t.multiply(scale); // T·S
        BigDecimal requiredScaled = targetScaled.subtract(baseScaled); // (T − B)·S
        BigDecimal projectedGain = projectedScaled.subtract(baseScaled); // (P − B)·S
        PlanTracking.Mark mark;
        if (projectedScaled.compareTo(targetScaled) >= 0) {
            mark = PlanTracking.Mark.ON_TRACK;
        } else if (requiredScaled.signum() > 0) {
            if (projectedGain.compareTo(onTrackRatio.multiply(requiredScaled)) >= 0) {
                mark = PlanTracking.Mark.ON_TRACK;
            } else if (projectedGain.compareTo(atRiskRatio.multiply(requiredScaled)) >= 0) {
                mark = PlanTracking.Mark.AT_RISK;
            } else {
                mark = PlanTracking.Mark.OFF_TRACK;
            }
        } else {
            // met at the start, projected below the target: at risk while still met today
            boolean metNow = cn.compareTo(t.multiply(cd)) >= 0;
            mark = metNow ? PlanTracking.Mark.AT_RISK : PlanTracking.Mark.OFF_TRACK;
        }
        BigDecimal projectedPercent = projectedScaled.multiply(BigDecimal.valueOf(100)).divide(scale, 2, RoundingMode.HALF_UP);
        return new Progress(baseline, now, targetPercent, projectedPercent, mark);
    }

    private static BigDecimal clamp(BigDecimal v, BigDecimal max) {
        return v.signum() < 0 ? BigDecimal.ZERO : v.min(max);
    }
}
