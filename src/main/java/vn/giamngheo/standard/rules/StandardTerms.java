package vn.giamngheo.standard.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import vn.giamngheo.exchange.Area;

/**
 * The terms of one standard that {@link PovertyClassifier} reads for every household — its indicators' rules, the
 * threshold, the rule shape, the lines and bands of each area, its title and version, the retirement ages ({@link
 * RetirementAge}) — looked up by name and parsed once per standard instead of once per household. At 1,000,000
 * households the look-ups of the parameters by name were a fifth of the classifier's time in the bulk import
 * (docs/benchmarks.md, lead, session of 2026-12-07 sixth).
 * <p>
 * What a standard lacks, or holds in a form that does not parse, is left empty here: the classifier then asks the
 * standard itself at the same point as before, which throws the same exception, so a household that does not need the
 * term is classified as before. A standard is immutable ({@link PovertyStandard} copies its parameters), so the terms
 * of the same object never change; the last few are kept by identity, each an immutable object published whole.
 */
final class StandardTerms {

    /** The indicators' rules in the standard's order; empty when one is missing (the classifier then says which). */
    final Optional<List<IndicatorPolicy>> policies;
    final Integer threshold;
    final String ruleShape;
    final Integer workingAgeMin;
    final String title;
    final String version;
    /** The retirement ages' schedule (members' working age and dependants). */
    final RetirementAge retirement;
    private final Long[] incomeLines = new Long[Area.values().length];
    /** Empty where the standard has no upper line (income-gate standards), null where it does not parse. */
    @SuppressWarnings("unchecked")
    private final Optional<Long>[] upperLines = new Optional[Area.values().length];
    private final BigDecimal[] b1Thresholds = new BigDecimal[Area.values().length];
    private final Long[] averageLower = new Long[Area.values().length];
    private final Long[] averageUpper = new Long[Area.values().length];
    private final Message[] areaNames = new Message[Area.values().length];
    private final PovertyStandard standard;

    private StandardTerms(PovertyStandard standard) {
        this.standard = standard;
        this.policies = policies(standard);
        this.threshold = parsed(standard, "deprivation_threshold", Parameter::asInt);
        this.ruleShape = standard.parameter("rule_shape").map(Parameter::value).orElse(null);
        this.workingAgeMin = parsed(standard, "working_age_min", Parameter::asInt);
        this.title = standard.parameter("title").map(Parameter::value).orElse(standard.code());
        this.version = standard.version();
        this.retirement = RetirementAge.of(standard);
        for (Area area : Area.values()) {
            int i = area.ordinal();
            incomeLines[i] = parsed(standard, "income_line_" + area.code(), Parameter::asLong);
            String upperName = "upper_line_" + area.code();
            Long upper = parsed(standard, upperName, Parameter::asLong);
            upperLines[i] = upper != null ? Optional.of(upper)
                    : standard.parameter(upperName).isEmpty() ? Optional.empty() : null;
            b1Thresholds[i] = parsed(standard, "b1_threshold_" + area.code(), Parameter::asDecimal);
            averageLower[i] = parsed(standard, "average_lower_" + area.code(), Parameter::asLong);
            averageUpper[i] = parsed(standard, "average_upper_" + area.code(), Parameter::asLong);
            areaNames[i] = Message.of("classification.area." + area.code());
        }
    }

    /** The standard's income line for the area, as {@link PovertyStandard#incomeLine} gives it. */
    long incomeLine(Area area) {
        Long line = incomeLines[area.ordinal()];
        return line != null ? line : standard.incomeLine(area);
    }

    /** The upper line of the area, as {@link PovertyStandard#upperLine} gives it. */
    Optional<Long> upperLine(Area area) {
        Optional<Long> line = upperLines[area.ordinal()];
        return line != null ? line : standard.upperLine(area);
    }

    /** The B1 score's threshold of the area ({@code b1_threshold_<area>}, required). */
    BigDecimal b1Threshold(Area area) {
        BigDecimal threshold = b1Thresholds[area.ordinal()];
        return threshold != null ? threshold : standard.require("b1_threshold_" + area.code()).asDecimal();
    }

    /** The average band's bounds of the area, each null when the standard has none. */
    Long averageLower(Area area) {
        return averageLower[area.ordinal()];
    }

    Long averageUpper(Area area) {
        return averageUpper[area.ordinal()];
    }

    Message areaName(Area area) {
        return areaNames[area.ordinal()];
    }

    private static Optional<List<IndicatorPolicy>> policies(PovertyStandard standard) {
        Optional<Parameter> indicators = standard.parameter("indicators");
        if (indicators.isEmpty()) {
            return Optional.empty();
        }
        List<IndicatorPolicy> list = new ArrayList<>();
        for (String indicator : indicators.get().asList()) {
            Optional<IndicatorPolicy> policy = IndicatorPolicies.policyFor(indicator);
            if (policy.isEmpty()) {
                return Optional.empty();
            }
            list.add(policy.get());
        }
        return Optional.of(List.copyOf(list));
    }

    /** The parameter parsed, or null where the standard lacks it or it does not parse. */
    static <T> T parsed(PovertyStandard standard, String name, Function<Parameter, T> parse) {
        Optional<Parameter> parameter = standard.parameter(name);
        if (parameter.isEmpty()) {
            return null;
        }
        try {
            return parse.apply(parameter.get());
        } catch (RuntimeException e) {
            return null; // asked again, and thrown, where the classifier needs it
        }
    }

    /** The terms of the standard: made once for each of the last few standards classified under. */
    static StandardTerms of(PovertyStandard standard) {
        int slot = System.identityHashCode(standard) & (SLOTS.length - 1);
        StandardTerms terms = SLOTS[slot];
        if (terms == null || terms.standard != standard) {
            terms = new StandardTerms(standard);
            SLOTS[slot] = terms;
        }
        return terms;
    }

    private static final StandardTerms[] SLOTS = new StandardTerms[16];
}
