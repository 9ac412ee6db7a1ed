package vn.giamngheo.setting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import vn.giamngheo.calendar.Holiday;
import vn.giamngheo.calendar.HolidayKind;
import vn.giamngheo.calendar.HolidayRules;
import vn.giamngheo.calendar.WorkingCalendar;
import vn.giamngheo.security.CurrentUser;

/**
 * The working calendar of public offices: the statutory holidays of {@link HolidayRules} for
 * {@value #FIRST_YEAR}–{@value #LAST_YEAR} combined with the days the government announced (table
 * {@code public_holiday}); a declared working day wins over a statutory day off. The calendar is built once
 * and rebuilt after every change made through this class (one application instance; a change made directly
 * in the database shows after a restart). Beyond these years only weekends are days off.
 */
@Service
public class PublicHolidays {

    public static final int FIRST_YEAR = 2015;
    public static final int LAST_YEAR = 2035;

    private final JdbcClient jdbc;
    private WorkingCalendar cache;

    PublicHolidays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The working calendar with every statutory and announced day. */
    public synchronized WorkingCalendar calendar() {
        if (cache == null) {
            cache = HolidayRules.calendar(FIRST_YEAR, LAST_YEAR, announced());
        }
        return cache;
    }

    /** Statutory and announced days of a year, by date (statutory first on the same date). */
    public List<HolidayEntry> forYear(int year) {
        checkYear(year);
        List<HolidayEntry> entries = new ArrayList<>();
        for (Holiday h : HolidayRules.forYear(year)) {
            entries.add(new HolidayEntry(h.date(), h.date().getDayOfWeek(), h.nameVi(), h.nameEn(), h.kind().code(),
                    h.source(), h.confidence(), false, null));
        }
        entries.addAll(jdbc.sql("""
                        SELECT holiday_date, name_vi, name_en, kind, source, created_by FROM public_holiday
                        WHERE holiday_date BETWEEN :from AND :to""")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> {
                    LocalDate date = rs.getObject("holiday_date", LocalDate.class);
                    return new HolidayEntry(date, date.getDayOfWeek(), rs.getString("name_vi"), rs.getString("name_en"),
                            rs.getString("kind"), rs.getString("source"), "S", true, rs.getString("created_by"));
                }).list());
        entries.sort(Comparator.comparing(HolidayEntry::date).thenComparing(HolidayEntry::announced));
        return entries;
    }

    /** The announced days of every year. */
    public List<Holiday> announced() {
        return jdbc.sql("SELECT holiday_date, name_vi, name_en, kind, source FROM public_holiday ORDER BY holiday_date")
                .query((rs, n) -> new Holiday(rs.getObject("holiday_date", LocalDate.class), rs.getString("name_vi"),
                        rs.getString("name_en"), HolidayKind.fromCode(rs.getString("kind")), rs.getString("source"), "S"))
                .list();
    }

    /**
     * Stores a day the government announced.
     *
     * @throws AccessDeniedException when the user is not an administrator
     * @throws InvalidSettingException with every problem (missing name or source, a year outside the
     *         calendar, a day already announced, a day off that is already one, a working day that already is)
     */
    public void add(LocalDate date, String nameVi, String nameEn, String kindCode, String source, CurrentUser user) {
        requireAdmin(user);
        List<SettingProblem> problems = new ArrayList<>();
        HolidayKind kind = null;
        try {
            kind = HolidayKind.fromCode(kindCode == null ? "" : kindCode);
        } catch (IllegalArgumentException e) {
            problems.add(SettingProblem.of("kind", "setting.holiday.error.kind", "kind must be holiday, compensatory or working_weekend"));
        }
        if (date == null) {
            problems.add(SettingProblem.of("date", "setting.holiday.error.date", "a date is required"));
        } else if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            problems.add(SettingProblem.of("date", "setting.holiday.error.year",
                    "the calendar covers " + FIRST_YEAR + "–" + LAST_YEAR, FIRST_YEAR, LAST_YEAR));
        } else if (exists(date)) {
            problems.add(SettingProblem.of("date", "setting.holiday.error.exists", date + " is already announced", date));
        } else if (kind != null) {
            boolean working = HolidayRules.calendar(date.getYear(), date.getYear(), List.of()).isWorkingDay(date);
            if (kind.dayOff() && !working) {
                problems.add(SettingProblem.of("date", "setting.holiday.error.already-off", date + " is already a day off", date));
            } else if (!kind.dayOff() && working) {
                problems.add(SettingProblem.of("date", "setting.holiday.error.already-working", date + " is already a working day", date));
            }
        }
        text(problems, "nameVi", nameVi, 200);
        text(problems, "nameEn", nameEn, 200);
        text(problems, "source", source, 500);
        if (!problems.isEmpty()) {
            throw new InvalidSettingException(problems);
        }
        jdbc.sql("""
                        INSERT INTO public_holiday (holiday_date, name_vi, name_en, kind, source, created_by)
                        VALUES (:date, :vi, :en, :kind, :source, :user)""")
                .param("date", date).param("vi", nameVi.strip()).param("en", nameEn.strip()).param("kind", kind.code())
                .param("source", source.strip()).param("user", user.getUsername()).update();
        invalidate();
    }

    /** Removes an announced day; statutory days cannot be removed (declare a working day instead). */
    public boolean remove(LocalDate date, CurrentUser user) {
        requireAdmin(user);
        int removed = jdbc.sql("DELETE FROM public_holiday WHERE holiday_date = :date").param("date", date).update();
        invalidate();
        return removed > 0;
    }

    /** @throws InvalidSettingException when the year is outside the calendar */
    public static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidSettingException(List.of(SettingProblem.of("year", "setting.holiday.error.year",
                    "the calendar covers " + FIRST_YEAR + "–" + LAST_YEAR, FIRST_YEAR, LAST_YEAR)));
        }
    }

    private boolean exists(LocalDate date) {
        return jdbc.sql("SELECT count(*) FROM public_holiday WHERE holiday_date = :d").param("d", date)
                .query(Long.class).single() > 0;
    }

    private static void text(List<SettingProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(SettingProblem.of(field, "setting.error.empty", "a value is required"));
        } else if (value.strip().length() > max) {
            problems.add(SettingProblem.of(field, "setting.error.too-long", "at most " + max + " characters", max));
        }
    }

    private static void requireAdmin(CurrentUser user) {
        if (user == null || !user.isAdmin()) {
            throw new AccessDeniedException("only administrators change the holiday calendar");
        }
    }

    /** Runs after the change is stored, so a calendar being built meanwhile is dropped once it is cached. */
    private synchronized void invalidate() {
        cache = null;
    }
}
