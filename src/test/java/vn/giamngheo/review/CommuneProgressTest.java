package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A commune is late when it is not decided by its due day, or was decided after it; on the due day it is on time. */
class CommuneProgressTest {

    @ParameterizedTest(name = "due {0}, decided {1}, today {2}: late {3}")
    @CsvSource({
            // no decision yet (with or without a round): late only after the due day
            "2025-12-14, , 2025-12-13, false",
            "2025-12-14, , 2025-12-14, false",
            "2025-12-14, , 2025-12-15, true",
            "2025-12-14, , 2026-06-01, true",
            // decided: the decision day counts, not today
            "2025-12-14, 2025-12-14, 2026-06-01, false",
            "2025-12-14, 2025-12-15, 2026-06-01, true",
            "2025-12-14, 2025-11-11, 2025-11-12, false",
    })
    void lateMeansNotDecidedByTheDueDay(LocalDate due, LocalDate decided, LocalDate today, boolean late) {
        assertThat(progress(null, due, decided).late(today)).isEqualTo(late);
        assertThat(progress(42L, due, decided).late(today)).isEqualTo(late);
    }

    @Test
    void everyCommuneHasADueDay() {
        assertThatThrownBy(() -> progress(null, null, null)).isInstanceOf(NullPointerException.class);
    }

    private static CommuneProgress progress(Long roundId, LocalDate due, LocalDate decided) {
        return new CommuneProgress(1, "08001", "Xã Nà Hang", roundId, roundId == null ? null : "posted", null, due,
                decided, decided == null ? null : "12/QĐ-UBND", 0, 0, 0);
    }
}
