package vn.giamngheo.plan.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A multi-year goal for the poverty rate (e.g. 2021–2025: down 3 points a year from the rate at the end of 2021,
 * to 4 % at the end of 2025) and the progress of the actual rates against it, year by year.
 * <ul>
 * <li>The goal for the end of year Y is {@code max(target end rate, start rate − points a year × (Y − start year))}
 * for the years after the start year: the trajectory never goes below the rate aimed for at the end of the period.</li>
 * <li>Each year with an actual rate (poor / households of the decided lists at the end of the year) is marked by
 * the reduction achieved since the start against the reduction the goal asks for by then, with the ratios of
 * {@link PlanTracking}: on track when achieved ≥ on-track ratio × required (so always when the actual rate is at
 * or below the goal), at risk when ≥ at-risk ratio × required, off track below. With nothing required (the goal
 * already reached at the start) a year is on track unless the rate went up.</li>
 * <li>A year without an actual rate (not ended yet, no lists, the unit not on that year's map) has no mark.</li>
 * </ul>
 * The actual rate is compared exactly (poor × 100 against the rate × households), never after rounding.
 */
public final class GoalTrajectory {

    /** The goal: rates in percent (two decimals), points a year > 0. */
    public record Goal(int startYear, BigDecimal startRate, BigDecimal yearlyPoints, int endYear, BigDecimal targetEndRate) {
        public Goal {
            if (endYear <= startYear) {
                throw new IllegalArgumentException("the end year " + endYear + " must come after the start year " + startYear);
            }
            if (yearlyPoints.signum() <= 0) {
                throw new IllegalArgumentException("the reduction a year must be positive, got " + yearlyPoints);
            }
            if (targetEndRate.compareTo(startRate) > 0 || targetEndRate.signum() < 0) {
                throw new IllegalArgumentException("need 0 <= end rate <= start rate, got " + targetEndRate + " and " + startRate);
            }
        }

        /** The rate the goal asks for at the end of the year (the start rate for the start year and before). */
        public BigDecimal rateFor(int year) {
            if (year <= startYear) {
                return startRate;
            }
            BigDecimal r = startRate.subtract(yearlyPoints.multiply(BigDecimal.valueOf(year - startYear)));
            return r.max(targetEndRate);
        }

        /** The reduction in points over the period, start to end. */
        public BigDecimal periodPoints() {
            return startRate.subtract(targetEndRate);
        }
    }

    /** The counts behind an actual rate at the end of a year. */
    public record Actual(long poor, long households) {
        public Actual {
            if (poor < 0 || households <= 0 || poor > households) {
                throw new IllegalArgumentException("need 0 <= poor <= households > 0, got " + poor + " of " + households);
            }
        }

        public BigDecimal rate() {
            return BigDecimal.valueOf(poor * 100L).divide(BigDecimal.valueOf(households), 2, RoundingMode.HALF_UP);
        }
    }

    /** One year: the goal, the actual (null when none), the points achieved since the start, the mark (null when none). */
    public record Year(int year, BigDecimal goalRate, Actual actual, BigDecimal achievedPoints, PlanTracking.Mark mark) {
        public BigDecimal actualRate() {
            return actual == null ? null : actual.rate();
        }
    }

    private GoalTrajectory() {
    }

    /** The years from the start year to the end year with their goal and, where known, their actual rate and mark. */
    public static List<Year> progress(Goal goal, Map<Integer, Actual> actuals, BigDecimal onTrackRatio, BigDecimal atRiskRatio) {
        if (onTrackRatio.compareTo(atRiskRatio) < 0 || atRiskRatio.signum() < 0) {
            throw new IllegalArgumentException("need 0 <= at-risk ratio <= on-track ratio, got " + atRiskRatio + " and " + onTrackRatio);
        }
        List<Year> years = new ArrayList<>();
        for (int y = goal.startYear(); y <= goal.endYear(); y++) {
            BigDecimal goalRate = goal.rateFor(y);
            Actual a = actuals.get(y);
            if (a == null) {
                years.add(new Year(y, goalRate, null, null, null));
                continue;
            }
            years.add(new Year(y, goalRate, a, goal.startRate().subtract(a.rate()), mark(goal.startRate(), goalRate, a,
                    onTrackRatio, atRiskRatio)));
        }
        return years;
    }

    /** achieved = start − poor·100/h against required = start − goal, multiplied through by h. */
    static PlanTracking.Mark mark(BigDecimal startRate, BigDecimal goalRate, Actual a, BigDecimal onTrack, BigDecimal atRisk) {
        BigDecimal h = BigDecimal.valueOf(a.households());
        BigDecimal achieved = startRate.multiply(h).subtract(BigDecimal.valueOf(a.poor() * 100L)); // × h
        BigDecimal required = startRate.subtract(goalRate).multiply(h); // × h
        if (required.signum() <= 0) {
            return achieved.signum() >= 0 ? PlanTracking.Mark.ON_TRACK : PlanTracking.Mark.OFF_TRACK;
        }
        if (achieved.compareTo(required) >= 0 || achieved.compareTo(onTrack.multiply(required)) >= 0) {
            return PlanTracking.Mark.ON_TRACK;
        }
        if (achieved.compareTo(atRisk.multiply(required)) >= 0) {
            return PlanTracking.Mark.AT_RISK;
        }
        return PlanTracking.Mark.OFF_TRACK;
    }
}
