package vn.giamngheo.calendar;

import java.util.Arrays;

/** What a dated entry of the holiday calendar does; {@link #code()} is the value stored in the database. */
public enum HolidayKind {
    /** A public holiday (ngày nghỉ lễ, tết). */
    HOLIDAY("holiday"),
    /** A day off in place of a holiday that fell on a weekend (ngày nghỉ bù). */
    COMPENSATORY("compensatory"),
    /** A day declared a working day, usually a Saturday worked in exchange for a bridge day (làm bù). */
    WORKING_WEEKEND("working_weekend");

    private final String code;

    HolidayKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean dayOff() {
        return this != WORKING_WEEKEND;
    }

    public static HolidayKind fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown holiday kind: " + code));
    }
}
