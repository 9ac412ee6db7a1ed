package vn.giamngheo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The birth date's parse and age: table-driven, and compared with the regular expressions and {@link Period} they
 * replaced (the bulk import reads millions of birth dates; docs/benchmarks.md, lead, session of 2026-12-07 second).
 */
class BirthDateTest {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "1990|1990",
            "' 1990 '|1990",
            "0000|0000",
            "1990-05-17|1990-05-17",
            "2000-02-29|2000-02-29",
            "1900-02-29|null",
            "2023-02-30|null",
            "2023-13-01|null",
            "2023-00-10|null",
            "2023-01-00|null",
            "2023-1-01|null",
            "2023/01/01|null",
            "17/05/1990|null",
            "199|null",
            "19900|null",
            "199a|null",
            "'１９９０'|null",
            "٢٠٢٠|null",
            "''|null",
            "1990-05-17T00:00|null",
            "+1990-05-17|null",
            "-199|null"})
    void parsesAYearOrAnIsoDateOnly(String text, String expected) {
        Optional<BirthDate> parsed = BirthDate.parse(text);
        assertThat(parsed.map(BirthDate::toText).orElse(null)).isEqualTo(expected);
        assertThat(parsed).isEqualTo(parsedAsBefore(text));
    }

    @Test
    void parsesEveryDayOfALeapAndAnOrdinaryYearAsTheRegularExpressionsDid() {
        for (String year : new String[] {"2000", "2023", "1900", "0001"}) {
            for (int m = 0; m <= 13; m++) {
                for (int d = 0; d <= 32; d++) {
                    String text = String.format("%s-%02d-%02d", year, m, d);
                    assertThat(BirthDate.parse(text)).as(text).isEqualTo(parsedAsBefore(text));
                }
            }
        }
    }

    @ParameterizedTest(name = "born {0} (year only: {1}), on {2}: {3}")
    @CsvSource({
            "1990-05-17, false, 2026-05-16, 35",
            "1990-05-17, false, 2026-05-17, 36",
            "2000-02-29, false, 2026-02-28, 25",
            "2000-02-29, false, 2026-03-01, 26",
            "2000-02-29, false, 2028-02-29, 28",
            "1990-01-01, true, 2026-06-30, 35",
            "1990-01-01, true, 2026-07-01, 36",
            "2026-12-31, false, 2026-12-07, 0",
            "2030-01-01, true, 2026-12-07, 0"})
    void ageInCompletedYears(LocalDate born, boolean yearOnly, LocalDate on, int years) {
        BirthDate birth = yearOnly ? BirthDate.yearOnly(born.getYear()) : BirthDate.of(born);
        assertThat(birth.ageOn(on)).isEqualTo(years);
    }

    @Test
    void ageIsWhatPeriodBetweenGaveForEveryPairOfDaysOfFourYears() {
        LocalDate first = LocalDate.of(2019, 1, 1);
        LocalDate last = LocalDate.of(2022, 12, 31);
        for (LocalDate born = first; !born.isAfter(last); born = born.plusDays(3)) {
            BirthDate birth = BirthDate.of(born);
            for (LocalDate on = first; !on.isAfter(last); on = on.plusDays(1)) {
                int before = born.isAfter(on) ? 0 : Period.between(born, on).getYears();
                assertThat(birth.ageOn(on)).as("%s on %s", born, on).isEqualTo(before);
            }
        }
    }

    /** The parse before: {@code String.matches} and {@code LocalDate.parse}. */
    private static Optional<BirthDate> parsedAsBefore(String text) {
        String t = text.trim();
        try {
            if (t.matches("\\d{4}")) {
                return Optional.of(BirthDate.yearOnly(Integer.parseInt(t)));
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(BirthDate.of(LocalDate.parse(t)));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
