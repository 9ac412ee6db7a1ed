package vn.giamngheo.movement.rules;

/** The two lists whose movements are reconciled: poor (hộ nghèo) and near-poor (hộ cận nghèo). */
public enum DecidedList {
    POOR(DecidedStatus.POOR), NEAR_POOR(DecidedStatus.NEAR_POOR);

    private final DecidedStatus status;

    DecidedList(DecidedStatus status) {
        this.status = status;
    }

    /** Whether a household of this status is on this list ({@code null}: on no list). */
    public boolean holds(DecidedStatus s) {
        return s == status;
    }

    public String code() {
        return status.code();
    }
}
