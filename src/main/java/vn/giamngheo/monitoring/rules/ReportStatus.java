package vn.giamngheo.monitoring.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a periodic report stands: being filled, sent up, sent back with a reason, or approved and locked. */
public enum ReportStatus {
    DRAFT, SUBMITTED, RETURNED, APPROVED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Sent to the level above at least once and not sent back since. */
    public boolean sent() {
        return this == SUBMITTED || this == APPROVED;
    }

    public static Optional<ReportStatus> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
