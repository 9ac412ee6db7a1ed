package vn.giamngheo.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.plan.rules.GoalTrajectory;
import vn.giamngheo.population.PopulationGroup;
import vn.giamngheo.population.UnknownPopulationGroupException;
import vn.giamngheo.report.UnitRates;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.setting.Parameters;

/**
 * Multi-year goals per unit and programme period (periods are rows of plan_period), and their yearly progress:
 * the actual rate at the end of each year from the decided lists, counted and placed as the reports do
 * ({@link UnitRates}) on the units of each year or today's, against the goal's trajectory.
 */
@Service
public class PlanGoals {

    /** A programme period. */
    public record Period(String code, int yearFrom, int yearTo, String legalBasis, String confidence) {
    }

    /** The progress of a goal on a map: each year with the counts behind its actual rate. */
    public record Progress(PlanGoal goal, String boundaries, List<GoalTrajectory.Year> years, List<UnitRates.YearEnd> yearEnds) {
    }

    private static final String SELECT = """
            SELECT g.*, u.code AS unit_code, u.full_name AS unit_name, pp.year_from, pp.year_to
            FROM plan_goal g JOIN admin_unit u ON u.id = g.unit_id JOIN plan_period pp ON pp.code = g.period_code
            """;

    private final JdbcClient jdbc;
    private final PlanUnits units;
    private final UnitRates rates;
    private final Parameters parameters;

    PlanGoals(JdbcClient jdbc, PlanUnits units, UnitRates rates, Parameters parameters) {
        this.jdbc = jdbc;
        this.units = units;
        this.rates = rates;
        this.parameters = parameters;
    }

