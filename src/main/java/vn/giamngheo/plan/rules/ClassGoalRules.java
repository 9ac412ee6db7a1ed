package vn.giamngheo.plan.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rules of the goals set for area classes and of the programme's goals (issue 23 point 3), compared exactly
 * (poor × 100 against a rate × households, never after rounding):
 * <ul>
 * <li><b>A fall in a year</b> ("each poor commune −3 points a year", "the rate falls 1–1.5 points a year"): the rate
 * at the end of the year before against the rate at the end of the year, both counted on the same map. Met when the
 * fall is at least the points asked for; not yet measurable when either year has no households (not ended, no
 * decided lists, the unit empty).</li>
 * <li><b>A ceiling by a year</b> ("below 10 % by 2030"): the trajectory falls in a straight line from the rate of the
 * base year to the ceiling in the target year; a year is met when its rate is at or below the trajectory, the
 * target year (and any later one) only when the rate is strictly below the ceiling, exactly; a year before it compares
 * the rate rounded to two decimals, as shown, with the trajectory's two decimals.</li>
 * <li><b>Out of the class by a year</b> ("poor communes out of poverty by 2030"): the number of holders falls in a
 * straight line (rounded down) from the base year's to none in the target year; met when the count is at or below it.</li>
 * </ul>
 */
public final class ClassGoalRules {

    /** What a check found. */
    public enum Outcome {
        MET, NOT_MET, NOT_MEASURABLE;

