package vn.giamngheo.support.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a policy may require of a household's decided status on the date: poor, near-poor, average living
 * standard, or newly escaped from poverty / near-poverty within the policy's window.
 */
public enum Qualifier {
    POOR, NEAR_POOR, AVERAGE, ESCAPED_POOR, ESCAPED_NEAR_POOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean needsWindow() {
        return this == ESCAPED_POOR || this == ESCAPED_NEAR_POOR;
    }

    public static Optional<Qualifier> fromCode(String code) {
        return Arrays.stream(values()).filter(q -> q.code().equals(code)).findFirst();
    }
}
