package vn.giamngheo.analysis;

import java.util.Locale;
import vn.giamngheo.status.rules.PovertyStatus;

/** What a standard makes of a household: one of the four statuses, or unclassifiable for want of a fact. */
enum Outcome {
    POOR, NEAR_POOR, AVERAGE, NOT_POOR, UNCLASSIFIABLE;

    static Outcome of(PovertyStatus status) {
        return valueOf(status.name());
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Vietnamese label used in exported files. */
    String vietnamese() {
        return switch (this) {
            case POOR -> "Hộ nghèo";
            case NEAR_POOR -> "Hộ cận nghèo";
            case AVERAGE -> "Hộ có mức sống trung bình";
            case NOT_POOR -> "Không nghèo";
            case UNCLASSIFIABLE -> "Chưa phân loại được (thiếu thông tin)";
        };
    }
}
