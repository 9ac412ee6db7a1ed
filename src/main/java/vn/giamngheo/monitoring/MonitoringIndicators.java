package vn.giamngheo.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.monitoring.rules.Direction;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.monitoring.rules.ReportPeriod;
import vn.giamngheo.setting.Parameters;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.status.rules.PovertyStatus;
import vn.giamngheo.monitoring.rules.Direction;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.monitoring.rules.ReportPeriod;
import vn.giamngheo.budget.BudgetLines;
import vn.giamngheo.programme.GridVersion;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ProgrammeProblem;
import vn.giamngheo.programme.ProgrammeUnits;

/**
 * The indicator framework: indicators, values computed from the decided lists, the support records, the
 * livelihood models and the budget, targets per unit and year.
 *
 * <p>Figures are computed for a data period: statuses in force on its last day from the decided lists (not
 * today's register), benefits and models of the period. The register-based insurance share still reads today's
 * member flag ({@code household_member.health_insurance}, which has no history); the record-based one counts a
 * {@code BHYT_*} benefit record dated within {@code monitoring.health_insurance.card_months} before the date.
 */
@Service
public class MonitoringIndicators {

    private final JdbcClient jdbc;
    private final ProgrammeUnits units;
    private final ReportSchedule schedule;
    private final Parameters parameters;
    private final Clock clock;

    MonitoringIndicators(JdbcClient jdbc, ProgrammeUnits units, ReportSchedule schedule, Parameters parameters,
                         ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.schedule = schedule;
        this.parameters = parameters;
        this.clock = clock.getIfAvailable(() -> Clock.system(MonitoringReports.VIETNAM));
    }

    public List<Indicator> indicators() {
        return jdbc.sql("""
                        SELECT id, code, name_vi, name_en, unit_of_measure, direction, computation, legal_source, sort_order
                        FROM monitoring_indicator WHERE active ORDER BY sort_order, code""")
                .query((rs, n) -> new Indicator(rs.getLong("id"), rs.getString("code"), rs.getString("name_vi"),
                        rs.getString("name_en"), rs.getString("unit_of_measure"),
                        Direction.ofCode(rs.getString("direction")).orElseThrow(), rs.getString("computation"),
                        rs.getString("legal_source"), rs.getInt("sort_order")))
                .list();
    }

    /**
     * The computed indicators of a unit (its whole subtree) for a year: as of the year's data end (statistical
     * cut-off), or today while the year's data have not ended.
     */
    public Map<Long, IndicatorValue> computed(long unitId, int year, CurrentUser user) {
        ProgrammeUnits.Unit unit = units.visible(unitId, user);
        ReportPeriod period = yearPeriod(year);
        Map<Long, IndicatorValue> values = new LinkedHashMap<>();
        for (Indicator i : indicators()) {
            compute(i, unit, period.start(), period.end(), year).ifPresent(v -> values.put(i.id(), v));
        }
        return values;
    }

    /** The annual data period of a year, ended today at the latest. */
    private ReportPeriod yearPeriod(int year) {
        ReportPeriod p = schedule.cutOff().period(ReportKind.YEAR, year, 1);
        LocalDate today = LocalDate.now(clock.withZone(MonitoringReports.VIETNAM));
        return p.end().isAfter(today) && !p.start().isAfter(today)
                ? new ReportPeriod(p.kind(), year, 1, p.start(), today) : p;
    }

