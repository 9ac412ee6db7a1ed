package vn.giamngheo.movement.rules;

import vn.giamngheo.status.rules.PovertyStatus;

/** The two lists whose movements are reconciled: poor (hộ nghèo) and near-poor (hộ cận nghèo). */
public enum DecidedList {
    POOR(PovertyStatus.POOR), NEAR_POOR(PovertyStatus.NEAR_POOR);

    private final PovertyStatus status;

    DecidedList(PovertyStatus status) {
        this.status = status;
    }

    /** Whether a household of this status is on this list ({@code null}: on no list). */
    public boolean holds(PovertyStatus s) {
        return s == status;
    }

    public String code() {
        return status.code();
    }
}
