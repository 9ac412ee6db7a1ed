package vn.giamngheo.monitoring;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.programme.ProgrammeUnits;
import vn.giamngheo.setting.Parameters;

/**
 * Runs the queries of the register-based computations ({@link RegisterComputations}) for a unit's subtree: binds
 * the area ({@code {u.path}}, {@code {b.area}}), the partitions ({@code :provinces}), the period ({@code :from},
 * {@code :d}), the budget {@code :year} and the health-insurance card window ({@code :cardFrom}).
 */
@Component
class ComputationQueries {

    static final String CARD_MONTHS = "monitoring.health_insurance.card_months";

    /**
     * The rows of the {@code placed} CTE of {@link #PLACED} and {@link #PLACED_UNDER}: each household with the commune
     * of its row in force ({@code latest}) or, without one, the register's, its status, and whether it is counted on
     * :d (active, or left the register after the day).
     */
    private static final String PLACED_ROWS = """
                SELECT h.province_code, h.id, coalesce(l.commune_id, h.commune_id) AS commune_id, l.status,
                       (h.life_status = 'active' OR EXISTS (
                           SELECT 1 FROM household_event e
                            WHERE e.province_code = h.province_code AND e.household_id = h.id
                              AND e.event_type IN ('moved', 'merged_into', 'dissolved') AND e.event_date > :d)) AS counted
                  FROM household h
                  LEFT JOIN latest l ON l.province_code = h.province_code AND l.household_id = h.id
                 WHERE h.province_code IN (:provinces)
            """;

    /**
     * The status in force on :d of every household of :provinces (the rule of the reports, {@code
     * report.LiveReportData}: the latest decided-list row not revoked and effective on or before the date), placed
     * where that row was recorded or, without one, where the register has it; {@code counted}: active in the
     * register, or left it (moved, merged, dissolved) after the date.
     */
    static final String PLACED = """
            WITH latest AS (
                SELECT s.province_code, s.household_id, s.commune_id, s.status
                  FROM status_in_force_in(ARRAY[:provinces]::text[], :d) s
            ), placed AS (
            """ + PLACED_ROWS + """
            )
            """;

    /**
     * {@link #PLACED} for a unit below a province (a district, a commune, a village), with the same rows: the
     * candidates are the households with a decided row effective by :d recorded in the unit's subtree or placed
     * there by the register (a household placed in the subtree is one of them: its row in force lies there, or it
     * has none and the register has it there); the candidates' rows in force and households are read by their ids
     * (one scan of each index; the kernel's {@code status_in_force_in}, same tie-break). The province's whole statuses and households are never read for a
     * commune (they were for every indicator: minutes for the indicators page of a commune of 10,000 households in a
     * province of 1,000,000; issue 26). Its {@code placed} keeps only the households placed in the subtree (their commune
     * among the subtree's units, read once), so the callers' join to the units and {@code {u.path}} are left out
     * ({@link #PLACED_UNIT}).
     */
    static final String PLACED_UNDER = """
            WITH cand AS MATERIALIZED (
                SELECT s.province_code, s.household_id
                  FROM decided_status s JOIN admin_unit cu ON cu.id = s.commune_id
                 WHERE s.province_code IN (:provinces) AND s.effective_from <= :d AND {cu.path}
                UNION
                SELECT h.province_code, h.id
                  FROM household h JOIN admin_unit hu ON hu.id = h.commune_id
                 WHERE h.province_code IN (:provinces) AND {hu.path}
            ), ids AS MATERIALIZED (
                SELECT ARRAY(SELECT household_id FROM cand) AS ids
            ), latest AS (
                SELECT s.province_code, s.household_id, s.commune_id, s.status
                  FROM status_in_force_in(ARRAY[:provinces]::text[], :d) s
                 WHERE s.household_id = ANY (CAST((SELECT ids FROM ids) AS bigint[]))
            ), placed AS MATERIALIZED (
            """ + PLACED_ROWS + """
                   AND h.id = ANY (CAST((SELECT ids FROM ids) AS bigint[]))
                   AND coalesce(l.commune_id, h.commune_id) = ANY (ARRAY(SELECT pu.id FROM admin_unit pu WHERE {pu.path}))
            )
            """;

    /**
     * How a computation of {@link #PLACED} keeps the households placed in the unit's subtree: joined to their
     * commune, whose path the caller's {@code {u.path}} filters. {@link #PLACED_UNDER} keeps only those already
     * (its {@code placed} is filtered by the subtree's units, read once), so for a unit below a province the join
     * and the filter are left out: the planner, which reads the few thousand placed rows as a handful, joined them
     * to the subtree's units by a nested loop that scanned them once per unit (26 times for a commune of 25
     * villages), in each of the page's computations: most of the indicators page of a commune (issue 26).
     */
    static final String PLACED_UNIT = "JOIN admin_unit u ON u.id = p.commune_id";


    private final JdbcClient jdbc;
    private final Parameters parameters;

