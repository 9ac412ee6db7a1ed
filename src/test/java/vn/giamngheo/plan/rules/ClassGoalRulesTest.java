package vn.giamngheo.plan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.plan.rules.ClassGoalRules.Counts;
import vn.giamngheo.plan.rules.ClassGoalRules.Outcome;

/** The rules of area-class goals and the programme's goals: a fall in a year, a ceiling by a year, out of a class by a year. */
class ClassGoalRulesTest {

    private static Counts counts(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] p = text.strip().split("/");
        return new Counts(Long.parseLong(p[0]), Long.parseLong(p[1]));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}, {3} points asked: {5}")
    @CsvSource({
            // rule,                                   before,      after,       points, fall,  outcome
            "'fell exactly 3 points',                 '300/1000', '270/1000',   3,     3.00,  MET",
            "'fell 2.9 points',                       '300/1000', '271/1000',   3,     2.90,  NOT_MET",
            "'fell more',                             '300/1000', '100/1000',   3,     20.00, MET",
            "'rose',                                  '300/1000', '310/1000',   3,     -1.00, NOT_MET",
            "'3 points exactly on other denominators', '30/100',   '54/200',     3,     3.00,  MET",
            "'a hair below 3 on other denominators',  '30/100',   '541/2000',   3,     2.95,  NOT_MET",
            "'1 to 1.5: the lower end counts',        '100/1000', '90/1000',    1,     1.00,  MET",
            "'no households the year before',         ,           '90/1000',    1,     ,      NOT_MEASURABLE",
            "'year not ended',                        '100/1000', ,             1,     ,      NOT_MEASURABLE",
    })
    void fallInAYear(String rule, String before, String after, BigDecimal points, BigDecimal fall, Outcome outcome) {
        ClassGoalRules.Fall f = ClassGoalRules.fall(counts(before), counts(after), points);
        assertThat(f.outcome()).as(rule).isEqualTo(outcome);
        if (fall == null) {
            assertThat(f.points()).isNull();
        } else {
            assertThat(f.points()).as(rule).isEqualByComparingTo(fall);
        }
    }

    @ParameterizedTest(name = "base 25 % in 2025, below 10 % by 2030: allowed in {0} is {1}")
    @CsvSource({"2024, 25.00", "2025, 25.00", "2026, 22.00", "2027, 19.00", "2028, 16.00", "2029, 13.00", "2030, 10.00",
            "2031, 10.00"})
    void straightTrajectoryToTheCeiling(int year, BigDecimal allowed) {
        assertThat(ClassGoalRules.allowed(2025, new BigDecimal("25.00"), 2030, new BigDecimal("10"), year))
                .isEqualByComparingTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // rule,                                          base,  year, actual,      outcome
            "'on the trajectory in 2027 (19 %)',              25.00, 2027, '190/1000', MET",
            "'above the trajectory in 2027',                  25.00, 2027, '191/1000', NOT_MET",
            "'the base year, 25.004 % shown as 25.00 %',      25.00, 2025, '25004/100000', MET",
            "'the base year above its rate',                  25.00, 2025, '25006/100000', NOT_MET",
            "'exactly 10 % in 2030 is not below 10 %',        25.00, 2030, '100/1000', NOT_MET",
            "'9.99 % in 2030 is below',                       25.00, 2030, '999/10000', MET",
            "'already below the ceiling at the start',        8.00,  2026, '95/1000',  MET",
            "'no figures this year',                          25.00, 2027, ,           NOT_MEASURABLE",
            "'no base: checked against the ceiling in 2030',  ,      2030, '90/1000',  MET",
            "'no base before the target year',                ,      2027, '90/1000',  NOT_MEASURABLE",
    })
    void ceilingByAYear(String rule, BigDecimal base, int year, String actual, Outcome outcome) {
        assertThat(ClassGoalRules.ceiling(2025, base, 2030, new BigDecimal("10"), year, counts(actual)).outcome())
                .as(rule).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // rule,                                    year, holders, outcome
            "'12 poor communes in 2025, 9 allowed in 2026',  2026, 9,  MET",
            "'10 left in 2026',                          2026, 10, NOT_MET",
            "'7 allowed in 2027',                        2027, 7,  MET",
            "'none allowed in 2030',                     2030, 1,  NOT_MET",
            "'none left in 2030',                        2030, 0,  MET",
            "'not ended',                                2028, ,   NOT_MEASURABLE",
    })
    void outOfTheClassByAYear(String rule, int year, Long holders, Outcome outcome) {
        assertThat(ClassGoalRules.exit(2025, 12L, 2030, year, holders)).as(rule).isEqualTo(outcome);
    }

    @Test
    void kOfNOnTrack() {
        ClassGoalRules.Tally all = ClassGoalRules.Tally.of(List.of(Outcome.MET, Outcome.MET));
        assertThat(all.outcome()).isEqualTo(Outcome.MET);
        ClassGoalRules.Tally some = ClassGoalRules.Tally.of(List.of(Outcome.MET, Outcome.NOT_MET, Outcome.NOT_MEASURABLE));
        assertThat(some.met()).isEqualTo(1);
        assertThat(some.holders()).isEqualTo(3);
        assertThat(some.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(ClassGoalRules.Tally.of(List.of(Outcome.MET, Outcome.NOT_MEASURABLE)).outcome()).isEqualTo(Outcome.NOT_MEASURABLE);
        assertThat(ClassGoalRules.Tally.of(List.of()).outcome()).isEqualTo(Outcome.NOT_MEASURABLE);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> ClassGoalRules.fall(counts("1/10"), counts("1/10"), BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClassGoalRules.allowed(2030, BigDecimal.TEN, 2030, BigDecimal.ONE, 2030))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Counts(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
