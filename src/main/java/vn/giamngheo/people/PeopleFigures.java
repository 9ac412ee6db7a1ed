package vn.giamngheo.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.giamngheo.exchange.Disability;
import vn.giamngheo.exchange.Education;
import vn.giamngheo.exchange.Employment;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.people.rules.AgeBands;
import vn.giamngheo.people.rules.PeopleCounts;
import vn.giamngheo.people.rules.PersonIndicator;
import vn.giamngheo.people.rules.RetirementSchedule;
import vn.giamngheo.setting.Parameters;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Person-level figures computed from the register on a day: the members of the households of an area, by the
 * households' list status in force on the day (status kernel: SQL {@code status_in_force}), by sex, age band and the
 * {@link PersonIndicator}s with their denominators. One set-based query per request, grouped by the rows' units,
 * never a query per household.
 * <p>
 * What is counted: the members as the register holds them now (the register keeps no history of members), their
 * age on the day ({@link vn.giamngheo.people.rules.AgeOnDay}: birth year only → 1 July of that year); a household
 * is placed where the register places it (its commune and village); group {@code all} = the households of the register
 * that are active or listed on the day, {@code poor} and {@code near_poor} = those whose decided status in force on
 * the day is that. Bands, working age, retirement ages and school age are parameters ({@code people.*}, with their
 * legal sources on the parameters page).
 */
@Service
public class PeopleFigures {

    /** The groups of households, in the order the section shows them. */
    public static final String ALL = "all";
    public static final List<String> GROUPS = List.of(PovertyStatus.POOR.code(), PovertyStatus.NEAR_POOR.code(), ALL);

    static final String AGE_BANDS = "people.age_bands";
    static final String WORKING_AGE_MIN = "people.working_age_min";
    static final String RETIREMENT_MALE = "people.retirement_male";
    static final String RETIREMENT_FEMALE = "people.retirement_female";
    static final String SCHOOL_AGE_MIN = "people.school_age_min";
    static final String SCHOOL_AGE_MAX = "people.school_age_max";

    /** The definitions in force for a request (from the parameters, for the day's year). */
    public record Definitions(AgeBands bands, int workingAgeMin, int retirementMaleMonths, int retirementFemaleMonths,
                              int schoolAgeMin, int schoolAgeMax) {
    }

    /** One row: a unit (null id: households without a village) and the counts of each group ({@link #GROUPS}). */
    public record Row(Long unitId, String code, String name, Map<String, PeopleCounts> groups) {
    }

    /** The section: its day, definitions, rows in code order and the totals of each group. */
    public record Section(LocalDate day, Definitions definitions, List<Row> rows, Map<String, PeopleCounts> totals) {
    }

