package vn.giamngheo.monitoring.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A validation rule (DHIS2's shape): {@code left operator right} over indicator values, with its importance and
 * how missing values count.
 */
public record ValidationRule(String code, RuleExpression left, RuleOperator operator, RuleExpression right,
                             RuleImportance importance, RuleExpression.MissingValue missingValue) {

    /** Both sides evaluated and whether the rule holds. */
    public record Outcome(BigDecimal left, BigDecimal right, boolean holds) {
    }

    /** The outcome over the values by indicator code; empty when a side has no value (skipped). */
    public Optional<Outcome> check(Map<String, BigDecimal> values) {
        Optional<BigDecimal> l = left.evaluate(values, missingValue);
        Optional<BigDecimal> r = right.evaluate(values, missingValue);
        if (l.isEmpty() || r.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(l.get(), r.get(), operator.holds(l.get(), r.get())));
    }

    /** Whether the rule applies to a report of a kind, given the rule's (or indicator's) period type. */
    public static boolean applies(ReportKind periodType, ReportKind reportKind) {
        return switch (periodType) {
            case QUARTER -> true;
            case HALF_YEAR -> reportKind == ReportKind.HALF_YEAR || reportKind == ReportKind.YEAR;
            case NINE_MONTHS -> reportKind == ReportKind.NINE_MONTHS || reportKind == ReportKind.YEAR;
            case YEAR -> reportKind == ReportKind.YEAR;
        };
    }
}
