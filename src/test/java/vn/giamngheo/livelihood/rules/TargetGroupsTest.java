package vn.giamngheo.livelihood.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A participant counts once, under the first target group it belongs to on the day it joins. */
class TargetGroupsTest {

    private final TargetGroups groups = new TargetGroups(TargetGroups.DEFAULT_NEWLY_ESCAPED_MONTHS);

    @ParameterizedTest(name = "{0}, escaped {1}, ethnic minority {2}, joined {3} → {4}")
    @CsvSource(nullValues = "-", value = {
            "poor,      -,          false, 2026-05-01, POOR",
            "poor,      2025-01-01, true,  2026-05-01, POOR",
            "near_poor, -,          true,  2026-05-01, NEAR_POOR",
            "average,   2023-05-01, false, 2026-05-01, NEWLY_ESCAPED",
            "average,   2023-04-30, false, 2026-05-01, -",
            "average,   2023-04-30, true,  2026-05-01, ETHNIC_MINORITY",
            "not_poor,  2026-05-01, false, 2026-05-01, NEWLY_ESCAPED",
            "not_poor,  2026-05-02, false, 2026-05-01, -",
            "average,   -,          true,  2026-05-01, ETHNIC_MINORITY",
            "average,   -,          false, 2026-05-01, -",
            "-,         -,          false, 2026-05-01, -",
            "-,         -,          true,  2026-05-01, ETHNIC_MINORITY"})
    void targetGroupOnTheJoiningDay(String status, LocalDate escapedOn, boolean ethnicMinority, LocalDate joinedOn,
                                    TargetGroup expected) {
        assertThat(groups.of(status, escapedOn, ethnicMinority, joinedOn).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "window {0} months: escaped {1}, joined {2} → {3}")
    @CsvSource({
            "12, 2025-05-01, 2026-05-01, true",
            "12, 2025-04-30, 2026-05-01, false",
            "0,  2026-05-01, 2026-05-01, true",
            "0,  2026-04-30, 2026-05-01, false"})
    void theNewlyEscapedWindowIncludesItsFirstDay(int months, LocalDate escapedOn, LocalDate joinedOn, boolean expected) {
        assertThat(new TargetGroups(months).newlyEscaped(escapedOn, joinedOn)).isEqualTo(expected);
    }
}
