package vn.giamngheo.plan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.giamngheo.plan.rules.CoverageTracking.Share;
import vn.giamngheo.plan.rules.PlanTracking.Mark;

/** Coverage targets: the share not deprived, projected to year end, marked against the target (ratios 0.95 / 0.75). */
class CoverageTrackingTest {

    static final BigDecimal ON = new BigDecimal("0.95");
    static final BigDecimal RISK = new BigDecimal("0.75");

    @ParameterizedTest(name = "{0}: {1}/{2} -> {3}/{4} by {5}, target {6} % -> {7} % {8}")
    @CsvSource({
            // rule,                                   b, bt, c, ct, as of,      target, projected, mark
            "'year end, exactly at the target',          5, 10, 8, 10, 2026-12-31, 80,     80.00,  ON_TRACK",
            "'year end, two thirds of the gain',         5, 10, 7, 10, 2026-12-31, 80,     70.00,  OFF_TRACK",
            "'gain exactly 0.75 of the way is at risk',  0, 20, 15, 20, 2026-12-31, 100,   75.00,  AT_RISK",
            "'gain exactly 0.95 of the way is on track', 0, 20, 19, 20, 2026-12-31, 100,   95.00,  ON_TRACK",
            "'gain just below 0.75 is off track',        0, 100, 74, 100, 2026-12-31, 100, 74.00,  OFF_TRACK",
            "'gain just below 0.95 is at risk',          0, 100, 94, 100, 2026-12-31, 100, 94.00,  AT_RISK",
            "'half way at day 183 projects 99.73 %',     0, 10, 5, 10, 2026-07-02, 100,    99.73,  ON_TRACK",
            "'projection is clamped to 100 %',           0, 10, 8, 10, 2026-07-02, 100,    100.00, ON_TRACK",
            "'met at the start and still met',           9, 10, 8, 10, 2026-12-31, 80,     80.00,  ON_TRACK",
            "'met at the start, still met, falling',     9, 10, 8, 10, 2026-07-02, 80,     70.05,  AT_RISK",
            "'met at the start, now below',              9, 10, 7, 10, 2026-12-31, 80,     70.00,  OFF_TRACK",
            "'an empty group is fully covered',          0, 0, 0, 0, 2026-03-01, 100,      100.00, ON_TRACK",
            "'no change on day 1 is off track',          3, 10, 3, 10, 2026-01-01, 80,     30.00,  OFF_TRACK",
            "'before the year counts as day 1',          3, 10, 4, 10, 2025-11-01, 80,     100.00, ON_TRACK",
            "'after the year the share itself counts',   3, 10, 7, 10, 2027-03-01, 80,     70.00,  AT_RISK",
            "'after the year: 30 of 50 points is 0.6',   3, 10, 6, 10, 2027-03-01, 80,     60.00,  OFF_TRACK",
            "'4/8 to 6/9, target 67: 0.98 of the gain',  4, 8, 6, 9, 2026-12-31, 67,       66.67,  ON_TRACK",
            "'4/8 to 6/9, target 70: 0.83 of the gain',  4, 8, 6, 9, 2026-12-31, 70,       66.67,  AT_RISK",
    })
    void marks(String rule, long b, long bt, long c, long ct, LocalDate asOf, BigDecimal target, BigDecimal projected, Mark mark) {
        CoverageTracking.Progress p = CoverageTracking.assess(new Share(b, bt), new Share(c, ct), target, 2026, asOf, ON, RISK);
        assertThat(p.projectedPercent()).as(rule).isEqualByComparingTo(projected);
        assertThat(p.mark()).as(rule).isEqualTo(mark);
    }

    @Test
    void sharesInPercent() {
        assertThat(new Share(1, 3).percent()).isEqualByComparingTo("33.33");
        assertThat(new Share(2, 3).percent()).isEqualByComparingTo("66.67");
        assertThat(new Share(0, 0).percent()).isEqualByComparingTo("100");
    }

    @Test
    void refusesImpossibleInput() {
        assertThatThrownBy(() -> new Share(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Share(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        Share s = new Share(1, 2);
        assertThatThrownBy(() -> CoverageTracking.assess(s, s, new BigDecimal("100.01"), 2026, LocalDate.of(2026, 5, 1), ON, RISK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CoverageTracking.assess(s, s, BigDecimal.TEN, 2026, LocalDate.of(2026, 5, 1), RISK, ON))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