    public List<Period> periods() {
        return jdbc.sql("SELECT code, year_from, year_to, legal_basis, confidence FROM plan_period ORDER BY year_from")
                .query((rs, n) -> new Period(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5))).list();
    }

    /** The goals of the user's area, higher levels first. */
    public List<PlanGoal> list(CurrentUser user) {
        AreaFilter area = AreaFilter.of(user.scope());
        return area.bind(jdbc.sql(SELECT + " WHERE " + area.on("u")
                        + " ORDER BY pp.year_from, length(u.path), u.code, g.population_group <> 'all', g.population_group"))
                .query(PlanGoals::map).list();
    }

    public PlanGoal get(long id, CurrentUser user) {
        PlanGoal g = jdbc.sql(SELECT + " WHERE g.id = :id").param("id", id).query(PlanGoals::map).optional()
                .orElseThrow(() -> new PlanNotFoundException("no goal " + id));
        units.visible(g.unitId(), user);
        return g;
    }

    /**
     * Sets the goal of a unit for a period (a second call replaces it). {@code startRate} null: the actual rate at
     * the end of the start year from the decided lists (today's units).
     */
    @Transactional
    public PlanGoal set(long unitId, String periodCode, int startYear, BigDecimal startRate, BigDecimal yearlyPoints,
                        BigDecimal targetEndRate, String note, CurrentUser user) {
        return set(unitId, periodCode, null, startYear, startRate, yearlyPoints, targetEndRate, note, user);
    }

    /**
     * Sets the goal of a unit for a period and a population group ({@code group}: its code; blank = every household),
     * the group's own rate: a unit may hold one goal per period and group. {@code startRate} null: the group's
     * actual rate at the end of the start year.
     */
    @Transactional
    public PlanGoal set(long unitId, String periodCode, String group, int startYear, BigDecimal startRate,
                        BigDecimal yearlyPoints, BigDecimal targetEndRate, String note, CurrentUser user) {
        PopulationGroup populationGroup;
        try {
            populationGroup = PopulationGroup.parse(group);
        } catch (UnknownPopulationGroupException e) {
            throw new InvalidPlanException(PlanProblem.of("group", "plan.goal.error.group", String.valueOf(group)));
        }
        PlanUnits.Unit unit = units.editable(unitId, user);
        Period period = periods().stream().filter(p -> p.code().equals(periodCode)).findFirst().orElseThrow(
                () -> new InvalidPlanException(PlanProblem.of("period", "plan.goal.error.period", String.valueOf(periodCode))));
        List<PlanProblem> problems = new ArrayList<>();
        if (startYear < period.yearFrom() - 1 || startYear >= period.yearTo()) {
            problems.add(PlanProblem.of("startYear", "plan.goal.error.start-year", String.valueOf(startYear),
                    String.valueOf(period.yearFrom() - 1), String.valueOf(period.yearTo() - 1)));
        }
        BigDecimal start = startRate;
        if (start == null && problems.isEmpty()) {
            UnitRates.YearEnd end = rates.yearEnds(unitId, startYear, startYear, "today", populationGroup, user).get(0);
            if (end.rate() == null) {
                problems.add(PlanProblem.of("startRate", "plan.goal.error.no-start-rate", unit.name(), String.valueOf(startYear)));
            } else {
                start = BigDecimal.valueOf(end.poor() * 100L).divide(BigDecimal.valueOf(end.households()), 2, RoundingMode.HALF_UP);
            }
        }
        checkRate(problems, "startRate", start);
        checkRate(problems, "targetEndRate", targetEndRate);
        if (yearlyPoints == null || yearlyPoints.signum() <= 0 || yearlyPoints.compareTo(BigDecimal.valueOf(100)) > 0
                || yearlyPoints.stripTrailingZeros().scale() > 2) {
            problems.add(PlanProblem.of("yearlyPoints", "plan.goal.error.points", String.valueOf(yearlyPoints)));
        }
        if (start != null && targetEndRate != null && targetEndRate.compareTo(start) > 0) {
            problems.add(PlanProblem.of("targetEndRate", "plan.goal.error.end-above-start", targetEndRate.toPlainString(),
                    start.toPlainString()));
        }
        if (note != null && note.length() > 2000) {
            problems.add(PlanProblem.of("note", "plan.error.reason-long"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        long id = jdbc.sql("""
                        INSERT INTO plan_goal (province_code, unit_id, period_code, start_year, start_rate, yearly_points,
                            target_end_rate, note, created_by, updated_by, population_group)
                        VALUES (:pc, :u, :p, :sy, :sr, :yp, :er, :n, :by, :by, :g)
                        ON CONFLICT (unit_id, period_code, population_group) WHERE goal_kind = 'unit_rate' DO UPDATE
                            SET start_year = EXCLUDED.start_year, start_rate = EXCLUDED.start_rate,
                                yearly_points = EXCLUDED.yearly_points, target_end_rate = EXCLUDED.target_end_rate,
                                note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = now(),
                                version = plan_goal.version + 1
                        RETURNING id""")
                .param("pc", unit.provinceCode()).param("u", unitId).param("p", periodCode).param("sy", startYear)
                .param("sr", start).param("yp", yearlyPoints).param("er", targetEndRate)
                .param("n", note == null || note.isBlank() ? null : note.strip()).param("by", user.getUsername())
                .param("g", populationGroup.code())
                .query(Long.class).single();
        return get(id, user);
    }

    /** The goal's years with their actual rates on the chosen map ({@code own} or {@code today}). */
    public Progress progress(long goalId, String boundaries, CurrentUser user) {
        PlanGoal g = get(goalId, user);
        if (g.byClass()) {
            throw new InvalidPlanException(PlanProblem.of("id", "plan.class-goal.error.not-unit-rate", String.valueOf(goalId)));
        }
        String b = boundaries == null || boundaries.isBlank() ? "today" : boundaries.strip().toLowerCase(java.util.Locale.ROOT);
        if (!UnitRates.validBoundaries(b)) {
            throw new InvalidPlanException(PlanProblem.of("boundaries", "plan.goal.error.boundaries", String.valueOf(boundaries)));
        }
        List<UnitRates.YearEnd> ends;
        try {
            ends = rates.yearEnds(g.unitId(), g.startYear(), g.yearTo(), b, g.group(), user);
        } catch (NoSuchElementException e) {
            throw new PlanNotFoundException(e.getMessage());
        }
        Map<Integer, GoalTrajectory.Actual> actuals = new HashMap<>();
        for (UnitRates.YearEnd e : ends) {
            if (e.households() != null && e.households() > 0) {
                actuals.put(e.year(), new GoalTrajectory.Actual(e.poor(), e.households()));
            }
        }
        List<GoalTrajectory.Year> years = GoalTrajectory.progress(g.goal(), actuals,
                parameters.decimalValue(PlanService.ON_TRACK), parameters.decimalValue(PlanService.AT_RISK));
        return new Progress(g, b, years, ends);
    }

    private static void checkRate(List<PlanProblem> problems, String field, BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0 || rate.stripTrailingZeros().scale() > 2) {
            problems.add(PlanProblem.of(field, "plan.goal.error.rate", String.valueOf(rate)));
        }
    }

    static PlanGoal map(ResultSet rs, int n) throws SQLException {
        return new PlanGoal(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_code"), rs.getString("unit_name"),
                rs.getString("province_code"), rs.getString("period_code"), rs.getInt("year_from"), rs.getInt("year_to"),
                rs.getInt("start_year"), rs.getBigDecimal("start_rate"), rs.getBigDecimal("yearly_points"),
                rs.getBigDecimal("target_end_rate"), rs.getString("note"), rs.getInt("version"),
                rs.getString("population_group"), rs.getString("goal_kind"), rs.getString("area_class"));
    }
}
