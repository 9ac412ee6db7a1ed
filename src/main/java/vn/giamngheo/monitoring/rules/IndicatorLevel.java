package vn.giamngheo.monitoring.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The lowest level whose periodic reports carry an indicator: {@code COMMUNE} (communes and every level above),
 * {@code PROVINCE} (the provinces' reports only), {@code NATIONAL} (no unit's report: computed or national only).
 */
public enum IndicatorLevel {
    NATIONAL, PROVINCE, COMMUNE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IndicatorLevel> ofCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equals(code)).findFirst();
    }

    /** Whether the report of a unit of {@code unitLevel} (province, district, commune) carries the indicator. */
    public boolean reportedAt(String unitLevel) {
        return switch (this) {
            case COMMUNE -> true;
            case PROVINCE -> "province".equals(unitLevel);
            case NATIONAL -> false;
        };
    }
}
