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
                SELECT h.province_code, h.id, coalesce(l.commune_id, h.commune_id) AS commune_id, l.status,
                       (h.life_status = 'active' OR EXISTS (
                           SELECT 1 FROM household_event e
                            WHERE e.province_code = h.province_code AND e.household_id = h.id
                              AND e.event_type IN ('moved', 'merged_into', 'dissolved') AND e.event_date > :d)) AS counted
                  FROM household h
                  LEFT JOIN latest l ON l.province_code = h.province_code AND l.household_id = h.id
                 WHERE h.province_code IN (:provinces)
            )
            """;

    private final JdbcClient jdbc;
    private final Parameters parameters;

    ComputationQueries(JdbcClient jdbc, Parameters parameters) {
        this.jdbc = jdbc;
        this.parameters = parameters;
    }

    IndicatorValue run(String sql, boolean share, ProgrammeUnits.Unit unit, LocalDate from, LocalDate to, int year) {
        AreaFilter area = unit.area();
        sql = sql.replace("{u.path}", area.path("u")).replace("{b.area}", area.on("b", "u"));
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
        return spec.query((rs, n) -> share
                ? IndicatorValue.share(rs.getBigDecimal("part"), rs.getBigDecimal("whole"))
                : IndicatorValue.count(rs.getBigDecimal("part"))).single();
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
