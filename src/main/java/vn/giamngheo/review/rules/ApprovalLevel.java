package vn.giamngheo.review.rules;

import java.util.Locale;

/** The level that approves a commune's result: the district (until 30 June 2025) and the province. */
public enum ApprovalLevel {
    DISTRICT, PROVINCE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApprovalLevel of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The round's approval state while this level has to act. */
    public String awaitingState() {
        return "awaiting_" + code();
    }
}
