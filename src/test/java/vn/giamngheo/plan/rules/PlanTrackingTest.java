package vn.giamngheo.plan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.plan.rules.PlanTracking.Mark;
import vn.giamngheo.plan.rules.PlanTracking.Progress;

class PlanTrackingTest {

    static final BigDecimal ON = new BigDecimal("0.95");
    static final BigDecimal RISK = new BigDecimal("0.75");

    @ParameterizedTest(name = "target {0}, achieved {1} on {2}: projected {3}, {4}")
    @CsvSource({
            // at year end the projection is the achievement
            "100, 95, 2026-12-31, 95, ON_TRACK",
            "100, 94, 2026-12-31, 94, AT_RISK",
            "100, 75, 2026-12-31, 75, AT_RISK",
            "100, 74, 2026-12-31, 74, OFF_TRACK",
            "100, 130, 2026-12-31, 130, ON_TRACK",
            // after the year: as at year end
            "100, 74, 2027-03-01, 74, OFF_TRACK",
            // half of the leap year 2028 (183 of 366 days): projection twice the achievement
            "100, 48, 2028-07-01, 96, ON_TRACK",
            "100, 47, 2028-07-01, 94, AT_RISK",
            "100, 38, 2028-07-01, 76, AT_RISK",
            "100, 37, 2028-07-01, 74, OFF_TRACK",
            // exact thresholds without rounding: 9.5 and 7.5 of a target of 10
            "10, 5, 2028-07-01, 10, ON_TRACK",
            "10, 4, 2028-07-01, 8, AT_RISK",
            "10, 3, 2028-07-01, 6, OFF_TRACK",
            // a day before the year: one day elapsed
            "10, 1, 2027-12-31, 366, ON_TRACK",
            "10, 0, 2028-01-01, 0, OFF_TRACK",
            // target 0: on track unless the poor increased
            "0, 0, 2026-06-01, 0, ON_TRACK",
            "0, -1, 2026-12-31, -1, OFF_TRACK",
            // the poor increased
            "10, -2, 2026-12-31, -2, OFF_TRACK",
    })
    void marks(long target, long achieved, LocalDate asOf, long projected, Mark mark) {
        int year = asOf.getYear() == 2027 ? (asOf.getMonthValue() == 12 ? 2028 : 2026) : asOf.getYear();
        Progress p = PlanTracking.assess(target, achieved, year, asOf, ON, RISK);
        assertThat(p.projected()).isEqualTo(projected);
        assertThat(p.mark()).isEqualTo(mark);
    }

    @Test
    void exactRatioOnTheLineIsOnTrack() {
        // 19 of 20 = 0.95 exactly at year end
        assertThat(PlanTracking.assess(20, 19, 2026, LocalDate.of(2026, 12, 31), ON, RISK).mark()).isEqualTo(Mark.ON_TRACK);
        assertThat(PlanTracking.assess(20, 15, 2026, LocalDate.of(2026, 12, 31), ON, RISK).mark()).isEqualTo(Mark.AT_RISK);
        assertThat(PlanTracking.assess(20, 14, 2026, LocalDate.of(2026, 12, 31), ON, RISK).mark()).isEqualTo(Mark.OFF_TRACK);
    }

    @Test
    void refusesNegativeTargetAndCrossedThresholds() {
        assertThatThrownBy(() -> PlanTracking.assess(-1, 0, 2026, LocalDate.of(2026, 5, 1), ON, RISK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlanTracking.assess(1, 0, 2026, LocalDate.of(2026, 5, 1), RISK, ON))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
