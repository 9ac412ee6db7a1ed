package vn.giamngheo.escape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A poor household escapes when it is no longer poor; a near-poor one when it is neither poor nor near-poor. */
class EscapeRuleTest {

    @ParameterizedTest(name = "registered {0}, decided {1} → escaped {2}")
    @CsvSource({
            "poor,      poor,      false",
            "poor,      near_poor, true",
            "poor,      average,   true",
            "poor,      not_poor,  true",
            "near_poor, poor,      false",
            "near_poor, near_poor, false",
            "near_poor, average,   true",
            "near_poor, not_poor,  true"})
    void escapedFollowsTheRegisteredStatus(String registered, String after, boolean escaped) {
        assertThat(EscapeRule.escaped(registered, after)).isEqualTo(escaped);
    }

    @ParameterizedTest
    @ValueSource(strings = {"average", "not_poor", "", "POOR"})
    void onlyPoorAndNearPoorHouseholdsRegister(String registered) {
        assertThatThrownBy(() -> EscapeRule.escaped(registered, "average")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"escaped", "", "Poor"})
    void anUnknownDecidedStatusIsRefused(String after) {
        assertThatThrownBy(() -> EscapeRule.escaped("poor", after)).isInstanceOf(IllegalArgumentException.class);
    }
}
