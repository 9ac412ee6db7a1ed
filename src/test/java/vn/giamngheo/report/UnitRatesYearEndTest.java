package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.report.rules.Counts;

/**
 * The year end of the plans' and the programme's goals, as a rule: a year end without a recognised list in force
 * has no figure (not 0 %), one with a list keeps its counts.
 */
class UnitRatesYearEndTest {

    @ParameterizedTest(name = "{0} households, {1} poor, list in force {2} → households {3}, poor {4}, rate {5}")
    @CsvSource(nullValues = "-", value = {
            // no list in force: the households are counted without a status, all "not poor": no figure
            "120, 0, false, -, -, -",
            "120, 7, false, -, -, -",
            "0, 0, false, -, -, -",
            // a list in force: the figures, 0 % included when it is the list's own
            "120, 0, true, 120, 0, 0.0",
            "200, 10, true, 200, 10, 5.0",
            "3, 3, true, 3, 3, 100.0",
            // a list but no household counted: no figure
            "0, 0, true, -, -, -"})
    void aYearEndHasAFigureOnlyWithAListInForce(long households, long poor, boolean listed, Long expectHouseholds,
                                                  Long expectPoor, Double expectRate) {
        Counts c = new Counts(households, poor, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        UnitRates.YearEnd e = UnitRates.yearEnd(2025, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 1), c, listed);
        assertThat(e.year()).isEqualTo(2025);
        assertThat(e.households()).isEqualTo(expectHouseholds);
        assertThat(e.poor()).isEqualTo(expectPoor);
        assertThat(e.rate()).isEqualTo(expectRate);
    }
}
