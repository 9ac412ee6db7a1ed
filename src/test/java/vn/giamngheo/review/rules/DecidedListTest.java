package vn.giamngheo.review.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecidedListTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(nullValues = "null", value = {
            "null, poor, poor",
            "null, near_poor, near_poor",
            "null, average, ''",
            "null, not_poor, ''",
            "poor, poor, poor",
            "poor, near_poor, near_poor escaped_poor",
            "poor, average, escaped_poor",
            "poor, not_poor, escaped_poor",
            "near_poor, poor, poor",
            "near_poor, near_poor, near_poor",
            "near_poor, average, escaped_near_poor",
            "near_poor, not_poor, escaped_near_poor",
            "average, poor, poor",
            "not_poor, near_poor, near_poor",
            "average, not_poor, ''",
    })
    void listsOfAHousehold(String previous, String status, String expected) {
        Set<String> lists = DecidedList.of(previous, status).stream().map(DecidedList::code).collect(Collectors.toSet());
        Set<String> want = expected.isBlank() ? Set.of()
                : Arrays.stream(expected.split(" ")).collect(Collectors.toSet());
        assertThat(lists).isEqualTo(want);
    }

    @ParameterizedTest
    @CsvSource({"poor, true", "near_poor, true", "average, false", "not_poor, false"})
    void poorAndNearPoorAreCertified(String status, boolean certified) {
        assertThat(DecidedList.certified(status)).isEqualTo(certified);
    }
}
