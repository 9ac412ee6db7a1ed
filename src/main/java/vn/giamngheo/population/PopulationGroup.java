package vn.giamngheo.population;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A population group of households (nhóm hộ): the one place that says which households belong to it on a day, as an
 * SQL predicate over a household row ({@link #predicate}). Members are those of the register (the register keeps no
 * history of membership); ages are taken on the report's day, never today:
 * <ul>
 * <li>{@link #ETHNIC_MINORITY}: the household's {@code ethnic_minority} flag (hộ dân tộc thiểu số), or, not recorded,
 *     a head of an ethnicity other than Kinh (and not a foreigner) — as the escape and livelihood pages read it;</li>
 * <li>{@link #WOMAN_HEADED}: the member whose {@code relation} is {@code head} is a woman (chủ hộ là nữ);</li>
 * <li>{@link #WITH_DISABILITY}: a member whose {@code disability} is {@code mild}, {@code severe} or {@code very_severe}
 *     (the levels of the Law on Persons with Disabilities 2010, art. 3: nhẹ, nặng, đặc biệt nặng; {@code none} or not
 *     recorded is no disability);</li>
 * <li>{@link #WITH_ELDERLY}: a member aged the elderly age or more on the day (Law on the Elderly 2009, art. 2:
 *     60 years; a parameter, {@link PopulationGroups#ELDERLY_AGE_PARAMETER});</li>
 * <li>{@link #WITH_CHILDREN}: a member born on or before the day and under {@link #CHILD_AGE} on it (Law on Children
 *     2016, art. 1: under 16).</li>
 * </ul>
 * Age on a day: a person is n years old or more on day D when the n-th birthday falls on or before D; a birthday of
 * 29 February falls on 28 February in other years (Java's {@code plusYears} and PostgreSQL's {@code + interval} agree).
 */
public enum PopulationGroup {
    ALL, ETHNIC_MINORITY, WOMAN_HEADED, WITH_DISABILITY, WITH_ELDERLY, WITH_CHILDREN;

    /** Under this age a person is a child (Law on Children 2016, art. 1). */
    public static final int CHILD_AGE = 16;

    /** The code used in URLs, the API and the goals table ({@code all}, {@code ethnic_minority}, …). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The message key of the group's name ({@code population.group.<code>}, both languages). */
    public String messageKey() {
        return "population.group." + code();
    }

    /** The group of a code; blank or null is {@link #ALL}; an unknown code is refused in words. */
    public static PopulationGroup parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        for (PopulationGroup g : values()) {
            if (g.code().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return g;
            }
        }
        throw new UnknownPopulationGroupException(text);
    }

    /**
     * The SQL predicate selecting the group's households, over the household row named {@code alias} (a table
     * {@code household} or a row with its {@code province_code}, {@code id} and {@code ethnic_minority}); the day and
     * the elderly age are written into it as literals (a date and an integer made here, never text from a request).
     * {@link #ALL}: {@code TRUE}.
     */
    public String predicate(String alias, LocalDate day, int elderlyAge) {
        if (!alias.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not an SQL alias: " + alias);
        }
        if (elderlyAge < 1 || elderlyAge > 150) {
            throw new IllegalArgumentException("elderly age out of range: " + elderlyAge);
        }
        String d = "DATE '" + day + "'";
        String member = "EXISTS (SELECT 1 FROM household_member m WHERE m.province_code = " + alias
                + ".province_code AND m.household_id = " + alias + ".id AND ";
        return switch (this) {
            case ALL -> "TRUE";
            case ETHNIC_MINORITY -> "coalesce(" + alias + ".ethnic_minority, " + member
                    + "m.relation = 'head' AND m.ethnicity NOT IN ('Kinh', 'Người nước ngoài')))";
            case WOMAN_HEADED -> member + "m.relation = 'head' AND m.sex = 'female')";
            case WITH_DISABILITY -> member + "m.disability IN ('mild', 'severe', 'very_severe'))";
            case WITH_ELDERLY -> member + "m.birth_date + interval '" + elderlyAge + " years' <= " + d + ")";
            case WITH_CHILDREN -> member + "m.birth_date <= " + d + " AND m.birth_date + interval '" + CHILD_AGE
                    + " years' > " + d + ")";
        };
    }

    /**
     * A person's age in whole years on a day: the largest n whose n-th birthday ({@code birth.plusYears(n)}, 28
     * February for a birthday of 29 February in other years) falls on or before the day — the rule the predicates
     * apply; negative before birth.
     */
    public static int ageOn(LocalDate birth, LocalDate day) {
        int n = day.getYear() - birth.getYear();
        return birth.plusYears(n).isAfter(day) ? n - 1 : n;
    }

    /** Whether a person of this birth date is elderly on the day. */
    public static boolean elderlyOn(LocalDate birth, LocalDate day, int elderlyAge) {
        return !birth.plusYears(elderlyAge).isAfter(day);
    }

    /** Whether a person of this birth date is a child (born, under {@link #CHILD_AGE}) on the day. */
    public static boolean childOn(LocalDate birth, LocalDate day) {
        return !birth.isAfter(day) && birth.plusYears(CHILD_AGE).isAfter(day);
    }
}