        /** The message key of its word. */
        public String messageKey() {
            return "plan.class-goal.outcome." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Poor and households at the end of a year; null when the year has no figures. */
    public record Counts(long poor, long households) {
        public Counts {
            if (poor < 0 || households <= 0 || poor > households) {
                throw new IllegalArgumentException("need 0 <= poor <= households > 0, got " + poor + " of " + households);
            }
        }

        /** The rate in percent, rounded to two decimals (for display only: checks compare exactly). */
        public BigDecimal rate() {
            return BigDecimal.valueOf(poor * 100L).divide(BigDecimal.valueOf(households), 2, RoundingMode.HALF_UP);
        }

        /** Poor × 100 / households exactly enough for comparisons (12 decimals). */
        BigDecimal exact() {
            return BigDecimal.valueOf(poor * 100L).divide(BigDecimal.valueOf(households), 12, RoundingMode.HALF_EVEN);
        }

        /** Null-safe constructor: null when either count is null or there are no households. */
        public static Counts of(Long poor, Long households) {
            return poor == null || households == null || households == 0 ? null : new Counts(poor, households);
        }
    }

    /** A year's fall: the rates before and after (null when unknown), the fall in points (rounded), the outcome. */
    public record Fall(BigDecimal before, BigDecimal after, BigDecimal points, Outcome outcome) {
    }

    /** A year's ceiling check: the rate the trajectory allows, the actual rate, the outcome. */
    public record Ceiling(BigDecimal allowed, BigDecimal actual, Outcome outcome) {
    }

    private ClassGoalRules() {
    }

    /** The fall from {@code before} (end of the year before) to {@code after} (end of the year) against the points asked for. */
    public static Fall fall(Counts before, Counts after, BigDecimal pointsRequired) {
        if (pointsRequired == null || pointsRequired.signum() <= 0) {
            throw new IllegalArgumentException("the points asked for must be positive, got " + pointsRequired);
        }
        if (before == null || after == null) {
            return new Fall(before == null ? null : before.rate(), after == null ? null : after.rate(), null,
                    Outcome.NOT_MEASURABLE);
        }
        BigDecimal fall = before.exact().subtract(after.exact());
        // exact: (pb·100·ha − pa·100·hb) ≥ points · hb · ha
        BigDecimal lhs = BigDecimal.valueOf(before.poor() * 100L).multiply(BigDecimal.valueOf(after.households()))
                .subtract(BigDecimal.valueOf(after.poor() * 100L).multiply(BigDecimal.valueOf(before.households())));
        BigDecimal rhs = pointsRequired.multiply(BigDecimal.valueOf(before.households()))
                .multiply(BigDecimal.valueOf(after.households()));
        return new Fall(before.rate(), after.rate(), fall.setScale(2, RoundingMode.HALF_UP),
                lhs.compareTo(rhs) >= 0 ? Outcome.MET : Outcome.NOT_MET);
    }

    /**
     * The rate a ceiling goal allows at the end of {@code year}: the base rate in the base year and before, the
     * ceiling from the target year on, a straight line between (two decimals, rounded down so as never to ask less).
     */
    public static BigDecimal allowed(int baseYear, BigDecimal baseRate, int targetYear, BigDecimal ceiling, int year) {
        if (targetYear <= baseYear) {
            throw new IllegalArgumentException("the target year " + targetYear + " must come after the base year " + baseYear);
        }
        if (year <= baseYear) {
            return baseRate;
        }
        if (year >= targetYear || baseRate.compareTo(ceiling) <= 0) {
            return ceiling;
        }
        BigDecimal step = baseRate.subtract(ceiling).multiply(BigDecimal.valueOf(year - baseYear))
                .divide(BigDecimal.valueOf(targetYear - baseYear), 12, RoundingMode.HALF_EVEN);
        return baseRate.subtract(step).setScale(2, RoundingMode.DOWN);
    }

    /**
     * The ceiling check of a year against the trajectory from {@code baseRate} (the base year's rate, two decimals):
     * {@code baseRate} null (no figures in the base year) checks the ceiling alone from the target year on; no actual
     * figures is not yet measurable.
     */
    public static Ceiling ceiling(int baseYear, BigDecimal baseRate, int targetYear, BigDecimal ceiling, int year, Counts actual) {
        if (ceiling == null || ceiling.signum() < 0 || ceiling.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a ceiling is a rate from 0 to 100, got " + ceiling);
        }
        BigDecimal allowed = baseRate == null ? (year >= targetYear ? ceiling : null)
                : allowed(baseYear, baseRate, targetYear, ceiling, year);
        if (actual == null || allowed == null) {
            return new Ceiling(allowed, actual == null ? null : actual.rate(), Outcome.NOT_MEASURABLE);
        }
        // the target year exactly (strictly below the ceiling); a year before it as the reader sees it: the rate
        // rounded to two decimals against the trajectory's two decimals (the base year is its own trajectory)
        boolean met = year >= targetYear
                ? BigDecimal.valueOf(actual.poor() * 100L).compareTo(allowed.multiply(BigDecimal.valueOf(actual.households()))) < 0
                : actual.rate().compareTo(allowed) <= 0;
        return new Ceiling(allowed, actual.rate(), met ? Outcome.MET : Outcome.NOT_MET);
    }

    /** The most holders a class may have at the end of {@code year} to leave the class by the target year. */
    public static long exitAllowed(int baseYear, long baseHolders, int targetYear, int year) {
        if (targetYear <= baseYear) {
            throw new IllegalArgumentException("the target year " + targetYear + " must come after the base year " + baseYear);
        }
        if (year <= baseYear) {
            return baseHolders;
        }
        if (year >= targetYear) {
            return 0;
        }
        return baseHolders * (targetYear - year) / (targetYear - baseYear);
    }

    /** The exit check of a year: {@code holders} null (the year not ended) is not yet measurable. */
    public static Outcome exit(int baseYear, Long baseHolders, int targetYear, int year, Long holders) {
        if (holders == null || baseHolders == null) {
            return Outcome.NOT_MEASURABLE;
        }
        return holders <= exitAllowed(baseYear, baseHolders, targetYear, year) ? Outcome.MET : Outcome.NOT_MET;
    }

    /** "k of n on track": the units whose fall is met among the units holding the class, and the measurable ones. */
    public record Tally(int met, int notMet, int notMeasurable) {
        public int holders() {
            return met + notMet + notMeasurable;
        }

        /** Met when every holder is measured and met; not measurable when none is measured. */
        public Outcome outcome() {
            if (met + notMet == 0) {
                return Outcome.NOT_MEASURABLE;
            }
            return notMet == 0 && notMeasurable == 0 ? Outcome.MET : notMet > 0 ? Outcome.NOT_MET : Outcome.NOT_MEASURABLE;
        }

        public static Tally of(java.util.Collection<Outcome> outcomes) {
            int m = 0;
            int n = 0;
            int u = 0;
            for (Outcome o : outcomes) {
                switch (o) {
                    case MET -> m++;
                    case NOT_MET -> n++;
                    case NOT_MEASURABLE -> u++;
                }
            }
            return new Tally(m, n, u);
        }
    }
}
