package vn.giamngheo.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Age on a day (the rule of the groups' predicates) and the groups' codes. */
class PopulationGroupTest {

    @ParameterizedTest(name = "born {0}, on {1}: {2} years, elderly {3}, child {4}")
    @CsvSource({
            // birth,     day,         age, elderly (60), child (<16)
            "1965-12-31, 2025-12-31, 60, true,  false",
            "1966-01-01, 2025-12-31, 59, false, false",
            "1966-01-01, 2026-12-31, 60, true,  false",
            "2010-12-31, 2025-12-31, 15, false, true",
            "2009-12-31, 2025-12-31, 16, false, false",
            "2010-01-01, 2025-12-31, 15, false, true",
            "2025-12-31, 2025-12-31, 0,  false, true",
            "2026-01-01, 2025-12-31, -1, false, false",
            // 29 February: the birthday falls on 28 February in other years
            "1964-02-29, 2024-02-28, 59, false, false",
            "1964-02-29, 2024-02-29, 60, true,  false",
            "1964-02-29, 2025-02-28, 61, true,  false",
            "2012-02-29, 2028-02-28, 15, false, true",
            "2012-02-29, 2028-02-29, 16, false, false",
    })
    void ageOnTheDay(LocalDate birth, LocalDate day, int age, boolean elderly, boolean child) {
        assertThat(PopulationGroup.ageOn(birth, day)).isEqualTo(age);
        assertThat(PopulationGroup.elderlyOn(birth, day, 60)).isEqualTo(elderly);
        assertThat(PopulationGroup.childOn(birth, day)).isEqualTo(child);
        assertThat(PopulationGroup.elderlyOn(birth, day, 60)).isEqualTo(age >= 60);
        assertThat(PopulationGroup.childOn(birth, day)).isEqualTo(age >= 0 && age < 16);
    }

    @ParameterizedTest
    @CsvSource({"'', ALL", "all, ALL", "ethnic_minority, ETHNIC_MINORITY", " Woman_Headed , WOMAN_HEADED",
            "with_disability, WITH_DISABILITY", "with_elderly, WITH_ELDERLY", "with_children, WITH_CHILDREN"})
    void codes(String text, PopulationGroup group) {
        assertThat(PopulationGroup.parse(text)).isEqualTo(group);
        assertThat(PopulationGroup.parse(group.code())).isEqualTo(group);
    }

    @Test
    void predicatesTakeTheDayAndAgeAndRefuseWhatIsNotAnAlias() {
        LocalDate day = LocalDate.of(2025, 12, 31);
        assertThat(PopulationGroup.ALL.predicate("h", day, 60)).isEqualTo("TRUE");
        assertThat(PopulationGroup.WITH_ELDERLY.predicate("h", day, 65)).contains("interval '65 years'")
                .contains("DATE '2025-12-31'").contains("m.household_id = h.id");
        assertThat(PopulationGroup.WITH_CHILDREN.predicate("hh", day, 60)).contains("interval '16 years'")
                .contains("hh.province_code");
        assertThatThrownBy(() -> PopulationGroup.WOMAN_HEADED.predicate("h; DROP", day, 60))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PopulationGroup.parse("elderly")).isInstanceOf(UnknownPopulationGroupException.class)
                .hasMessageContaining("with_elderly");
    }
}
