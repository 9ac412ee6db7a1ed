package vn.giamngheo.plan;

import java.math.BigDecimal;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * A per-dimension coverage target of a plan: {@code targetShare} % of the group's households (poor, near_poor or
 * poor_near_poor) NOT deprived on the indicator (kind {@code indicator}) or on any indicator of the dimension
 * (kind {@code dimension}) of the plan year's standard, by the end of the year; or (kind {@code people}) {@code targetShare}
 * % of the members of the group's households for whom a person-level indicator holds, of its base (vn.giamngheo.people:
 * trained workers of those of working age, children in school of those of school age, insured of all members…).
 * Or an amount {@code targetAmount} to reach in the plan's year (kinds {@code labour_departed}: workers departed to work
 * abroad; {@code credit_disbursed}: policy loans disbursed, million đồng); its {@code targetShare} is then 100.
 */
public record CoverageTarget(long id, long planId, String code, String kind, String group, BigDecimal targetShare, String note,
                             BigDecimal targetAmount) {

    /** A target measured as a share (no amount). */
    public CoverageTarget(long id, long planId, String code, String kind, String group, BigDecimal targetShare, String note) {
        this(id, planId, code, kind, group, targetShare, note, null);
    }

    /** Whether the target is an amount (kinds {@code labour_departed}, {@code credit_disbursed}): actual / target. */
    public boolean amount() {
        return targetAmount != null;
    }

    public static final java.util.List<String> GROUPS = java.util.List.of(PovertyStatus.POOR.code(),
            PovertyStatus.NEAR_POOR.code(), "poor_near_poor");

    /** The decided statuses the group counts (database words). */
    public java.util.List<String> statuses() {
        if (PovertyStatus.POOR.is(group) || PovertyStatus.NEAR_POOR.is(group)) {
            return java.util.List.of(group);
        }
        return PovertyStatus.listedCodes();
    }
}
