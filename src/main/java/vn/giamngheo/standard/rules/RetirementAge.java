package vn.giamngheo.standard.rules;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import vn.giamngheo.exchange.Sex;

/**
 * The retirement age in a year under the Labour Code 2019 schedule (men 60y3m in 2021, +3 months a year up
 * to 62; women 55y4m in 2021, +4 months a year up to 60), read from the standard's parameters.
 */
final class RetirementAge {

    private RetirementAge() {
    }

    /** Retirement age in months for people of {@code sex} reaching it in {@code year}. */
    static int months(PovertyStandard standard, Sex sex, int year) {
        Last last = LAST[sex.ordinal()];
        if (last != null && last.standard() == standard && last.year() == year) {
            return last.months();
        }
        int months = fromParameters(standard, sex, year);
        LAST[sex.ordinal()] = new Last(standard, year, months);
        return months;
    }

    /**
     * The last answer for each sex: the classifier asks for every member of every household, nearly always with the
     * same standard and year, and five look-ups and parses of the parameters per member were a tenth of a bulk import's
     * classification (docs/benchmarks.md, lead, session of 2026-12-07 third). A standard is immutable
     * ({@link PovertyStandard} copies its parameters), so the same object gives the same answer; the slots hold immutable
     * records, so a thread that reads another's slot reads either a whole answer or none.
     */
    private record Last(PovertyStandard standard, int year, int months) {
    }

    private static final Last[] LAST = new Last[Sex.values().length];

    private static int fromParameters(PovertyStandard standard, Sex sex, int year) {
        Names names = NAMES.get(sex);
        int reformYear = standard.require(REFORM_YEAR).asInt();
        if (year < reformYear) {
            return standard.require(names.before()).asInt();
        }
        int base = standard.require(names.base()).asInt();
        int step = standard.require(names.step()).asInt();
        int max = standard.require(names.max()).asInt();
        return Math.min(max, base + step * (year - reformYear));
    }

    private static final String REFORM_YEAR = "retirement_reform_year";

    /**
     * The parameters' names for each sex ({@code retirement_<sex code>_before_months}…), made once: the classifier asks
     * for them for every member of every household, and a name built per call was hashed again per look-up
     * (docs/benchmarks.md, lead, session of 2026-12-07 second).
     */
    private record Names(String before, String base, String step, String max) {
        static Names of(Sex sex) {
            String prefix = "retirement_" + sex.code() + "_";
            return new Names(prefix + "before_months", prefix + "base_months", prefix + "step_months",
                    prefix + "max_months");
        }
    }

    private static final Map<Sex, Names> NAMES = Arrays.stream(Sex.values())
            .collect(Collectors.toUnmodifiableMap(s -> s, Names::of));
}
