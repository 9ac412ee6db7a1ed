package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An application is overdue when it still waits after its due day: the due day itself is not overdue. */
class ApplicationTest {

    @ParameterizedTest(name = "{0}, due {1}, today {2}: overdue {3}")
    @CsvSource({
            "received, 2026-10-30, 2026-10-29, false",
            "received, 2026-10-30, 2026-10-30, false",
            "received, 2026-10-30, 2026-10-31, true",
            "in_round, 2026-10-30, 2026-10-30, false",
            "in_round, 2026-10-30, 2026-10-31, true",
            "in_round, 2026-12-31, 2027-01-01, true",
            // decided or answered: never overdue, however late
            "decided, 2026-10-30, 2026-10-31, false",
            "answered, 2026-10-30, 2027-03-01, false",
    })
    void overdueOnlyAfterTheDueDayWhileWaiting(String status, LocalDate due, LocalDate today, boolean overdue) {
        Application a = new Application(1, "08", 10, 100, "HG-1", "Nguyễn Văn Hùng", "01", due.minusDays(20), "in_person",
                "Nguyễn Văn Hùng", null, due, null, status, null, null);
        assertThat(a.overdue(today)).isEqualTo(overdue);
    }
}
