package vn.giamngheo.calendar;

import java.time.LocalDate;

/**
 * Conversion between the Gregorian and the Vietnamese lunar calendar, after Hồ Ngọc Đức's published
 * astronomical algorithm ("Thuật toán tính âm lịch"): new moons and the sun's longitude from Meeus'
 * formulas, the month containing the winter solstice is month 11, a year with 13 months repeats the first
 * month without a major solar term. Computed in Vietnam's time zone, UTC+7 (which is why Tết sometimes
 * differs from the Chinese New Year, e.g. 1985 and 2007). Accurate for 1800–2199.
 */
public final class LunarCalendar {

    public static final int FIRST_YEAR = 1800;
    public static final int LAST_YEAR = 2199;

    private static final double TIME_ZONE = 7.0;
    private static final double DR = Math.PI / 180;
    /** Julian day number of 1970-01-01 (the epoch of {@link LocalDate#toEpochDay()}). */
    private static final long JD_OF_EPOCH = 2_440_588L;
    private static final double NEW_MOON_1900 = 2415021.076998695;
    private static final double SYNODIC_MONTH = 29.530588853;

    private LunarCalendar() {
    }

    /** The lunar date of a Gregorian date. */
    public static LunarDate toLunar(LocalDate date) {
        checkYear(date.getYear());
        long dayNumber = jd(date);
        long k = (long) Math.floor((dayNumber - NEW_MOON_1900) / SYNODIC_MONTH);
        long monthStart = newMoonDay(k + 1);
        if (monthStart > dayNumber) {
            monthStart = newMoonDay(k);
        }
        int yy = date.getYear();
        long a11 = lunarMonth11(yy);
        long b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = yy;
            a11 = lunarMonth11(yy - 1);
        } else {
            lunarYear = yy + 1;
            b11 = lunarMonth11(yy + 1);
        }
        int lunarDay = (int) (dayNumber - monthStart + 1);
        int diff = (int) Math.floor((monthStart - a11) / 29.0);
        boolean leap = false;
        int lunarMonth = diff + 11;
        if (b11 - a11 > 365) {
            int leapMonthDiff = leapMonthOffset(a11);
            if (diff >= leapMonthDiff) {
                lunarMonth = diff + 10;
                leap = diff == leapMonthDiff;
            }
        }
        if (lunarMonth > 12) {
            lunarMonth -= 12;
        }
        if (lunarMonth >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new LunarDate(lunarYear, lunarMonth, lunarDay, leap);
    }

    /**
     * The Gregorian date of a lunar date.
     *
     * @throws IllegalArgumentException when the leap month asked for does not exist that year, or day 30
     *         is asked of a 29-day month
     */
    public static LocalDate toSolar(LunarDate lunar) {
        checkYear(lunar.year());
        long a11;
        long b11;
        if (lunar.month() < 11) {
            a11 = lunarMonth11(lunar.year() - 1);
            b11 = lunarMonth11(lunar.year());
        } else {
            a11 = lunarMonth11(lunar.year());
            b11 = lunarMonth11(lunar.year() + 1);
        }
        long k = (long) Math.floor(0.5 + (a11 - NEW_MOON_1900) / SYNODIC_MONTH);
        int off = lunar.month() - 11;
        if (off < 0) {
            off += 12;
        }
        boolean thirteenMonths = b11 - a11 > 365;
        if (thirteenMonths) {
            int leapOff = leapMonthOffset(a11);
            int leapMonth = leapOff - 2;
            if (leapMonth < 0) {
                leapMonth += 12;
            }
            if (lunar.leapMonth() && lunar.month() != leapMonth) {
                throw new IllegalArgumentException("lunar year " + lunar.year() + " has no leap month " + lunar.month());
            }
            if (lunar.leapMonth() || off >= leapOff) {
                off += 1;
            }
        } else if (lunar.leapMonth()) {
            throw new IllegalArgumentException("lunar year " + lunar.year() + " has no leap month");
        }
        long monthStart = newMoonDay(k + off);
        long nextMonthStart = newMoonDay(k + off + 1);
        if (monthStart + lunar.day() - 1 >= nextMonthStart) {
            throw new IllegalArgumentException("lunar month " + lunar.month() + "/" + lunar.year() + " has only "
                    + (nextMonthStart - monthStart) + " days");
        }
        return LocalDate.ofEpochDay(monthStart + lunar.day() - 1 - JD_OF_EPOCH);
    }

