package vn.giamngheo.household;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The list's sort: unknown keys fall back to code order, and every order ends on a unique key (stable pages). */
class HouseholdQueryTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "code,    false, code,    asc",
            "name,    true,  name,    desc",
            "village, false, village, asc",
            "status,  true,  status,  desc",
            "' name ', false, name,   asc",
            "null,    false, code,    asc",
            "h.id;--, true,  code,    desc",
            "NAME,    false, code,    asc",
    })
    void sortsOnlyByTheListedColumns(String sort, boolean descending, String expected, String direction) {
        HouseholdQuery q = new HouseholdQuery("", null, null, "", "", 0, 50, sort, descending);
        assertThat(q.sort()).isEqualTo(expected);
        assertThat(q.direction()).isEqualTo(direction);
        assertThat(HouseholdRepository.orderBy(q)).endsWith("h.id " + direction.toUpperCase());
    }

    @ParameterizedTest
    @CsvSource({
            "name,    false, 'translate(lower(hm.full_name)', ' ASC NULLS LAST'",
            "village, true,  'translate(lower(v.name)',       ' DESC NULLS FIRST'",
            "status,  false, 'CASE h.poverty_status',         ' ASC NULLS LAST'",
            "code,    false, 'c.code ASC, h.household_code ASC', ''",
    })
    void ordersByTheColumnThenCodeThenId(String sort, boolean descending, String starts, String nulls) {
        String order = HouseholdRepository.orderBy(new HouseholdQuery("", null, null, "", "", 0, 50, sort, descending));
        assertThat(order).startsWith(starts).contains(nulls);
    }

    @ParameterizedTest
    @CsvSource({"-3, 0", "0, 0", "7, 7"})
    void pagesStartAtZero(int page, int expected) {
        assertThat(new HouseholdQuery("", null, null, "", "", page, 50).page()).isEqualTo(expected);
    }
}
