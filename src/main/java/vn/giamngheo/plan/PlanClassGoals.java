package vn.giamngheo.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.areaclass.AreaClass;
import vn.giamngheo.areaclass.AreaClasses;
import vn.giamngheo.plan.rules.ClassGoalRules;
import vn.giamngheo.plan.rules.GoalTrajectory;
import vn.giamngheo.population.PopulationGroup;
import vn.giamngheo.population.UnknownPopulationGroupException;
import vn.giamngheo.report.ClassRates;
import vn.giamngheo.report.UnitRates;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.setting.Parameters;

/**
 * Goals set on area classes (issue 23 point 3), beside the units' own goals of {@link PlanGoals} in the same table:
 * <ul>
 * <li>{@code each_unit} — "each poor commune −3 points a year": every commune under the goal's unit holding the
 * class(es) on each year's 31 December (through {@code AreaClasses}, so the merged-commune rule applies), its rate at
 * the end of the year before and of the year on that year's map, its fall, met / not met / not yet measurable, and
 * "k of n communes on track" ({@link ClassGoalRules});</li>
 * <li>{@code class_ceiling} — "below 10 % in the region by 2030": the rate over the households of the holders of the
 * class(es) each year against the straight trajectory from the start year's rate to the ceiling in the period's
 * last year.</li>
 * </ul>
 * Both take a population group (the group's own rate). Figures come from {@link ClassRates} and {@link UnitRates}
 * (the reports' counting); every change of {@code plan_goal} is audited by its trigger.
 */
@Service
public class PlanClassGoals {

    /** A commune's line in a year of an each-unit goal. */
    public record CommuneLine(long unitId, String code, String name, ClassGoalRules.Counts before,
                              ClassGoalRules.Counts after, ClassGoalRules.Fall fall) {
    }

    /** A year of an each-unit goal: the holding communes, and how many are on track. */
    public record EachUnitYear(int year, boolean ended, List<CommuneLine> communes, ClassGoalRules.Tally tally) {
    }

    /** A year of a ceiling goal: the class's households and poor, and the check against the trajectory. */
    public record CeilingYear(int year, boolean ended, ClassGoalRules.Counts actual, ClassGoalRules.Ceiling check) {
    }

    /** The tracking of a class goal: {@code eachUnit} for each_unit goals, {@code ceiling} for class_ceiling goals. */
    public record Tracking(PlanGoal goal, List<AreaClass> classes, List<EachUnitYear> eachUnit, List<CeilingYear> ceiling) {
    }

    private final JdbcClient jdbc;
    private final PlanGoals goals;
    private final PlanUnits units;
    private final AreaClasses areaClasses;
    private final ClassRates classRates;
    private final UnitRates unitRates;
    private final Parameters parameters;

    PlanClassGoals(JdbcClient jdbc, PlanGoals goals, PlanUnits units, AreaClasses areaClasses, ClassRates classRates,
                   UnitRates unitRates, Parameters parameters) {
        this.jdbc = jdbc;
        this.goals = goals;
        this.units = units;
        this.areaClasses = areaClasses;
        this.classRates = classRates;
        this.unitRates = unitRates;
        this.parameters = parameters;
    }

    /** What a class goal is set with. {@code startRate} null: the class's actual rate at the end of the start year. */
    public record Input(String kind, List<String> classes, String group, int startYear, BigDecimal startRate,
                        BigDecimal yearlyPoints, BigDecimal ceiling, String note) {
    }

