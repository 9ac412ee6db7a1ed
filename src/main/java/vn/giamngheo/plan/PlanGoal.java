package vn.giamngheo.plan;

import java.math.BigDecimal;

/**
 * A multi-year goal of a unit for a programme period (see {@link vn.giamngheo.plan.rules.GoalTrajectory});
 * {@code populationGroup}: the code of the {@link vn.giamngheo.population.PopulationGroup} whose own rate it aims at
 * ({@code all}: every household). {@code goalKind}: {@code unit_rate} (the unit's own rate, every goal before V53),
 * {@code each_unit} (every commune of the unit holding {@code areaClass} falls by the points a year on its own: no
 * start or end rate) or {@code class_ceiling} (the rate over the households of the holders of {@code areaClass}
 * falls from the start rate to below {@code targetEndRate} by the period's last year); {@code areaClass}: one or
 * several codes of the area-class catalogue, comma-separated (null for {@code unit_rate}).
 */
public record PlanGoal(long id, long unitId, String unitCode, String unitName, String provinceCode, String periodCode,
                       int yearFrom, int yearTo, int startYear, BigDecimal startRate, BigDecimal yearlyPoints,
                       BigDecimal targetEndRate, String note, int version, String populationGroup, String goalKind,
                       String areaClass) {

    public static final String UNIT_RATE = "unit_rate";
    public static final String EACH_UNIT = "each_unit";
    public static final String CLASS_CEILING = "class_ceiling";

    /** The area-class codes of the goal (empty for a unit's own rate). */
    public java.util.List<String> classes() {
        return areaClass == null ? java.util.List.of() : java.util.List.of(areaClass.split(","));
    }

    /** Whether the goal is set on area classes. */
    public boolean byClass() {
        return !UNIT_RATE.equals(goalKind);
    }

    /** The goal's population group. */
    public vn.giamngheo.population.PopulationGroup group() {
        return vn.giamngheo.population.PopulationGroup.parse(populationGroup);
    }

    public vn.giamngheo.plan.rules.GoalTrajectory.Goal goal() {
        return new vn.giamngheo.plan.rules.GoalTrajectory.Goal(startYear, startRate, yearlyPoints, yearTo, targetEndRate);
    }

    public BigDecimal periodPoints() {
        return startRate == null || targetEndRate == null ? null : startRate.subtract(targetEndRate);
    }
}
