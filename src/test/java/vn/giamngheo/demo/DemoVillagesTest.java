package vn.giamngheo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoVillagesTest {

    @ParameterizedTest(name = "{0} households, first commune {1}: {2} villages")
    @CsvSource({
            "8000, true, 20",
            "8000, false, 20",
            "1500, true, 15",
            "1500, false, 6",
            "136, false, 6",
            "120, true, 15",
            "6000, true, 15",
            "6001, true, 16",
            "20000, true, 30",
            "40000, false, 30",
    })
    void villagesOfACommune(int households, boolean first, int villages) {
        assertThat(DemoVillages.villages(households, first)).isEqualTo(villages);
        DemoVillages spread = new DemoVillages(households, first);
        Map<Integer, Integer> sizes = new TreeMap<>();
        int previous = 1;
        for (int i = 0; i < households; i++) {
            int v = spread.villageOf(i, households);
            assertThat(v).as("numbered village by village").isBetween(previous, villages);
            previous = v;
            sizes.merge(v, 1, Integer::sum);
        }
        // every village has households, of unequal sizes within 0.5–1.6 of the mean
        assertThat(sizes).hasSize(villages);
        double mean = households / (double) villages;
        if (households >= 1000) {
            assertThat(sizes.values()).allSatisfy(n -> assertThat(n / mean).isBetween(0.5, 1.6));
            assertThat(sizes.values().stream().distinct().count()).isGreaterThan(villages / 2L);
        }
    }

    @ParameterizedTest
    @CsvSource({"16000, 12, 8000, 727", "3000, 12, 1500, 136", "240, 12, 120, 10"})
    void halfTheHouseholdsGoToTheFirstCommune(int total, int communes, int first, int other) {
        int[] shares = DemoHouseholds.shares(total, communes);
        assertThat(shares[0]).isEqualTo(first);
        assertThat(shares[1]).isBetween(other, other + 1);
        assertThat(java.util.Arrays.stream(shares).sum()).isEqualTo(total);
    }

    @ParameterizedTest
    @CsvSource({"0, 2025-10-06", "1, 2025-10-06", "2, 2025-10-07", "9, 2025-10-10", "10, 2025-10-13", "29, 2025-10-24"})
    void villageMeetingsOnWorkingDaysBeforeThePosting(int village, java.time.LocalDate day) {
        assertThat(DemoReviews.meetingDay(village)).isEqualTo(day).isBefore(DemoReviews.POSTING_2025);
    }
}
