package vn.giamngheo.standard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.giamngheo.standard.rules.IndicatorPolicies;
import vn.giamngheo.standard.rules.Parameter;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.exchange.Area;

/**
 * What a new parameter value must look like: the same kind of value as the one it replaces (a whole number
 * for a whole number, yes/no, a date, a list of codes, a known indicator), and a standard that still holds
 * together (a deprivation threshold no larger than its indicators, an income line not above its upper line).
 */
final class ParameterRules {

    /** Parameters kept by the system: the version number and where a standard came from. */
    static final Set<String> SYSTEM_PARAMETERS = Set.of("version", "derived_from");
    /** Parameters a derived standard takes from its own fields (validity and legal basis), not from overrides. */
    static final Set<String> DERIVE_FIELDS = Set.of("valid_from", "valid_to", "title");
    static final Set<String> RULE_SHAPES = Set.of(PovertyStandard.TWO_PATH, PovertyStandard.INCOME_GATE);

    private static final Pattern WHOLE = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
    private static final Pattern NON_NEGATIVE_WHOLE = Pattern.compile("\\d{1,15}");
    private static final Pattern NON_NEGATIVE_DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,6})?");
    private static final Pattern CODE = Pattern.compile("[a-z0-9_]+");
    private static final int MAX_TEXT = 2000;

    private ParameterRules() {
    }

    /** Parameters a user may change in {@code standard}, by name. */
    static List<String> changeable(PovertyStandard standard) {
        return standard.allParameters().stream().map(Parameter::name)
                .filter(n -> !SYSTEM_PARAMETERS.contains(n)).toList();
    }

    /** Parameters a derived standard may override, by name. */
    static List<String> overridable(PovertyStandard standard) {
        return changeable(standard).stream().filter(n -> !DERIVE_FIELDS.contains(n)).toList();
    }

    /** The problem with {@code value} as the new value of {@code current}, if any. */
    static Optional<StandardProblem> check(String field, Parameter current, String value) {
        if (value == null || value.isBlank()) {
            return problem(field, "standard.problem.value-required", current.name());
        }
        String v = value.trim();
        if (v.length() > MAX_TEXT) {
            return problem(field, "standard.problem.value-too-long", current.name(), MAX_TEXT);
        }
        String old = current.value().trim();
        if ("yes/no".equals(current.unit()) || old.equals("yes") || old.equals("no")) {
            return v.equals("yes") || v.equals("no") ? Optional.empty()
                    : problem(field, "standard.problem.not-yes-no", current.name(), v);
        }
        if ("date".equals(current.unit())) {
            try {
                LocalDate.parse(v);
                return Optional.empty();
            } catch (DateTimeParseException e) {
                return problem(field, "standard.problem.not-a-date", current.name(), v);
            }
        }
        if ("rule_shape".equals(current.name())) {
            return RULE_SHAPES.contains(v) ? Optional.empty()
                    : problem(field, "standard.problem.unknown-rule-shape", v);
        }
        if ("indicators".equals(current.name())) {
            return checkIndicators(field, v);
        }
        if (WHOLE.matcher(old).matches()) {
            return NON_NEGATIVE_WHOLE.matcher(v).matches() ? Optional.empty()
                    : problem(field, "standard.problem.not-a-whole-number", current.name(), v);
        }
        if (DECIMAL.matcher(old).matches()) {
            return NON_NEGATIVE_DECIMAL.matcher(v).matches() ? Optional.empty()
                    : problem(field, "standard.problem.not-a-number", current.name(), v);
        }
        if ("list".equals(current.unit())) {
            for (String item : v.split(";")) {
                if (!CODE.matcher(item.trim()).matches()) {
                    return problem(field, "standard.problem.not-a-code-list", current.name(), item.trim());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<StandardProblem> checkIndicators(String field, String value) {
        Set<String> seen = new HashSet<>();
        for (String item : value.split(";")) {
            String indicator = item.trim();
            if (IndicatorPolicies.policyFor(indicator).isEmpty()) {
                return problem(field, "standard.problem.unknown-indicator", indicator);
            }
            if (!seen.add(indicator)) {
                return problem(field, "standard.problem.duplicate-indicator", indicator);
            }
        }
        return Optional.empty();
    }

    /** Problems of a whole standard after a change: rules that tie its parameters together. */
    static List<StandardProblem> checkConsistency(PovertyStandard standard) {
        List<StandardProblem> problems = new ArrayList<>();
        try {
            int threshold = standard.deprivationThreshold();
            int indicators = standard.indicators().size();
            if (threshold < 1 || threshold > indicators) {
                problems.add(StandardProblem.of("deprivation_threshold", "standard.problem.threshold-out-of-range",
                        threshold, indicators));
            }
            for (String indicator : standard.indicators()) {
                if (standard.parameter("dimension." + indicator).isEmpty()) {
                    problems.add(StandardProblem.of("indicators", "standard.problem.indicator-without-dimension",
                            indicator));
                }
            }
            for (Area area : Area.values()) {
                long line = standard.incomeLine(area);
                Optional<Long> upper = standard.upperLine(area);
                if (upper.isPresent() && upper.get() < line) {
                    problems.add(StandardProblem.of("income_line_" + area.code(),
                            "standard.problem.line-above-upper", line, upper.get()));
                }
            }
        } catch (RuntimeException e) {
            problems.add(StandardProblem.of("parameters", "standard.problem.incomplete", e.getMessage()));
        }
        return problems;
    }

    private static Optional<StandardProblem> problem(String field, String key, Object... args) {
        return Optional.of(StandardProblem.of(field, key, args));
    }
}
