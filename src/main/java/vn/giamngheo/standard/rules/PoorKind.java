package vn.giamngheo.standard.rules;

import java.util.Locale;

/** Decision 59 only: poor by income (≤ line) or by deprivations (in the band above the line). */
public enum PoorKind {
    INCOME_POOR, DEPRIVATION_POOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
