package vn.giamngheo.standard.rules;

import vn.giamngheo.exchange.Sex;

/**
 * The retirement age in a year under the Labour Code 2019 schedule (men 60y3m in 2021, +3 months a year up
 * to 62; women 55y4m in 2021, +4 months a year up to 60), read from the standard's parameters.
 * <p>
 * The classifier asks for every member of every household; five look-ups and parses of the parameters per member were
 * a tenth of a bulk import's classification (docs/benchmarks.md, lead, session of 2026-12-07 third). The parameters are
 * therefore parsed once per standard, with its other terms ({@link StandardTerms}): one cache for all of them. A
 * parameter that is missing or does not parse is asked again of the standard where a member needs it, which throws
 * the same exception as before.
 */
final class RetirementAge {

    private static final String REFORM_YEAR = "retirement_reform_year";

    private final PovertyStandard standard;
    private final Integer reformYear;
    /** By {@link Sex#ordinal()}: each null where the standard lacks it or it does not parse. */
    private final Integer[] before = new Integer[Sex.values().length];
    private final Integer[] base = new Integer[Sex.values().length];
    private final Integer[] step = new Integer[Sex.values().length];
    private final Integer[] max = new Integer[Sex.values().length];

    private RetirementAge(PovertyStandard standard) {
        this.standard = standard;
        this.reformYear = StandardTerms.parsed(standard, REFORM_YEAR, Parameter::asInt);
        for (Sex sex : Sex.values()) {
            Names names = Names.of(sex);
            int i = sex.ordinal();
            before[i] = StandardTerms.parsed(standard, names.before(), Parameter::asInt);
            base[i] = StandardTerms.parsed(standard, names.base(), Parameter::asInt);
            step[i] = StandardTerms.parsed(standard, names.step(), Parameter::asInt);
            max[i] = StandardTerms.parsed(standard, names.max(), Parameter::asInt);
        }
    }

    /** The standard's schedule, parsed (once per standard: {@link StandardTerms} keeps it). */
    static RetirementAge of(PovertyStandard standard) {
        return new RetirementAge(standard);
    }

    /** Retirement age in months for people of {@code sex} reaching it in {@code year}. */
    static int months(PovertyStandard standard, Sex sex, int year) {
        return StandardTerms.of(standard).retirement.months(sex, year);
    }

    /** Retirement age in months for people of {@code sex} reaching it in {@code year} under this schedule. */
    int months(Sex sex, int year) {
        int i = sex.ordinal();
        if (reformYear != null) {
            if (year < reformYear) {
                if (before[i] != null) {
                    return before[i];
                }
            } else if (base[i] != null && step[i] != null && max[i] != null) {
                return Math.min(max[i], base[i] + step[i] * (year - reformYear));
            }
        }
        return fromParameters(standard, sex, year); // a parameter missing or malformed: throws as it did
    }

    private static int fromParameters(PovertyStandard standard, Sex sex, int year) {
        Names names = Names.of(sex);
        int reformYear = standard.require(REFORM_YEAR).asInt();
        if (year < reformYear) {
            return standard.require(names.before()).asInt();
        }
        int base = standard.require(names.base()).asInt();
        int step = standard.require(names.step()).asInt();
        int max = standard.require(names.max()).asInt();
        return Math.min(max, base + step * (year - reformYear));
    }

    /** The parameters' names for each sex ({@code retirement_<sex code>_before_months}…). */
    private record Names(String before, String base, String step, String max) {
        static Names of(Sex sex) {
            String prefix = "retirement_" + sex.code() + "_";
            return new Names(prefix + "before_months", prefix + "base_months", prefix + "step_months",
                    prefix + "max_months");
        }
    }
}
