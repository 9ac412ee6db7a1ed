package vn.giamngheo.monitoring.rules;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which way an indicator should move: up (share insured) or down (poor rate). */
public enum Direction {
    INCREASE, DECREASE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Direction> ofCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code().equals(code)).findFirst();
    }

    /** A target is met when the result reaches it: at least the target going up, at most going down. */
    public boolean met(BigDecimal result, BigDecimal target) {
        int c = result.compareTo(target);
        return this == INCREASE ? c >= 0 : c <= 0;
    }
}