    /** Sets a new class goal on a unit for a period; refused when the unit already holds one of that kind, classes and group. */
    @Transactional
    public PlanGoal set(long unitId, String periodCode, Input in, CurrentUser user) {
        PlanUnits.Unit unit = units.editable(unitId, user);
        PlanGoals.Period period = goals.periods().stream().filter(p -> p.code().equals(periodCode)).findFirst().orElseThrow(
                () -> new InvalidPlanException(PlanProblem.of("period", "plan.goal.error.period", String.valueOf(periodCode))));
        Checked c = check(unit, period, in, user);
        boolean exists = jdbc.sql("""
                        SELECT count(*) > 0 FROM plan_goal WHERE unit_id = :u AND period_code = :p AND population_group = :g
                           AND goal_kind = :k AND area_class = :c""")
                .param("u", unitId).param("p", periodCode).param("g", c.group().code()).param("k", in.kind())
                .param("c", c.classCodes()).query(Boolean.class).single();
        if (exists) {
            throw new InvalidPlanException(PlanProblem.of("kind", "plan.class-goal.error.exists", unit.name()));
        }
        long id = jdbc.sql("""
                        INSERT INTO plan_goal (province_code, unit_id, period_code, start_year, start_rate, yearly_points,
                            target_end_rate, note, created_by, updated_by, population_group, goal_kind, area_class)
                        VALUES (:pc, :u, :p, :sy, :sr, :yp, :er, :n, :by, :by, :g, :k, :c)
                        RETURNING id""")
                .param("pc", unit.provinceCode()).param("u", unitId).param("p", periodCode).param("sy", in.startYear())
                .param("sr", c.startRate()).param("yp", c.yearlyPoints()).param("er", c.ceiling())
                .param("n", note(in.note())).param("by", user.getUsername()).param("g", c.group().code())
                .param("k", in.kind()).param("c", c.classCodes())
                .query(Long.class).single();
        return goals.get(id, user);
    }

    /**
     * Changes a class goal read at {@code version} (its start year, start rate, points a year or ceiling, note);
     * the kind, classes, group, unit and period stay. Refused when someone changed it meanwhile.
     */
    @Transactional
    public PlanGoal edit(long id, Integer version, Input in, CurrentUser user) {
        PlanGoal g = goals.get(id, user);
        if (!g.byClass()) {
            throw new InvalidPlanException(PlanProblem.of("id", "plan.class-goal.error.not-class", String.valueOf(id)));
        }
        PlanUnits.Unit unit = units.editable(g.unitId(), user);
        if (version == null) {
            throw new InvalidPlanException(PlanProblem.of("version", "plan.error.version-required"));
        }
        if (version != g.version()) {
            throw new InvalidPlanException(PlanProblem.of("version", "plan.class-goal.error.stale", unit.name(),
                    String.valueOf(g.version())));
        }
        PlanGoals.Period period = goals.periods().stream().filter(p -> p.code().equals(g.periodCode())).findFirst().orElseThrow();
        Checked c = check(unit, period, new Input(g.goalKind(), g.classes(), g.populationGroup(), in.startYear(), in.startRate(),
                in.yearlyPoints(), in.ceiling(), in.note()), user);
        int changed = jdbc.sql("""
                        UPDATE plan_goal SET start_year = :sy, start_rate = :sr, yearly_points = :yp, target_end_rate = :er,
                            note = :n, updated_by = :by, updated_at = now(), version = version + 1
                        WHERE id = :id AND version = :v""")
                .param("sy", in.startYear()).param("sr", c.startRate()).param("yp", c.yearlyPoints()).param("er", c.ceiling())
                .param("n", note(in.note())).param("by", user.getUsername()).param("id", id).param("v", version).update();
        if (changed == 0) {
            throw new InvalidPlanException(PlanProblem.of("version", "plan.class-goal.error.stale", unit.name(),
                    String.valueOf(version + 1)));
        }
        return goals.get(id, user);
    }

    private record Checked(PopulationGroup group, String classCodes, BigDecimal startRate, BigDecimal yearlyPoints,
                           BigDecimal ceiling) {
    }

