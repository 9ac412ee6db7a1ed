package vn.giamngheo.people.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Age on a day, age bands and the retirement schedule, table-driven. */
class PeopleRulesTest {

    @ParameterizedTest(name = "born {0} (year only {1}) on {2}: {3} months, {4} years")
    @CsvSource({
            "2020-03-15, false, 2026-03-14, 71, 5",
            "2020-03-15, false, 2026-03-15, 72, 6",
            "2020-03-15, false, 2026-12-31, 81, 6",
            "2020-01-01, true,  2026-06-30, 71, 5",     // year only: from 1 July 2020
            "2020-01-01, true,  2026-07-01, 72, 6",
            "2020-01-01, true,  2020-06-30, 0, 0",      // born after the day (1 July): age 0
            "2027-01-01, false, 2026-12-31, 0, 0",
            "1964-07-01, false, 2026-12-31, 749, 62",
            "2010-02-28, false, 2026-02-27, 191, 15",
            "2010-02-28, false, 2026-02-28, 192, 16",
    })
    void ageOnADay(LocalDate born, boolean yearOnly, LocalDate day, int months, int years) {
        assertThat(AgeOnDay.months(born, yearOnly, day)).isEqualTo(months);
        assertThat(AgeOnDay.years(born, yearOnly, day)).isEqualTo(years);
    }

    @ParameterizedTest(name = "{0} years: band {1}")
    @CsvSource({"0, 0", "5, 0", "6, 1", "15, 1", "16, 2", "59, 2", "60, 3", "99, 3"})
    void bandsOfTheDefaultBounds(int years, int band) {
        AgeBands bands = AgeBands.parse("6, 16,60");
        assertThat(bands.size()).isEqualTo(4);
        assertThat(bands.band(years)).isEqualTo(band);
        assertThat(bands.from(band)).isLessThanOrEqualTo(years);
        if (bands.to(band) != null) {
            assertThat(bands.to(band)).isGreaterThanOrEqualTo(years);
        }
    }

    @Test
    void bandsAsWrittenAndRefused() {
        AgeBands b = AgeBands.parse("6,16,60");
        assertThat(b.from(0)).isZero();
        assertThat(b.to(0)).isEqualTo(5);
        assertThat(b.from(3)).isEqualTo(60);
        assertThat(b.to(3)).isNull();
        assertThat(b.sqlArray()).isEqualTo("{6,16,60}");
        for (String bad : List.of("", "6,6", "16,6", "0,5", "a,5", "6,,16", "121")) {
            assertThatThrownBy(() -> AgeBands.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest(name = "{0} in {1}: {2} months")
    @CsvSource({
            "'723,3,744', 2020, 720", "'723,3,744', 2021, 723", "'723,3,744', 2026, 738", "'723,3,744', 2028, 744",
            "'723,3,744', 2035, 744", "'664,4,720', 2020, 660", "'664,4,720', 2026, 684", "'664,4,720', 2035, 720"})
    void retirementAgeOfAYear(String schedule, int year, int months) {
        assertThat(RetirementSchedule.parse(schedule).months(year)).isEqualTo(months);
    }

    @Test
    void schedulesRefused() {
        for (String bad : List.of("723,3", "a,3,744", "723,3,700", "100,3,744", "723,30,744")) {
            assertThatThrownBy(() -> RetirementSchedule.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void sharesOfTheirBase() {
        PeopleCounts c = new PeopleCounts(10, 6, 4, List.of(1L, 2L, 5L, 2L), 3, 5, 1, 2, 8, 4, 3, 1);
        assertThat(c.share(PersonIndicator.HEALTH_INSURANCE)).isEqualTo(0.8);
        assertThat(c.share(PersonIndicator.CHILDREN_IN_SCHOOL)).isEqualTo(2.0 / 3);
        assertThat(c.share(PersonIndicator.TRAINED_WORKERS)).isEqualTo(0.2);
        assertThat(PeopleCounts.zero(4).share(PersonIndicator.EMPLOYED)).isNull();
        assertThat(c.plus(c).bands()).containsExactly(2L, 4L, 10L, 4L);
        assertThat(PersonIndicator.ofCode("trained_workers")).contains(PersonIndicator.TRAINED_WORKERS);
        assertThat(PersonIndicator.ofCode("households")).isEmpty();
    }
}
