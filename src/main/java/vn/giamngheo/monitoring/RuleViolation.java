package vn.giamngheo.monitoring;

import java.math.BigDecimal;

/**
 * A validation rule that does not hold for a unit's values: the rule, its names, its importance ({@code high}
 * blocks saving an entry), both sides' values and the operator between them.
 */
public record RuleViolation(String ruleCode, String nameVi, String nameEn, String importance, BigDecimal left,
                            String operator, BigDecimal right) {

    /** Whether the violation refuses the entry (importance high). */
    public boolean blocking() {
        return vn.giamngheo.monitoring.rules.RuleImportance.ofCode(importance).map(vn.giamngheo.monitoring.rules.RuleImportance::blocking).orElse(false);
    }
}