    ComputationQueries(JdbcClient jdbc, Parameters parameters) {
        this.jdbc = jdbc;
        this.parameters = parameters;
    }

    /**
     * Several computations that begin with {@link #PLACED} in one query: the placed households are read once (a CTE
     * named by several branches is computed once) and each computation's select is a branch of a {@code UNION ALL},
     * tagged by its position; the values in the order of {@code sqls}. Same figures as {@link #run} for each.
     */
    List<IndicatorValue> runAll(List<String> sqls, List<Boolean> shares, ProgrammeUnits.Unit unit, LocalDate from,
                                LocalDate to, int year) {
        StringBuilder sql = new StringBuilder(PLACED);
        for (int i = 0; i < sqls.size(); i++) {
            if (!sqls.get(i).startsWith(PLACED)) {
                throw new IllegalArgumentException("computation " + i + " does not begin with the placed households");
            }
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(" AS k, CAST(b").append(i)
                    .append(".part AS numeric) AS part, CAST(b").append(i).append(".whole AS numeric) AS whole FROM (").append(sqls.get(i).substring(PLACED.length()))
                    .append(") b").append(i).append('\n');
        }
        IndicatorValue[] values = new IndicatorValue[sqls.size()];
        query(sql.toString(), unit, from, to, year).query((rs, n) -> {
            int k = rs.getInt("k");
            values[k] = shares.get(k) ? IndicatorValue.share(rs.getBigDecimal("part"), rs.getBigDecimal("whole"))
                    : IndicatorValue.count(rs.getBigDecimal("part"));
            return k;
        }).list();
        return java.util.Arrays.asList(values);
    }

    IndicatorValue run(String sql, boolean share, ProgrammeUnits.Unit unit, LocalDate from, LocalDate to, int year) {
        return query(sql, unit, from, to, year).query((rs, n) -> share
                ? IndicatorValue.share(rs.getBigDecimal("part"), rs.getBigDecimal("whole"))
                : IndicatorValue.count(rs.getBigDecimal("part"))).single();
    }

    private JdbcClient.StatementSpec query(String sql, ProgrammeUnits.Unit unit, LocalDate from, LocalDate to, int year) {
        AreaFilter area = unit.area();
        if (below(unit) && sql.startsWith(PLACED)) {
            String rest = sql.substring(PLACED.length());
            // the placed households of PLACED_UNDER are those of the subtree: no join to their units, no {u.path}
            sql = PLACED_UNDER + (rest.contains(PLACED_UNIT) ? rest.replace(PLACED_UNIT, "").replace("{u.path}", "TRUE") : rest);
        }
        sql = sql.replace("{u.path}", area.path("u")).replace("{pu.path}", area.path("pu")).replace("{cu.path}", area.path("cu"))
                .replace("{hu.path}", area.path("hu")).replace("{b.area}", area.on("b", "u"));
        var spec = area.bind(jdbc.sql(sql));
        if (sql.contains(":provinces")) {
            spec = spec.param("provinces", provinces(unit));
        }
        if (sql.contains(":province")) {
            spec = spec.param("province", unit.provinceCode());
        }
        if (sql.contains(":year")) {
            spec = spec.param("year", year);
        }
        if (sql.contains(":d")) {
            spec = spec.param("d", to);
        }
        if (sql.contains(":from")) {
            spec = spec.param("from", from);
        }
        if (sql.contains(":cardFrom")) {
            spec = spec.param("cardFrom", to.minusMonths(parameters.intValue(CARD_MONTHS)));
        }
        return spec;
    }

    /** A unit below a province: its households are a small part of the provinces' ({@link #PLACED_UNDER}). */
    static boolean below(ProgrammeUnits.Unit unit) {
        return unit.path() != null && List.of(vn.giamngheo.geography.AdminUnit.DISTRICT, vn.giamngheo.geography.AdminUnit.COMMUNE,
                vn.giamngheo.geography.AdminUnit.VILLAGE).contains(unit.level());
    }

    /**
     * The provinces whose partitions hold the unit's households: its own, and those its province was merged from or
     * into (a unit of before a merger keeps the old province code; its households are in the new partition).
     */
    private List<String> provinces(ProgrammeUnits.Unit unit) {
        return jdbc.sql("""
                        WITH prov AS (SELECT p.id FROM admin_unit p
                                       WHERE p.level = 'province' AND\s""" + AreaFilter.ancestorOf("path", "p") + ")" + """

                        SELECT DISTINCT a.province_code FROM admin_unit a
                         WHERE a.id IN (SELECT id FROM prov
                                        UNION SELECT us.successor_id FROM unit_succession us WHERE us.predecessor_id IN (SELECT id FROM prov)
                                        UNION SELECT us.predecessor_id FROM unit_succession us WHERE us.successor_id IN (SELECT id FROM prov))
                           AND a.level = 'province'
                        UNION SELECT :own""")
                .param("path", unit.path()).param("own", unit.provinceCode()).query(String.class).list();
    }
}
