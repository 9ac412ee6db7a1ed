package vn.giamngheo.areaclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The merged-commune rule over the shapes of the crosswalk: unchanged, whole merges, splits over 2–5 units. */
class MergedCommuneRuleTest {

    static final String POOR = "poor_commune";

    /** A whole predecessor with households, holding the poor class or not. */
    static Predecessor whole(String code, long households, boolean poor) {
        return new Predecessor(Long.parseLong(code), code, "Xã " + code, "whole", 1, households,
                poor ? Set.of(POOR) : Set.of());
    }

    /** A predecessor split over n units. */
    static Predecessor part(String code, int over, long households, boolean poor) {
        return new Predecessor(Long.parseLong(code), code, "Xã " + code, "part", over, households,
                poor ? Set.of(POOR) : Set.of());
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                // shape, predecessors, majority, any, all
                Arguments.of("unchanged, poor", List.of(whole("00001", 900, true)), true, true, true),
                Arguments.of("unchanged, not poor", List.of(whole("00001", 900, false)), false, false, false),
                Arguments.of("no predecessor", List.of(), false, false, false),
                Arguments.of("whole merge of 3, the largest poor",
                        List.of(whole("00001", 3000, true), whole("00002", 1000, false), whole("00003", 1200, false)),
                        true, true, false),
                Arguments.of("whole merge of 3, a small one poor",
                        List.of(whole("00001", 3000, false), whole("00002", 1000, true), whole("00003", 1200, false)),
                        false, true, false),
                Arguments.of("whole merge of 2, both poor",
                        List.of(whole("00001", 300, true), whole("00002", 100, true)), true, true, true),
                Arguments.of("no households: shares, a whole one beats a part of 2",
                        List.of(whole("00001", 0, false), part("00002", 2, 0, true)), false, true, false),
                Arguments.of("no households: the equal tie goes to the lowest code",
                        List.of(whole("00002", 0, false), whole("00001", 0, true)), true, true, false),
                Arguments.of("split over 2: households halved (4000/2 = 2000 > 1500)",
                        List.of(part("00001", 2, 4000, true), whole("00002", 1500, false)), true, true, false),
                Arguments.of("split over 5: households a fifth (4000/5 = 800 < 1500)",
                        List.of(part("00001", 5, 4000, true), whole("00002", 1500, false)), false, true, false),
                Arguments.of("split over 3 and 4, both parts poor",
                        List.of(part("00001", 3, 900, true), part("00002", 4, 800, true)), true, true, true),
                Arguments.of("households counted where some have them: one without counts nothing",
                        List.of(whole("00001", 0, true), whole("00002", 10, false)), false, true, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void eachRuleOnEachShape(String shape, List<Predecessor> predecessors, boolean majority, boolean any, boolean all) {
        assertThat(MergedCommuneRule.MAJORITY_HOUSEHOLDS.inherits(predecessors, POOR)).as("majority").isEqualTo(majority);
        assertThat(MergedCommuneRule.ANY_PREDECESSOR.inherits(predecessors, POOR)).as("any").isEqualTo(any);
        assertThat(MergedCommuneRule.ALL_PREDECESSORS.inherits(predecessors, POOR)).as("all").isEqualTo(all);
    }

    @Test
    void theDecisivePredecessorAndWhatIsCounted() {
        List<Predecessor> counted = List.of(whole("00001", 10, false), part("00002", 2, 30, true));
        assertThat(MergedCommuneRule.byHouseholds(counted)).isTrue();
        assertThat(MergedCommuneRule.decisive(counted)).map(Predecessor::code).contains("00002");
        List<Predecessor> shares = List.of(whole("00001", 0, false), part("00002", 2, 0, true));
        assertThat(MergedCommuneRule.byHouseholds(shares)).isFalse();
        assertThat(MergedCommuneRule.decisive(shares)).map(Predecessor::code).contains("00001");
        assertThat(MergedCommuneRule.decisive(List.of())).isEmpty();
    }

    @Test
    void rulesAreReadFromTheirCodes() {
        assertThat(MergedCommuneRule.parse(" Any_Predecessor ")).isEqualTo(MergedCommuneRule.ANY_PREDECESSOR);
        assertThat(MergedCommuneRule.parse("majority_households").code()).isEqualTo("majority_households");
        assertThatThrownBy(() -> MergedCommuneRule.parse("largest_area")).isInstanceOf(InvalidAreaClassException.class)
                .hasMessageContaining("areaclass.error.rule");
    }
}
