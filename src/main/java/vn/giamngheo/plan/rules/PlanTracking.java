package vn.giamngheo.plan.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Tracking of a plan's target for the reduction of poor households during its year, by a simple linear
 * projection: the reduction achieved from 1 January to the day of tracking, scaled to the whole year
 * ({@code achieved × days in year / days elapsed}, the day of tracking included; on or after 31 December the
 * projection is the achievement itself). The mark compares the projection with the target:
 * <ul>
 * <li>on track: projection ≥ on-track ratio × target;</li>
 * <li>at risk: projection ≥ at-risk ratio × target (and below the on-track line);</li>
 * <li>off track: below that.</li>
 * </ul>
 * Comparisons are exact (no rounding of the projection). A target of 0 is on track unless the poor increased.
 * The projection is crude for poverty: most households leave the lists at the year-end periodic review, so
 * early in the year most plans look off track; the thresholds are parameters for that reason.
 */
public final class PlanTracking {

    /** The mark of a plan's progress. */
    public enum Mark {
        ON_TRACK, AT_RISK, OFF_TRACK
    }

    /** The result: the reduction achieved, projected to year end (rounded half up, for display), the mark. */
    public record Progress(long target, long achieved, long projected, int daysElapsed, int daysInYear, Mark mark) {
    }

    private PlanTracking() {
    }

    /**
     * @param target      the planned reduction of poor households (≥ 0)
     * @param achieved    poor at the start minus poor on {@code asOf} (negative when the poor increased)
     * @param year        the plan year
     * @param asOf        the day of tracking (clamped to the year)
     * @param onTrackRatio the on-track threshold, ≥ the at-risk one
     * @param atRiskRatio the at-risk threshold
     */
    public static Progress assess(long target, long achieved, int year, LocalDate asOf, BigDecimal onTrackRatio,
                                  BigDecimal atRiskRatio) {
        Objects.requireNonNull(asOf, "asOf");
        if (target < 0) {
            throw new IllegalArgumentException("the target must not be negative, got " + target);
        }
        if (onTrackRatio.compareTo(atRiskRatio) < 0 || atRiskRatio.signum() < 0) {
            throw new IllegalArgumentException("need 0 <= at-risk ratio <= on-track ratio, got " + atRiskRatio + " and " + onTrackRatio);
        }
        LocalDate start = LocalDate.of(year, 1, 1);
        int daysInYear = start.lengthOfYear();
        long elapsed = ChronoUnit.DAYS.between(start, asOf) + 1;
        int days = (int) Math.max(1, Math.min(daysInYear, elapsed));
        // projection = achieved × daysInYear / days, kept as a fraction for exact comparison
        BigDecimal numerator = BigDecimal.valueOf(achieved).multiply(BigDecimal.valueOf(daysInYear));
        BigDecimal denominator = BigDecimal.valueOf(days);
        long projected = numerator.divide(denominator, 0, RoundingMode.HALF_UP).longValueExact();
        Mark mark;
        if (target == 0) {
            mark = achieved >= 0 ? Mark.ON_TRACK : Mark.OFF_TRACK;
        } else if (numerator.compareTo(onTrackRatio.multiply(BigDecimal.valueOf(target)).multiply(denominator)) >= 0) {
            mark = Mark.ON_TRACK;
        } else if (numerator.compareTo(atRiskRatio.multiply(BigDecimal.valueOf(target)).multiply(denominator)) >= 0) {
            mark = Mark.AT_RISK;
        } else {
            mark = Mark.OFF_TRACK;
        }
        return new Progress(target, achieved, projected, days, daysInYear, mark);
    }
}