    /** A share for a coverage target: the members for whom the indicator holds among its base. */
    public record Share(long covered, long total) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PeopleFigures.class);

    private final JdbcClient jdbc;
    private final Parameters parameters;

    PeopleFigures(JdbcClient jdbc, Parameters parameters) {
        this.jdbc = jdbc;
        this.parameters = parameters;
    }

    /** The parameters in force, the retirement ages of the day's year. */
    public Definitions definitions(LocalDate day) {
        try {
            return new Definitions(AgeBands.parse(parameters.text(AGE_BANDS)), parameters.intValue(WORKING_AGE_MIN),
                    RetirementSchedule.parse(parameters.text(RETIREMENT_MALE)).months(day.getYear()),
                    RetirementSchedule.parse(parameters.text(RETIREMENT_FEMALE)).months(day.getYear()),
                    parameters.intValue(SCHOOL_AGE_MIN), parameters.intValue(SCHOOL_AGE_MAX));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a parameter people.* does not fit its form: " + e.getMessage(), e);
        }
    }

    /**
     * The figures of a unit's area on a day, one row per unit one level down: the provinces of the country
     * ({@code level} null), the units under a province (or district), the villages of a commune (and a row without
     * village), the village itself.
     *
     * @param area the unit's subtree (the caller has checked that it lies in the user's area)
     * @param level the unit's level ({@code province}, {@code district}, {@code commune}, {@code village}), null for the country
     * @param depth how many units the unit's path names (1 for a province), 0 for the country
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public Section section(AreaFilter area, String level, int depth, LocalDate day) {
        long started = System.nanoTime();
        Definitions d = definitions(day);
        boolean villages = "commune".equals(level) || "village".equals(level);
        hashJoins();
        String rowUnit = villages ? "h.village_id" : "NULLIF(split_part(c.path, '/', " + (depth + 2) + "), '')::bigint";
        String unitAlias = "village".equals(level) ? "v" : "c";
        StringBuilder bands = new StringBuilder();
        for (int i = 0; i < d.bands().size(); i++) {
            bands.append(", count(*) FILTER (WHERE width_bucket(a.months / 12, CAST(:bounds AS int[])) = ").append(i)
                    .append(") AS band_").append(i);
        }
        String sql = (villages ? households(area, "village".equals(level)) : listed(area))
                + "SELECT x.*, r.code AS unit_code, r.name AS unit_name FROM (SELECT "
                + rowUnit + " AS row_unit, s.status AS grp" + COUNTS + bands
                + (villages ? FROM_HOUSEHOLDS + AGE : FROM + JOINS)
                + " WHERE " + (villages ? "TRUE" : area.on("h", unitAlias)) + " AND " + COUNTED
                + " GROUP BY 1, 2) x LEFT JOIN admin_unit r ON r.id = x.row_unit ORDER BY r.code NULLS LAST, x.grp";
        Map<String, PeopleCounts> totals = new LinkedHashMap<>();
        GROUPS.forEach(g -> totals.put(g, PeopleCounts.zero(d.bands().size())));
        List<Object[]> read = bind(area.bind(jdbc.sql(sql)), area, d, day)
                .query((rs, n) -> new Object[] {rs.getObject("row_unit", Long.class), rs.getString("unit_code"),
                        rs.getString("unit_name"), rs.getString("grp"), counts(rs, d.bands().size())}).list();
        Map<Long, Map<String, PeopleCounts>> byUnit = new LinkedHashMap<>();
        Map<Long, String[]> names = new LinkedHashMap<>();
        for (Object[] r : read) {
            Long unit = (Long) r[0];
            names.putIfAbsent(unit, new String[] {(String) r[1], (String) r[2]});
            // one row per unit and status (none: not decided): the group of its status if it has one, and "all"
            Map<String, PeopleCounts> groups = byUnit.computeIfAbsent(unit, u -> new LinkedHashMap<>());
            for (String group : r[3] != null && GROUPS.contains((String) r[3]) ? List.of((String) r[3], ALL) : List.of(ALL)) {
                groups.merge(group, (PeopleCounts) r[4], PeopleCounts::plus);
                totals.merge(group, (PeopleCounts) r[4], PeopleCounts::plus);
            }
        }
        List<Row> list = new ArrayList<>();
        byUnit.forEach((unit, groups) -> {
            Map<String, PeopleCounts> all = new LinkedHashMap<>();
            GROUPS.forEach(g -> all.put(g, groups.getOrDefault(g, PeopleCounts.zero(d.bands().size()))));
            list.add(new Row(unit, names.get(unit)[0], names.get(unit)[1], all));
        });
        // the measure of the section's one query (docs: bench figures of issue 23 point 4)
        LOG.debug("people section ({} rows, {} members) on {} in {} ms", list.size(), totals.get(ALL).members(), day,
                (System.nanoTime() - started) / 1_000_000);
        return new Section(day, d, List.copyOf(list), totals);
    }

    /**
     * The members of the households of the statuses in force on the day in the area, as the base of an indicator
     * and those for whom it holds (a plan's coverage target about people).
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public Share share(AreaFilter area, List<String> statuses, PersonIndicator indicator, LocalDate day) {
        Definitions d = definitions(day);
        hashJoins();
        String sql = listed(area) + "SELECT count(*) FILTER (WHERE " + BASES.get(indicator.base()) + ") AS total,"
                + " count(*) FILTER (WHERE " + BASES.get(indicator.base()) + " AND " + HOLDS.get(indicator) + ") AS covered"
                + FROM + JOINS + " WHERE " + area.on("h", "c") + " AND s.status IN (:statuses)";
        return bind(area.bind(jdbc.sql(sql)), area, d, day).param("statuses", statuses)
                .query((rs, n) -> new Share(rs.getLong("covered"), rs.getLong("total"))).single();
    }

    /**
     * Joins by hash for this transaction's statements. The planner under-estimates the households of an area (a
     * commune's 8,000 read as a handful) and joined the statuses in force by a nested loop over the whole province's
     * rows: 128 million comparisons, 16.6 s for a commune of 8,000 households against 0.15 s by hash (EXPLAIN ANALYZE on
     * the demonstration of 16,000 households, 2026-12-06).
     */
    private void hashJoins() {
        jdbc.sql("SET LOCAL enable_nestloop = off").update();
    }

    /**
     * The statuses in force on the day, read once (materialised) and joined by hash: as an inlined sub-query on the
     * inner side of the join it was read again per household (30 s for a commune of 8,000 households).
     */
    private static String listed(AreaFilter area) {
        return "WITH listed AS MATERIALIZED (SELECT province_code, household_id, status FROM "
                + (area.national() ? "status_in_force_all(:day)" : "status_in_force(:statusProvince, :day)") + ") ";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AreaFilter area, Definitions d,
                                                 LocalDate day) {
        if (!area.national()) {
            spec.param("statusProvince", area.provinceCode());
        }
        return spec.param("day", day).param("bounds", d.bands().sqlArray()).param("workMin", d.workingAgeMin() * 12)
                .param("retireMale", d.retirementMaleMonths()).param("retireFemale", d.retirementFemaleMonths())
                .param("schoolMin", d.schoolAgeMin()).param("schoolMax", d.schoolAgeMax())
                .param("disabled", Disability.NONE.code()).param("employed", EMPLOYED).param("trained", TRAINED)
                .param("male", "male").param("female", "female")
                .param("active", "active");
    }

    /** Wage work with or without a contract, self-employed. */
    static final List<String> EMPLOYED = List.of(Employment.WAGE_WITH_CONTRACT.code(), Employment.WAGE_NO_CONTRACT.code(),
            Employment.SELF_EMPLOYED.code());
    /** Vocational training or higher: the levels of the code list from vocational_elementary on. */
    static final List<String> TRAINED = java.util.Arrays.stream(Education.values())
            .filter(e -> e.ordinal() >= Education.VOCATIONAL_ELEMENTARY.ordinal()).map(Education::code).toList();

    private static final String SCHOOL_AGE = "a.months / 12 BETWEEN :schoolMin AND :schoolMax";
    private static final String WORKING_AGE = "(a.months >= :workMin AND a.months < CASE WHEN m.sex = :male"
            + " THEN :retireMale ELSE :retireFemale END)";
    private static final Map<PersonIndicator.Base, String> BASES = Map.of(PersonIndicator.Base.MEMBERS, "TRUE",
            PersonIndicator.Base.SCHOOL_AGE, SCHOOL_AGE, PersonIndicator.Base.WORKING_AGE, WORKING_AGE);
    private static final Map<PersonIndicator, String> HOLDS = Map.of(
            PersonIndicator.DISABILITY, "m.disability IS NOT NULL AND m.disability <> :disabled",
            PersonIndicator.CHILDREN_IN_SCHOOL, "m.in_school",
            PersonIndicator.HEALTH_INSURANCE, "m.health_insurance",
            PersonIndicator.WORKING_CAPACITY, "m.working_capacity",
            PersonIndicator.EMPLOYED, "m.employment IN (:employed)",
            PersonIndicator.TRAINED_WORKERS, "m.education IN (:trained)");

    private static final String COUNTS = ", count(*) AS members, count(*) FILTER (WHERE m.sex = :male) AS male,"
            + " count(*) FILTER (WHERE m.sex = :female) AS female,"
            + " count(*) FILTER (WHERE " + SCHOOL_AGE + ") AS school_age,"
            + " count(*) FILTER (WHERE " + WORKING_AGE + ") AS working_age,"
            + " count(*) FILTER (WHERE " + HOLDS.get(PersonIndicator.DISABILITY) + ") AS disability,"
            + " count(*) FILTER (WHERE " + SCHOOL_AGE + " AND " + HOLDS.get(PersonIndicator.CHILDREN_IN_SCHOOL) + ") AS in_school,"
            + " count(*) FILTER (WHERE " + HOLDS.get(PersonIndicator.HEALTH_INSURANCE) + ") AS insured,"
            + " count(*) FILTER (WHERE " + WORKING_AGE + " AND " + HOLDS.get(PersonIndicator.WORKING_CAPACITY) + ") AS working_capacity,"
            + " count(*) FILTER (WHERE " + WORKING_AGE + " AND " + HOLDS.get(PersonIndicator.EMPLOYED) + ") AS employed,"
            + " count(*) FILTER (WHERE " + WORKING_AGE + " AND " + HOLDS.get(PersonIndicator.TRAINED_WORKERS) + ") AS trained";

    private static final String FROM = " FROM household h JOIN admin_unit c ON c.id = h.commune_id"
            + " LEFT JOIN admin_unit v ON v.id = h.village_id"
            + " JOIN household_member m ON m.province_code = h.province_code AND m.household_id = h.id"
            + " LEFT JOIN listed";

    /**
     * A commune's or a village's households ({@code hh}: those whose commune, or village, lies in the area, read
     * through the households' index by commune), their statuses in force on
     * the day ({@code st}) and their members ({@code mm}), each read once by the households' ids (one index scan of
     * the province's partition each), then joined by hash: a few thousand households never read the province's whole
     * statuses or members (those, hash-joined, took 11.9 s for a commune of 10,000 households in a province of
     * 1,000,000; issue 26). Same rows and tie-break as the province-wide form (the kernel's {@code status_in_force}).
     */
    private static String households(AreaFilter area, boolean village) {
        return "WITH hh AS MATERIALIZED (SELECT h.province_code, h.id, h.commune_id, h.village_id, h.life_status"
                + " FROM household h WHERE " + area.partition("h") + " AND h." + (village ? "village_id" : "commune_id")
                + " = ANY (ARRAY(SELECT u.id FROM admin_unit u WHERE " + area.path("u") + "))),"
                + " ids AS MATERIALIZED (SELECT ARRAY(SELECT id FROM hh) AS ids),"
                + " st AS MATERIALIZED (SELECT f.household_id, f.status FROM status_in_force(:statusProvince, :day) f"
                + " WHERE f.household_id = ANY (CAST((SELECT ids FROM ids) AS bigint[]))),"
                + " mm AS MATERIALIZED (SELECT m.* FROM household_member m WHERE " + area.partition("m")
                + " AND m.household_id = ANY (CAST((SELECT ids FROM ids) AS bigint[]))) ";
    }

    /** The rows of {@link #households}: a household, its status (none: not decided) and each of its members. */
    private static final String FROM_HOUSEHOLDS = " FROM hh h LEFT JOIN st s ON s.household_id = h.id"
            + " JOIN mm m ON m.household_id = h.id";

    /**
     * The member's age in months on the day, computed once a member: {@code OFFSET 0} keeps the sub-select from being
     * pulled up into the query, which copied its expression into each of its 14 references (28 {@code age()} a
     * member: most of the section's time for a commune of 10,000 households; issue 26).
     */
    private static final String AGE =
            " CROSS JOIN LATERAL (SELECT CASE WHEN b.day > :day THEN 0"
            + " ELSE (extract(year FROM age(:day, b.day)) * 12 + extract(month FROM age(:day, b.day)))::int END AS months"
            + " FROM (SELECT CASE WHEN m.birth_year_only THEN make_date(extract(year FROM m.birth_date)::int, 7, 1)"
            + " ELSE m.birth_date END AS day) b OFFSET 0) a";

    /** The status row of the household (the source is named in between) and the member's age in months on the day. */
    private static final String JOINS = " s ON s.province_code = h.province_code AND s.household_id = h.id" + AGE;

    /** The households counted: active in the register, or listed on the day. */
    private static final String COUNTED = "(h.life_status = :active OR s.status IS NOT NULL)";

    private static PeopleCounts counts(ResultSet rs, int bands) throws SQLException {
        List<Long> b = new ArrayList<>();
        for (int i = 0; i < bands; i++) {
            b.add(rs.getLong("band_" + i));
        }
        return new PeopleCounts(rs.getLong("members"), rs.getLong("male"), rs.getLong("female"), b,
                rs.getLong("school_age"), rs.getLong("working_age"), rs.getLong("disability"), rs.getLong("in_school"),
                rs.getLong("insured"), rs.getLong("working_capacity"), rs.getLong("employed"), rs.getLong("trained"));
    }
}
