package vn.giamngheo.plan;

import java.math.BigDecimal;

/** A multi-year goal of a unit for a programme period (see {@link vn.giamngheo.plan.rules.GoalTrajectory}). */
public record PlanGoal(long id, long unitId, String unitCode, String unitName, String provinceCode, String periodCode,
                       int yearFrom, int yearTo, int startYear, BigDecimal startRate, BigDecimal yearlyPoints,
                       BigDecimal targetEndRate, String note, int version) {

    public vn.giamngheo.plan.rules.GoalTrajectory.Goal goal() {
        return new vn.giamngheo.plan.rules.GoalTrajectory.Goal(startYear, startRate, yearlyPoints, yearTo, targetEndRate);
    }

    public BigDecimal periodPoints() {
        return startRate.subtract(targetEndRate);
    }
}
