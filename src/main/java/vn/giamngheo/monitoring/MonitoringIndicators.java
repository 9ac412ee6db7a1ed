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
import vn.giamngheo.monitoring.rules.Direction;
import vn.giamngheo.monitoring.rules.IndicatorLevel;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.monitoring.rules.ReportPeriod;
import vn.giamngheo.security.CurrentUser;
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
    private final Clock clock;
    private final Map<String, IndicatorComputation> computations = new java.util.TreeMap<>();

    MonitoringIndicators(JdbcClient jdbc, ProgrammeUnits units, ReportSchedule schedule,
                         ObjectProvider<Clock> clock, List<IndicatorComputation> computations) {
        this.jdbc = jdbc;
        this.units = units;
        this.schedule = schedule;
        this.clock = clock.getIfAvailable(() -> Clock.system(MonitoringReports.VIETNAM));
        for (IndicatorComputation c : computations) {
            if (this.computations.put(c.name(), c) != null) {
                throw new IllegalStateException("two indicator computations named " + c.name());
            }
        }
    }

    static final String INDICATOR_COLUMNS = """
            SELECT id, code, name_vi, name_en, unit_of_measure, direction, computation, legal_source, sort_order,
                   province_code, level, period_type, obtained, check_computation, active, version
            FROM monitoring_indicator""";

    static Indicator indicator(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Indicator(rs.getLong("id"), rs.getString("code"), rs.getString("name_vi"),
                rs.getString("name_en"), rs.getString("unit_of_measure"),
                Direction.ofCode(rs.getString("direction")).orElseThrow(), rs.getString("computation"),
                rs.getString("legal_source"), rs.getInt("sort_order"), rs.getString("province_code"),
                IndicatorLevel.ofCode(rs.getString("level")).orElseThrow(),
                ReportKind.ofCode(rs.getString("period_type")).orElseThrow(), rs.getString("obtained"),
                rs.getString("check_computation"), rs.getBoolean("active"), rs.getInt("version"));
    }

    /** Every active indicator, national and every province's own (administrators' view). */
    public List<Indicator> indicators() {
        return jdbc.sql(INDICATOR_COLUMNS + " WHERE active ORDER BY sort_order, code").query(MonitoringIndicators::indicator).list();
    }

    /** The active indicators that apply in a province: the national ones and the province's own. */
    public List<Indicator> indicatorsOf(String provinceCode) {
        return jdbc.sql(INDICATOR_COLUMNS + """
                         WHERE active AND (province_code IS NULL OR province_code = :own)
                        ORDER BY sort_order, code""")
                .param("own", provinceCode).query(MonitoringIndicators::indicator).list();
    }

    /** The active indicators a user sees: all for a national user, else the national ones and their province's. */
    public List<Indicator> indicators(CurrentUser user) {
        return user.scope().provinceCode() == null ? indicators() : indicatorsOf(user.scope().provinceCode());
    }

    /**
     * The computed indicators of a unit (its whole subtree) for a year: as of the year's data end (statistical
     * cut-off), or today while the year's data have not ended.
     */
    public Map<Long, IndicatorValue> computed(long unitId, int year, CurrentUser user) {
        ProgrammeUnits.Unit unit = units.visible(unitId, user);
        ReportPeriod period = yearPeriod(year);
        return computeAll(indicatorsOf(unit.provinceCode()), unit, period.start(), period.end(), year);
    }

    /**
     * The values of the computed indicators of a list for one unit and data period, by indicator id (as {@link
     * #compute} gives each): those whose computations read the placed households ({@link ComputationQueries#PLACED})
     * in one query that reads them once, the others one by one. A page of every indicator of a commune read the
     * province's households once per indicator (issue 26).
     */
    Map<Long, IndicatorValue> computeAll(List<Indicator> list, ProgrammeUnits.Unit unit, LocalDate from, LocalDate to,
                                         int year) {
        Map<Long, IndicatorValue> values = new LinkedHashMap<>();
        List<Indicator> batched = new ArrayList<>();
        List<SqlComputation> sqls = new ArrayList<>();
        for (Indicator i : list) {
            Optional<IndicatorComputation> c = i.computed() ? computation(i.computation()) : Optional.empty();
            if (c.isPresent() && c.get() instanceof SqlComputation q && q.sql().startsWith(ComputationQueries.PLACED)) {
                batched.add(i);
                sqls.add(q);
                values.put(i.id(), null);
            } else {
                compute(i, unit, from, to, year).ifPresent(v -> values.put(i.id(), v));
            }
        }
        if (!sqls.isEmpty()) {
            List<IndicatorValue> read = sqls.get(0).queries().runAll(sqls.stream().map(SqlComputation::sql).toList(),
                    sqls.stream().map(SqlComputation::share).toList(), unit, from, to, year);
            for (int k = 0; k < batched.size(); k++) {
                values.put(batched.get(k).id(), read.get(k));
            }
        }
        values.values().removeIf(java.util.Objects::isNull);
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
     * The value of a computed indicator for a unit's subtree over a data period {@code from}–{@code to}, by the
     * computation bean it names ({@link IndicatorComputation}); empty for an entered indicator or a computation no
     * bean offers (any more).
     */
    Optional<IndicatorValue> compute(Indicator indicator, ProgrammeUnits.Unit unit, LocalDate from, LocalDate to, int year) {
        if (!indicator.computed()) {
            return Optional.empty();
        }
        return computation(indicator.computation()).flatMap(c -> c.compute(unit, from, to, year));
    }

    /** The computation bean of a name. */
    public Optional<IndicatorComputation> computation(String name) {
        return Optional.ofNullable(name == null ? null : computations.get(name));
    }

    /** The names of the computations the beans offer, sorted (the choices of the indicator form). */
    public List<String> computationNames() {
        return List.copyOf(computations.keySet());
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
        List<Long> known = indicatorsOf(unit.provinceCode()).stream().map(Indicator::id).toList();
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
        List<Indicator> all = indicatorsOf(unit.provinceCode());
        Map<Long, IndicatorValue> computed = computeAll(all, unit, period.start(), period.end(), year);
        for (Indicator i : all) {
            Target t = targets.get(i.id());
            Optional<IndicatorValue> value = Optional.ofNullable(i.computed() ? computed.get(i.id()) : reported.get(i.id()));
            BigDecimal result = value.flatMap(IndicatorValue::shown).orElse(null);
            rows.add(new ResultRow(i, t == null ? null : t.baseline(), t == null ? null : t.target(), result,
                    i.computed() ? "computed" : (value.isPresent() ? "reported" : "none")));
        }
        return rows;
    }
}
