package vn.giamngheo.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.monitoring.Direction;
import vn.giamngheo.monitoring.IndicatorValue;
import vn.giamngheo.security.CurrentUser;

/**
 * The indicator framework: indicators, values computed from the registry and the budget, targets per
 * unit and year.
 *
 * <p>Registry figures are taken from the register as it stands (the household's latest classification,
 * {@code household.poverty_status}); once the decided lists of the annual review exist, the figures of a
 * past year should come from them.
 */
@Service
public class MonitoringIndicators {

    private final JdbcClient jdbc;
    private final ProgrammeUnits units;

    MonitoringIndicators(JdbcClient jdbc, ProgrammeUnits units) {
        this.jdbc = jdbc;
        this.units = units;
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

    /** The computed indicators of a unit (its whole subtree) for a year. */
    public Map<Long, IndicatorValue> computed(long unitId, int year, CurrentUser user) {
        ProgrammeUnits.Unit unit = units.visible(unitId, user);
        Map<Long, IndicatorValue> values = new LinkedHashMap<>();
        for (Indicator i : indicators()) {
            compute(i, unit, year).ifPresent(v -> values.put(i.id(), v));
        }
        return values;
    }

    Optional<IndicatorValue> compute(Indicator indicator, ProgrammeUnits.Unit unit, int year) {
        if (!indicator.computed()) {
            return Optional.empty();
        }
        String pattern = ProgrammeUnits.subtreePattern(unit);
        String households = """
                SELECT count(*) FILTER (WHERE h.poverty_status IN (%s)) AS part, count(*) AS whole
                FROM household h JOIN admin_unit u ON u.id = h.commune_id
                WHERE h.province_code = :province AND u.path LIKE :pattern AND h.life_status = 'active'""";
        String insured = """
                SELECT count(*) FILTER (WHERE m.health_insurance) AS part, count(*) AS whole
                FROM household_member m
                JOIN household h ON h.province_code = m.province_code AND h.id = m.household_id
                JOIN admin_unit u ON u.id = h.commune_id
                WHERE m.province_code = :province AND h.province_code = :province AND u.path LIKE :pattern
                  AND h.life_status = 'active' AND h.poverty_status IN (%s)""";
        String sql = switch (indicator.computation()) {
            case "poor_rate", "poor_households" -> households.formatted("'poor'");
            case "near_poor_rate" -> households.formatted("'near_poor'");
            case "poor_insured_share" -> insured.formatted("'poor'");
            case "poor_near_poor_insured_share" -> insured.formatted("'poor', 'near_poor'");
            case "disbursement_rate" -> """
                    SELECT coalesce(sum(b.disbursed), 0) AS part, coalesce(sum(b.allocated), 0) AS whole
                    FROM budget_line b JOIN admin_unit u ON u.id = b.unit_id
                    WHERE b.province_code = :province AND u.path LIKE :pattern AND b.year = :year""";
            default -> throw new IllegalStateException("unknown computation " + indicator.computation());
        };
        var spec = jdbc.sql(sql).param("province", unit.provinceCode()).param("pattern", pattern);
        if (sql.contains(":year")) {
            spec = spec.param("year", year);
        }
        IndicatorValue v = spec.query((rs, n) -> indicator.share()
                ? IndicatorValue.share(rs.getBigDecimal("part"), rs.getBigDecimal("whole"))
                : IndicatorValue.count(rs.getBigDecimal("part"))).single();
        return Optional.of(v);
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
            Optional<IndicatorValue> value = i.computed() ? compute(i, unit, year) : Optional.ofNullable(reported.get(i.id()));
            BigDecimal result = value.flatMap(IndicatorValue::shown).orElse(null);
            rows.add(new ResultRow(i, t == null ? null : t.baseline(), t == null ? null : t.target(), result,
                    i.computed() ? "computed" : (value.isPresent() ? "reported" : "none")));
        }
        return rows;
    }
}
