package vn.giamngheo.standard.rules;

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
        String prefix = "retirement_" + sex.code() + "_";
        int reformYear = standard.require("retirement_reform_year").asInt();
        if (year < reformYear) {
            return standard.require(prefix + "before_months").asInt();
        }
        int base = standard.require(prefix + "base_months").asInt();
        int step = standard.require(prefix + "step_months").asInt();
        int max = standard.require(prefix + "max_months").asInt();
        return Math.min(max, base + step * (year - reformYear));
    }
}
