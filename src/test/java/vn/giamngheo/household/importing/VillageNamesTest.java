package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Village names: the key they are found by, and the closest names an unknown one is offered. */
class VillageNamesTest {

    static final List<String> COMMUNE = List.of("Thôn 1", "Thôn 2", "Thôn 3", "Bản Nà Ngần", "Tổ dân phố Đồng Tâm", "Bản Na");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Thôn Không Có | Thôn 1, Thôn 2, Thôn 3",
            "thon 2        | Thôn 2, Thôn 1, Thôn 3",
            "Ban Na Ngan   | Bản Nà Ngần, Bản Na, Thôn 1",
            "dong tam      | Bản Na, Thôn 1, Thôn 2",
            "To dan pho Dong Tam | Tổ dân phố Đồng Tâm, Bản Nà Ngần, Bản Na",
            "BẢN NA        | Bản Na, Bản Nà Ngần, Thôn 1"})
    void theClosestThreeNamesIgnoringAccentsAndCase(String typed, String expected) {
        assertThat(String.join(", ", VillageNames.closest(typed, COMMUNE))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "Thôn 1      | thôn 1   | true",
            "  Thôn   1  | Thôn 1   | true",
            "Thon 1      | Thôn 1   | false",
            "Bản Na      | Bản Nà   | false",
            "Đồng Tâm    | đồng tâm | true"})
    void aVillageIsFoundByItsNameIgnoringCaseAndSpacesButNotAccents(String a, String b, boolean same) {
        assertThat(VillageNames.key(a).equals(VillageNames.key(b))).isEqualTo(same);
    }

    @ParameterizedTest(name = "{0} ↔ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "kitten | sitting | 3",
            "thon 1 | thon 1  | 0",
            "''     | abc     | 3",
            "abc    | ''      | 3",
            "ban na | ban nan | 1"})
    void editDistance(String a, String b, int distance) {
        assertThat(VillageNames.distance(a, b)).isEqualTo(distance);
    }
}