    /**
     * The status in force on :d of every household of :provinces (the rule of the reports, {@code
     * report.LiveReportData}: the latest decided-list row not revoked and effective on or before the date), placed
     * where that row was recorded or, without one, where the register has it; {@code counted}: active in the
     * register, or left it (moved, merged, dissolved) after the date.
     */
    private static final String PLACED = """
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

    /**
     * The value of a computed indicator for a unit's subtree over a data period {@code from}–{@code to}: statuses
     * as of {@code to} from the decided lists; benefits (support records) dated in the period; livelihood models
     * running at some time in it; the budget of {@code year}. Empty for an entered indicator.
     */
    Optional<IndicatorValue> compute(Indicator indicator, ProgrammeUnits.Unit unit, LocalDate from, LocalDate to, int year) {
        if (!indicator.computed()) {
            return Optional.empty();
        }
        String households = PLACED + """
                SELECT count(*) FILTER (WHERE p.status IN (%s)) AS part, count(*) AS whole
                  FROM placed p JOIN admin_unit u ON u.id = p.commune_id
                 WHERE p.counted AND {u.path}""";
        String members = PLACED + """
                SELECT count(*) FILTER (WHERE %s) AS part, count(*) AS whole
                  FROM placed p JOIN admin_unit u ON u.id = p.commune_id
                  JOIN household_member m ON m.province_code = p.province_code AND m.household_id = p.id
                 WHERE m.province_code IN (:provinces) AND p.counted AND {u.path} AND p.status IN (%s)""";
        String insuredByRecord = """
                EXISTS (SELECT 1 FROM benefit_record b JOIN support_policy sp ON sp.id = b.policy_id
                         WHERE b.province_code = m.province_code AND b.household_id = m.household_id
                           AND b.member_no = m.member_no AND sp.code LIKE 'BHYT\\_%' AND b.voided_at IS NULL
                           AND b.benefit_date <= :d AND b.benefit_date > :cardFrom)""";
        String benefits = PLACED + """
                SELECT count(DISTINCT %s) AS part, NULL AS whole
                  FROM benefit_record b JOIN support_policy sp ON sp.id = b.policy_id
                  JOIN placed p ON p.province_code = b.province_code AND p.id = b.household_id
                  JOIN admin_unit u ON u.id = p.commune_id
                 WHERE b.province_code IN (:provinces) AND sp.code = '%s' AND b.benefit_date BETWEEN :from AND :d
                   AND b.voided_at IS NULL AND {u.path}""";
        String sql = switch (indicator.computation()) {
            case "poor_rate", "poor_households" -> households.formatted(PovertyStatus.sql("{poor}"));
            case "near_poor_rate" -> households.formatted(PovertyStatus.sql("{near_poor}"));
            case "poor_insured_share" -> members.formatted("m.health_insurance", PovertyStatus.sql("{poor}"));
            case "poor_near_poor_insured_share" -> members.formatted("m.health_insurance", PovertyStatus.sql("{listed}"));
            case "poor_bhyt_record_share" -> members.formatted(insuredByRecord, PovertyStatus.sql("{poor}"));
            case "poor_near_poor_bhyt_record_share" -> members.formatted(insuredByRecord, PovertyStatus.sql("{listed}"));
            case "houses_supported" -> benefits.formatted("b.household_id", "HOUSING");
            case "workers_trained" -> benefits.formatted("(b.household_id, b.member_no)", "VOCATIONAL_TRAINING");
            case "models" -> """
                    SELECT count(*) AS part, NULL AS whole
                      FROM livelihood_model lm JOIN admin_unit u ON u.id = lm.commune_id
                     WHERE lm.province_code IN (:provinces) AND {u.path}
                       AND lm.starts_on <= :d AND lm.ends_on >= :from""";
            case "disbursement_rate" -> """
                    SELECT coalesce(sum(b.disbursed), 0) AS part, coalesce(sum(b.allocated), 0) AS whole
                    FROM budget_line b JOIN admin_unit u ON u.id = b.unit_id
                    WHERE {b.area} AND b.year = :year""";
            default -> throw new IllegalStateException("unknown computation " + indicator.computation());
        };
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
        IndicatorValue v = spec.query((rs, n) -> indicator.share()
                ? IndicatorValue.share(rs.getBigDecimal("part"), rs.getBigDecimal("whole"))
                : IndicatorValue.count(rs.getBigDecimal("part"))).single();
        return Optional.of(v);
    }

    static final String CARD_MONTHS = "monitoring.health_insurance.card_months";

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

    /** A target of an indicator for a unit and year. */
    public record Target(long indicatorId, long unitId, int year, BigDecimal baseline, BigDecimal target) {
    }

    public Map<Long, Target> targets(long unitId, int year, CurrentUser user) {
        units.visible(unitId, user);
        Map<Long, Target> targets = new LinkedHashMap<>();
        jdbc.sql("SELECT indicator_id, unit_id, year, baseline, target FROM monitoring_target WHERE unit_id = :unit AND year = :year")
                .param("unit", unitId).param("year", year)
                .query((rs, n) -> new Target(rs.getLong("indicator_id"), rs.getLong("unit_id"), rs.getInt("year"),
                        rs.getBigDecimal("baseline"), rs.getBigDecimal("target")))
                .list().forEach(t -> targets.put(t.indicatorId(), t));
        return targets;
    }

    /** Sets (or with a null target removes) targets of a unit for a year; all or nothing. */
    /** The version of the unit's targets of the year as they are now ({@link GridVersion}). */
    public String targetsVersion(long unitId, int year, CurrentUser user) {
        return GridVersion.INDICATOR_TARGETS.of(jdbc, units.visible(unitId, user).id(), year);
    }

    /** As {@link #saveTargets(long, int, List, CurrentUser)}, from the targets as read at {@code version}. */
    @Transactional
    public void saveTargets(long unitId, int year, List<Target> targets, String version, CurrentUser user) {
        GridVersion.INDICATOR_TARGETS.check(jdbc, units.editable(unitId, user).id(), year, version);
        saveTargets(unitId, year, targets, user);
    }

    @Transactional
    public void saveTargets(long unitId, int year, List<Target> targets, CurrentUser user) {
        ProgrammeUnits.Unit unit = units.editable(unitId, user);
        List<ProgrammeProblem> problems = new ArrayList<>();
        BudgetLines.checkYear(year, problems);
        List<Long> known = indicators().stream().map(Indicator::id).toList();
        for (Target t : targets) {
            if (!known.contains(t.indicatorId())) {
                problems.add(ProgrammeProblem.of("indicatorId", "programme.problem.indicator-unknown", String.valueOf(t.indicatorId())));
            }
            for (BigDecimal v : java.util.Arrays.asList(t.baseline(), t.target())) {
                if (v != null && (v.abs().compareTo(BudgetLines.MAX_AMOUNT) > 0 || v.stripTrailingZeros().scale() > 3)) {
                    problems.add(ProgrammeProblem.of("target", "programme.problem.amount-range", String.valueOf(t.indicatorId()), v.toPlainString()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidProgrammeException(problems);
        }
        for (Target t : targets) {
            if (t.target() == null) {
                jdbc.sql("DELETE FROM monitoring_target WHERE indicator_id = :i AND unit_id = :u AND year = :y")
                        .param("i", t.indicatorId()).param("u", unitId).param("y", year).update();
                continue;
            }
            jdbc.sql("""
                            INSERT INTO monitoring_target (indicator_id, unit_id, province_code, year, baseline, target, updated_by)
                            VALUES (:i, :u, :p, :y, :baseline, :target, :by)
                            ON CONFLICT (indicator_id, unit_id, year) DO UPDATE SET baseline = EXCLUDED.baseline,
                                target = EXCLUDED.target, updated_by = EXCLUDED.updated_by""")
                    .param("i", t.indicatorId()).param("u", unitId).param("p", unit.provinceCode()).param("y", year)
                    .param("baseline", t.baseline()).param("target", t.target()).param("by", user.getUsername())
                    .update();
        }
    }

    /** One row of the results framework: indicator, baseline, target, result and whether it is met. */
    public record ResultRow(Indicator indicator, BigDecimal baseline, BigDecimal target, BigDecimal result, String source) {
        public Optional<Boolean> met() {
            return target == null || result == null ? Optional.empty() : Optional.of(indicator.direction().met(result, target));
        }
    }

    /**
     * The results framework of a unit for a year: computed indicators from the registry and budget;
     * entered ones from the unit's latest sent report of the year.
     */
    public List<ResultRow> resultsFramework(long unitId, int year, CurrentUser user) {
        ProgrammeUnits.Unit unit = units.visible(unitId, user);
        Map<Long, Target> targets = targets(unitId, year, user);
        ReportPeriod period = yearPeriod(year);
        Map<Long, IndicatorValue> reported = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (v.indicator_id) v.indicator_id, v.numerator, v.denominator
                        FROM monitoring_report_value v JOIN monitoring_report r ON r.id = v.report_id
                        WHERE r.unit_id = :unit AND r.year = :year AND r.status IN ('submitted', 'approved')
                        ORDER BY v.indicator_id, r.period_end DESC, r.id DESC""")
                .param("unit", unitId).param("year", year)
                .query((rs, n) -> Map.entry(rs.getLong("indicator_id"),
                        new IndicatorValue(rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"))))
                .list().forEach(e -> reported.put(e.getKey(), e.getValue()));
        List<ResultRow> rows = new ArrayList<>();
        for (Indicator i : indicators()) {
            Target t = targets.get(i.id());
            Optional<IndicatorValue> value = i.computed() ? compute(i, unit, period.start(), period.end(), year)
                    : Optional.ofNullable(reported.get(i.id()));
            BigDecimal result = value.flatMap(IndicatorValue::shown).orElse(null);
            rows.add(new ResultRow(i, t == null ? null : t.baseline(), t == null ? null : t.target(), result,
                    i.computed() ? "computed" : (value.isPresent() ? "reported" : "none")));
        }
        return rows;
    }
}