    /** The first day of the lunar year that begins in the given solar year (mùng 1 Tết). */
    public static LocalDate newYear(int year) {
        return toSolar(LunarDate.of(year, 1, 1));
    }

    /** The leap month of a lunar year (1–12), or 0 when the year has twelve months. */
    public static int leapMonth(int lunarYear) {
        LocalDate end = newYear(lunarYear + 1);
        // day 15 + 30·n lies inside the n-th month for n ≤ 13, as months have 29 or 30 days
        for (LocalDate day = newYear(lunarYear).plusDays(14); day.isBefore(end); day = day.plusDays(30)) {
            LunarDate lunar = toLunar(day);
            if (lunar.leapMonth()) {
                return lunar.month();
            }
        }
        return 0;
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("lunar conversion supports " + FIRST_YEAR + "–" + LAST_YEAR + ", not " + year);
        }
    }

    private static long jd(LocalDate date) {
        return date.toEpochDay() + JD_OF_EPOCH;
    }

    /** Julian day number (local day at UTC+7) of the k-th new moon after 1 January 1900. */
    static long newMoonDay(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DR);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * DR) + 0.0021 * Math.sin(2 * DR * m);
        c1 = c1 - 0.4068 * Math.sin(mpr * DR) + 0.0161 * Math.sin(DR * 2 * mpr);
        c1 = c1 - 0.0004 * Math.sin(DR * 3 * mpr);
        c1 = c1 + 0.0104 * Math.sin(DR * 2 * f) - 0.0051 * Math.sin(DR * (m + mpr));
        c1 = c1 - 0.0074 * Math.sin(DR * (m - mpr)) + 0.0004 * Math.sin(DR * (2 * f + m));
        c1 = c1 - 0.0004 * Math.sin(DR * (2 * f - m)) - 0.0006 * Math.sin(DR * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.sin(DR * (2 * f - mpr)) + 0.0005 * Math.sin(DR * (2 * mpr + m));
        double deltaT;
        if (t < -11) {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
        }
        double jdNew = jd1 + c1 - deltaT;
        return (long) Math.floor(jdNew + 0.5 + TIME_ZONE / 24);
    }

    /** The sun's longitude at the start of a local day, as the index 0–11 of the 30° sector it lies in. */
    static int sunLongitudeSector(long dayNumber) {
        double t = (dayNumber - 2451545.5 - TIME_ZONE / 24) / 36525;
        double t2 = t * t;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(DR * m);
        dl += (0.019993 - 0.000101 * t) * Math.sin(DR * 2 * m) + 0.000290 * Math.sin(DR * 3 * m);
        double l = (l0 + dl) * DR;
        l = l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
        return (int) Math.floor(l / Math.PI * 6);
    }

    /** Julian day number of the first day of lunar month 11 (the month of the winter solstice) of a year. */
    private static long lunarMonth11(int year) {
        long off = jd(LocalDate.of(year, 12, 31)) - 2415021;
        long k = (long) Math.floor(off / SYNODIC_MONTH);
        long nm = newMoonDay(k);
        if (sunLongitudeSector(nm) >= 9) {
            nm = newMoonDay(k - 1);
        }
        return nm;
    }

    /** Position (counted from month 11) of the leap month in a 13-month year starting at a11. */
    private static int leapMonthOffset(long a11) {
        long k = (long) Math.floor((a11 - NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int arc = sunLongitudeSector(newMoonDay(k + i));
        int last;
        do {
            last = arc;
            i++;
            arc = sunLongitudeSector(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }
}
