package vn.giamngheo.movement.rules;

import java.util.Locale;

/** The status a decision recognised for a household (the values of {@code household_status.status}). */
public enum DecidedStatus {
    POOR, NEAR_POOR, AVERAGE, NOT_POOR;

    /** {@code poor}, {@code near_poor}, {@code average}, {@code not_poor}; {@code null} stays {@code null}. */
    public static DecidedStatus ofCode(String code) {
        return code == null ? null : valueOf(code.strip().toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
