package vn.giamngheo.support.rules;

import java.util.Locale;

/** A status on a decided list (household_status.status). */
public enum ListStatus {
    POOR, NEAR_POOR, AVERAGE, NOT_POOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ListStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
