package vn.giamngheo.plan;

import java.math.BigDecimal;

/**
 * A per-dimension coverage target of a plan: {@code targetShare} % of the group's households (poor, near_poor or
 * poor_near_poor) NOT deprived on the indicator (kind {@code indicator}) or on any indicator of the dimension
 * (kind {@code dimension}) of the plan year's standard, by the end of the year.
 */
public record CoverageTarget(long id, long planId, String code, String kind, String group, BigDecimal targetShare, String note) {

    public static final java.util.List<String> GROUPS = java.util.List.of("poor", "near_poor", "poor_near_poor");

    /** The statuses of household_status the group counts. */
    public java.util.List<String> statuses() {
        return switch (group) {
            case "poor" -> java.util.List.of("poor");
            case "near_poor" -> java.util.List.of("near_poor");
            default -> java.util.List.of("poor", "near_poor");
        };
    }
}
