package vn.giamngheo.plan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.plan.rules.GoalTrajectory.Actual;
import vn.giamngheo.plan.rules.GoalTrajectory.Goal;
import vn.giamngheo.plan.rules.PlanTracking.Mark;

/** Multi-year goals: the trajectory of the rate and each year's mark (ratios 0.95 / 0.75). */
class GoalTrajectoryTest {

    static final BigDecimal ON = new BigDecimal("0.95");
    static final BigDecimal RISK = new BigDecimal("0.75");
    /** 2021–2025 from 10 % at the end of 2021, down 3 points a year, to 2 % at the end of 2025. */
    static final Goal GOAL = new Goal(2021, new BigDecimal("10.00"), new BigDecimal("3"), 2025, new BigDecimal("2.00"));

    @ParameterizedTest(name = "goal for {0} is {1} %")
    @CsvSource({"2020, 10.00", "2021, 10.00", "2022, 7.00", "2023, 4.00", "2024, 2.00", "2025, 2.00"})
    void trajectoryStopsAtTheEndRate(int year, BigDecimal rate) {
        assertThat(GOAL.rateFor(year)).isEqualByComparingTo(rate);
    }

    @ParameterizedTest(name = "{0}: {1} poor of 10,000 at the end of 2022 -> {2}")
    @CsvSource({
            "'at the goal',                                   700, ON_TRACK",
            "'below the goal',                                600, ON_TRACK",
            "'achieved 2.85 = 0.95 × 3 points',               715, ON_TRACK",
            "'achieved 2.84 points',                          716, AT_RISK",
            "'achieved 2.25 = 0.75 × 3 points',               775, AT_RISK",
            "'achieved 2.24 points',                          776, OFF_TRACK",
            "'the rate went up',                              1100, OFF_TRACK",
    })
    void yearMarks(String rule, long poor, Mark mark) {
        List<GoalTrajectory.Year> years = GoalTrajectory.progress(GOAL, Map.of(2022, new Actual(poor, 10_000)), ON, RISK);
        GoalTrajectory.Year y2022 = years.get(1);
        assertThat(y2022.year()).isEqualTo(2022);
        assertThat(y2022.mark()).as(rule).isEqualTo(mark);
        assertThat(y2022.achievedPoints()).isEqualByComparingTo(new BigDecimal("10.00").subtract(new Actual(poor, 10_000).rate()));
    }

    @Test
    void startYearNeedsNoReductionAndMissingYearsHaveNoMark() {
        List<GoalTrajectory.Year> years = GoalTrajectory.progress(GOAL,
                Map.of(2021, new Actual(1000, 10_000), 2023, new Actual(1001, 10_000)), ON, RISK);
        assertThat(years).extracting(GoalTrajectory.Year::year).containsExactly(2021, 2022, 2023, 2024, 2025);
        assertThat(years.get(0).mark()).isEqualTo(Mark.ON_TRACK);
        assertThat(years.get(1).mark()).isNull();
        assertThat(years.get(1).actualRate()).isNull();
        assertThat(years.get(2).mark()).isEqualTo(Mark.OFF_TRACK);
        assertThat(GoalTrajectory.progress(GOAL, Map.of(2021, new Actual(1001, 10_000)), ON, RISK).get(0).mark())
                .isEqualTo(Mark.OFF_TRACK);
        assertThat(GOAL.periodPoints()).isEqualByComparingTo("8.00");
    }

    @Test
    void comparesTheExactRateNotTheRoundedOne() {
        // 2 of 3 = 66.666… %; goal 66.67 from 70: achieved 3.333… ≥ 0.95 × 3.33, but a start of 66.67 needs nothing
        Goal g = new Goal(2021, new BigDecimal("66.67"), new BigDecimal("1"), 2022, new BigDecimal("0"));
        // achieved 66.67 − 66.666… = 0.00333… ≥ 0 on the start year
        assertThat(GoalTrajectory.progress(g, Map.of(2021, new Actual(2, 3)), ON, RISK).get(0).mark()).isEqualTo(Mark.ON_TRACK);
        Goal h = new Goal(2021, new BigDecimal("66.66"), new BigDecimal("1"), 2022, new BigDecimal("0"));
        // 66.666… is above 66.66 although it prints 66.67: the rate went up
        assertThat(GoalTrajectory.progress(h, Map.of(2021, new Actual(2, 3)), ON, RISK).get(0).mark()).isEqualTo(Mark.OFF_TRACK);
    }

    @Test
    void refusesImpossibleGoals() {
        assertThatThrownBy(() -> new Goal(2025, BigDecimal.TEN, BigDecimal.ONE, 2025, BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Goal(2021, BigDecimal.TEN, BigDecimal.ZERO, 2025, BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Goal(2021, BigDecimal.ONE, BigDecimal.ONE, 2025, BigDecimal.TEN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Actual(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Actual(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
