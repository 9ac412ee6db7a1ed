package vn.giamngheo.plan.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The numeric columns of the plan target table (exchange-format §4). */
public enum PlanColumn {
    HOUSEHOLDS(null, true),
    POOR(null, true),
    POOR_RATE(POOR, true),
    REDUCTION(null, true),
    REDUCTION_RATE(REDUCTION, true),
    POOR_END(null, true),
    POOR_END_RATE(POOR_END, true),
    POOR_POLICY(null, false),
    POOR_POLICY_RATE(POOR_POLICY, false),
    POOR_SOCIAL_PROTECTION(null, false),
    POOR_SOCIAL_PROTECTION_RATE(POOR_SOCIAL_PROTECTION, false);

    /** The column holding the unit's name. */
    public static final String UNIT = "unit";

    private final PlanColumn countOfRate;
    private final boolean required;

    PlanColumn(PlanColumn countOfRate, boolean required) {
        this.countOfRate = countOfRate;
        this.required = required;
    }

    /** The header name, e.g. {@code poor_end_rate}. */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isRate() {
        return countOfRate != null;
    }

    /** For a rate column, the count it is a percentage of (of households). */
    public PlanColumn count() {
        return countOfRate;
    }

    public boolean isRequired() {
        return required;
    }

    public static List<String> requiredHeaders() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(UNIT),
                Arrays.stream(values()).filter(PlanColumn::isRequired).map(PlanColumn::header)).toList();
    }
}
