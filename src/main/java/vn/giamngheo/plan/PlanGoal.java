package vn.giamngheo.plan;

import java.math.BigDecimal;

/**
 * A multi-year goal of a unit for a programme period (see {@link vn.giamngheo.plan.rules.GoalTrajectory});
 * {@code populationGroup}: the code of the {@link vn.giamngheo.population.PopulationGroup} whose own rate it aims at
 * ({@code all}: every household).
 */
public record PlanGoal(long id, long unitId, String unitCode, String unitName, String provinceCode, String periodCode,
                       int yearFrom, int yearTo, int startYear, BigDecimal startRate, BigDecimal yearlyPoints,
                       BigDecimal targetEndRate, String note, int version, String populationGroup) {

    /** The goal's population group. */
    public vn.giamngheo.population.PopulationGroup group() {
        return vn.giamngheo.population.PopulationGroup.parse(populationGroup);
    }

    public vn.giamngheo.plan.rules.GoalTrajectory.Goal goal() {
        return new vn.giamngheo.plan.rules.GoalTrajectory.Goal(startYear, startRate, yearlyPoints, yearTo, targetEndRate);
    }

    public BigDecimal periodPoints() {
        return startRate.subtract(targetEndRate);
    }
}
