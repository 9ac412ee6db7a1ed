package vn.giamngheo.calendar;

/**
 * A date of the Vietnamese lunisolar calendar (âm lịch): lunar year (the solar year in which its first month
 * begins), month 1–12, day 1–30, and whether the month is the leap month (tháng nhuận).
 */
public record LunarDate(int year, int month, int day, boolean leapMonth) {

    public LunarDate {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("lunar month must be 1 to 12, was " + month);
        }
        if (day < 1 || day > 30) {
            throw new IllegalArgumentException("lunar day must be 1 to 30, was " + day);
        }
    }

    public static LunarDate of(int year, int month, int day) {
        return new LunarDate(year, month, day, false);
    }

    @Override
    public String toString() {
        return String.format("%02d/%02d%s/%d", day, month, leapMonth ? " nhuận" : "", year);
    }
}
