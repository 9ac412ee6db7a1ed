package vn.giamngheo.plan;

import java.util.Locale;
import java.util.Set;

/**
 * The states of a commune's target: proposed (by the cascade or created), adjusted (changed by the commune
 * or by hand), approved (by the level above; locked), returned (sent back with a reason, to be adjusted).
 */
public enum PlanState {
    PROPOSED, ADJUSTED, APPROVED, RETURNED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PlanState of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Whether the targets may still be changed. */
    public boolean editable() {
        return this != APPROVED;
    }

    /** Whether the level above may approve or return it. */
    public boolean decidable() {
        return Set.of(PROPOSED, ADJUSTED).contains(this);
    }
}
