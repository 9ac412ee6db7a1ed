package vn.giamngheo.standard.rules;

import java.util.Locale;

/** Result of the classification: hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình, or none of these. */
public enum Status {
    POOR, NEAR_POOR, AVERAGE, NOT_POOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