    private Checked check(PlanUnits.Unit unit, PlanGoals.Period period, Input in, CurrentUser user) {
        List<PlanProblem> problems = new ArrayList<>();
        PopulationGroup group = PopulationGroup.ALL;
        try {
            group = PopulationGroup.parse(in.group());
        } catch (UnknownPopulationGroupException e) {
            problems.add(PlanProblem.of("group", "plan.goal.error.group", String.valueOf(in.group())));
        }
        String kind = in.kind();
        if (!PlanGoal.EACH_UNIT.equals(kind) && !PlanGoal.CLASS_CEILING.equals(kind)) {
            throw new InvalidPlanException(PlanProblem.of("kind", "plan.class-goal.error.kind", String.valueOf(kind)));
        }
        Set<String> asked = new LinkedHashSet<>();
        if (in.classes() != null) {
            in.classes().stream().filter(c -> c != null && !c.isBlank()).map(String::strip).forEach(asked::add);
        }
        List<String> codes = new ArrayList<>();
        for (AreaClass c : areaClasses.catalogue()) {
            if (asked.remove(c.code())) {
                codes.add(c.code());
                if (PlanGoal.EACH_UNIT.equals(kind) && !c.appliesToLevel(AreaClass.COMMUNE)) {
                    problems.add(PlanProblem.of("classes", "plan.class-goal.error.not-commune-class", c.code()));
                }
            }
        }
        asked.forEach(a -> problems.add(PlanProblem.of("classes", "plan.class-goal.error.class", a)));
        if (codes.isEmpty() && asked.isEmpty()) {
            problems.add(PlanProblem.of("classes", "plan.class-goal.error.no-class"));
        }
        if (in.startYear() < period.yearFrom() - 1 || in.startYear() >= period.yearTo()) {
            problems.add(PlanProblem.of("startYear", "plan.goal.error.start-year", String.valueOf(in.startYear()),
                    String.valueOf(period.yearFrom() - 1), String.valueOf(period.yearTo() - 1)));
        }
        if (in.note() != null && in.note().length() > 2000) {
            problems.add(PlanProblem.of("note", "plan.error.reason-long"));
        }
        BigDecimal start = null;
        BigDecimal points = in.yearlyPoints();
        BigDecimal ceiling = null;
        if (PlanGoal.EACH_UNIT.equals(kind)) {
            if (points == null || points.signum() <= 0 || points.compareTo(BigDecimal.valueOf(100)) > 0
                    || points.stripTrailingZeros().scale() > 2) {
                problems.add(PlanProblem.of("yearlyPoints", "plan.goal.error.points", String.valueOf(points)));
            }
        } else {
            ceiling = in.ceiling();
            if (!validRate(ceiling)) {
                problems.add(PlanProblem.of("ceiling", "plan.goal.error.rate", String.valueOf(ceiling)));
            }
            start = in.startRate();
            if (start == null && problems.isEmpty()) {
                ClassRates.ClassYear y = classRates.years(unit.id(), codes, in.startYear(), in.startYear(), group, false, user).get(0);
                if (y.households() == null) {
                    problems.add(PlanProblem.of("startRate", "plan.class-goal.error.no-start-rate", unit.name(),
                            String.valueOf(in.startYear())));
                } else {
                    start = BigDecimal.valueOf(y.poor() * 100L).divide(BigDecimal.valueOf(y.households()), 2, RoundingMode.HALF_UP);
                }
            } else if (start != null && !validRate(start)) {
                problems.add(PlanProblem.of("startRate", "plan.goal.error.rate", String.valueOf(start)));
            }
            if (problems.isEmpty()) {
                // the points a year the straight trajectory asks for (kept for the list; at least 0.01 when already below)
                BigDecimal perYear = start.subtract(ceiling).divide(BigDecimal.valueOf(period.yearTo() - in.startYear()), 2,
                        RoundingMode.UP);
                points = perYear.max(new BigDecimal("0.01"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        return new Checked(group, String.join(",", codes), start, points, ceiling);
    }

    /** The tracking of a class goal year by year, from the year after the start year to the period's last. */
    public Tracking track(long id, CurrentUser user) {
        PlanGoal g = goals.get(id, user);
        if (!g.byClass()) {
            throw new InvalidPlanException(PlanProblem.of("id", "plan.class-goal.error.not-class", String.valueOf(id)));
        }
        List<AreaClass> classes = g.classes().stream().map(c -> areaClasses.find(c).orElseThrow()).toList();
        List<ClassRates.ClassYear> years;
        try {
            years = classRates.years(g.unitId(), g.classes(), g.startYear(), g.yearTo(), g.group(),
                    PlanGoal.EACH_UNIT.equals(g.goalKind()), user);
        } catch (NoSuchElementException e) {
            throw new PlanNotFoundException(e.getMessage());
        }
        if (PlanGoal.EACH_UNIT.equals(g.goalKind())) {
            List<EachUnitYear> out = new ArrayList<>();
            for (ClassRates.ClassYear y : years.subList(1, years.size())) {
                List<CommuneLine> lines = y.communes().stream().map(h -> {
                    ClassGoalRules.Counts before = ClassGoalRules.Counts.of(h.poorBefore(), h.householdsBefore());
                    ClassGoalRules.Counts after = ClassGoalRules.Counts.of(h.poor(), h.households());
                    return new CommuneLine(h.unitId(), h.code(), h.name(), before, after,
                            ClassGoalRules.fall(before, after, g.yearlyPoints()));
                }).toList();
                out.add(new EachUnitYear(y.year(), y.ended(), lines,
                        ClassGoalRules.Tally.of(lines.stream().map(l -> l.fall().outcome()).toList())));
            }
            return new Tracking(g, classes, out, List.of());
        }
        List<CeilingYear> out = new ArrayList<>();
        for (ClassRates.ClassYear y : years) {
            ClassGoalRules.Counts actual = ClassGoalRules.Counts.of(y.poor(), y.households());
            out.add(new CeilingYear(y.year(), y.ended(), actual, ClassGoalRules.ceiling(g.startYear(), g.startRate(), g.yearTo(),
                    g.targetEndRate(), y.year(), actual)));
        }
        return new Tracking(g, classes, List.of(), out);
    }

    /**
     * One commune's own trajectory under an each-unit goal: its rate at each year end on today's map from the goal's
     * start year, against its start rate falling by the goal's points a year (to no lower than 0).
     */
    public PlanGoals.Progress commune(long id, long communeId, CurrentUser user) {
        PlanGoal g = goals.get(id, user);
        if (!PlanGoal.EACH_UNIT.equals(g.goalKind())) {
            throw new InvalidPlanException(PlanProblem.of("id", "plan.class-goal.error.not-each-unit", String.valueOf(id)));
        }
        PlanUnits.Unit commune = units.visible(communeId, user);
        if (!"commune".equals(commune.level()) || !commune.path().startsWith(units.visible(g.unitId(), user).path())) {
            throw new PlanNotFoundException("no commune " + communeId + " under the goal's unit");
        }
        List<UnitRates.YearEnd> ends;
        try {
            ends = unitRates.yearEnds(communeId, g.startYear(), g.yearTo(), "today", g.group(), user);
        } catch (NoSuchElementException e) {
            throw new PlanNotFoundException(e.getMessage());
        }
        Map<Integer, GoalTrajectory.Actual> actuals = new HashMap<>();
        for (UnitRates.YearEnd e : ends) {
            if (e.households() != null && e.households() > 0) {
                actuals.put(e.year(), new GoalTrajectory.Actual(e.poor(), e.households()));
            }
        }
        GoalTrajectory.Actual start = actuals.get(g.startYear());
        PlanGoal own = new PlanGoal(g.id(), communeId, commune.code(), commune.name(), g.provinceCode(), g.periodCode(),
                g.yearFrom(), g.yearTo(), g.startYear(), start == null ? null : start.rate(), g.yearlyPoints(),
                start == null ? null : BigDecimal.ZERO, g.note(), g.version(), g.populationGroup(), g.goalKind(), g.areaClass());
        if (start == null) {
            List<GoalTrajectory.Year> years = new ArrayList<>();
            for (int y = g.startYear(); y <= g.yearTo(); y++) {
                GoalTrajectory.Actual a = actuals.get(y);
                years.add(new GoalTrajectory.Year(y, null, a, null, null));
            }
            return new PlanGoals.Progress(own, "today", years, ends);
        }
        List<GoalTrajectory.Year> years = GoalTrajectory.progress(own.goal(), actuals,
                parameters.decimalValue(PlanService.ON_TRACK), parameters.decimalValue(PlanService.AT_RISK));
        return new PlanGoals.Progress(own, "today", years, ends);
    }

    private static boolean validRate(BigDecimal rate) {
        return rate != null && rate.signum() >= 0 && rate.compareTo(BigDecimal.valueOf(100)) <= 0
                && rate.stripTrailingZeros().scale() <= 2;
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
