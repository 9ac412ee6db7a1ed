package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A commune is late when it is not decided by its due day, or was decided after it; on the due day it is on time.
 * Without a decision it is never "on time": before the due day it is not yet due. Its status says where the review
 * stands, and its lists are known only with a decision in force. Pure rules, no Spring.
 */
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

    @ParameterizedTest(name = "due {0}, decided {1}, today {2}: {3}, {4} days overdue")
    @CsvSource({
            // without a decision: not yet due up to the due day, then late ("quá hạn") — never "on time"
            "2025-12-14, ,           2025-11-01, NOT_YET_DUE, 0",
            "2025-12-14, ,           2025-12-14, NOT_YET_DUE, 0",
            "2025-12-14, ,           2025-12-15, LATE,        1",
            "2025-12-14, ,           2026-01-13, LATE,        30",
            // decided: on time or late by the decision day, whatever today is
            "2025-12-14, 2025-12-10, 2025-12-11, ON_TIME,     0",
            "2025-12-14, 2025-12-14, 2026-03-01, ON_TIME,     0",
            "2025-12-14, 2025-12-20, 2026-03-01, LATE,        0",
    })
    void timeliness(LocalDate due, LocalDate decided, LocalDate today, CommuneProgress.Timeliness expected, long overdue) {
        for (Long round : new Long[] {null, 7L}) {
            CommuneProgress p = progress(round, due, decided);
            assertThat(p.timeliness(today)).isEqualTo(expected);
            assertThat(p.late(today)).isEqualTo(expected == CommuneProgress.Timeliness.LATE);
            assertThat(p.daysOverdue(today)).isEqualTo(overdue);
        }
    }

    @ParameterizedTest(name = "round {0}, state {1}, approval {2}, decided {3}: {4}, lists known {5}")
    @CsvSource({
            // no round for the year: not opened, no lists (no data, not 0 poor)
            "false, ,           ,                  false, NOT_OPENED, false",
            "true,  preparing,  none,              false, PREPARING,  false",
            "true,  collecting, none,              false, COLLECTING, false",
            "true,  meetings,   none,              false, MEETINGS,   false",
            "true,  posted,     none,              false, POSTED,     false",
            // decided: awaiting the district or the province, then approved
            "true,  decided,    awaiting_district, true,  DECIDED,    true",
            "true,  decided,    awaiting_province, true,  DECIDED,    true",
            "true,  decided,    approved,          true,  APPROVED,   true",
            // sent back: the decision is revoked and the round collects again
            "true,  collecting, returned,          false, RETURNED,   false",
            "true,  posted,     returned,          false, RETURNED,   false",
    })
    void phase(boolean round, String state, String approval, boolean decided, CommuneProgress.Phase expected, boolean lists) {
        CommuneProgress p = new CommuneProgress(1, "08001", "Xã Nà Hang", round ? 42L : null, state, approval,
                LocalDate.of(2025, 12, 14), decided ? LocalDate.of(2025, 12, 10) : null, decided ? "12/QĐ-UBND" : null,
                decided ? 5 : 0, decided ? 3 : 0, decided ? 40 : 0, null, null, null);
        assertThat(p.phase()).isEqualTo(expected);
        assertThat(p.hasLists()).isEqualTo(lists);
        assertThat(p.finished()).isEqualTo(expected == CommuneProgress.Phase.APPROVED);
    }

    @Test
    void theTotalsCountEveryCommuneOnceByStatusAndTimeliness() {
        LocalDate due = LocalDate.of(2025, 12, 14);
        LocalDate asOf = LocalDate.of(2025, 12, 20);
        List<CommuneProgress> communes = List.of(
                new CommuneProgress(1, "1", "A", null, null, null, due, null, null, 0, 0, 0),
                new CommuneProgress(2, "2", "B", 2L, "collecting", "none", due, null, null, 0, 0, 0),
                new CommuneProgress(3, "3", "C", 3L, "decided", "approved", due, LocalDate.of(2025, 12, 12), "1/QĐ", 4, 2, 30,
                        "province", null, null),
                new CommuneProgress(4, "4", "D", 4L, "decided", "awaiting_province", due, LocalDate.of(2025, 12, 16), "2/QĐ",
                        6, 1, 50),
                new CommuneProgress(5, "5", "E", 5L, "collecting", "returned", due, null, null, 0, 0, 0, null, "province",
                        "thiếu biên bản"));
        ProgressReport r = ProgressReport.of(1, "08", "Tỉnh", "08", 2025, due, asOf, communes);
        assertThat(r.inPhase("not_opened")).isEqualTo(1);
        assertThat(r.inPhase("collecting")).isEqualTo(1);
        assertThat(r.inPhase("approved")).isEqualTo(1);
        assertThat(r.inPhase("decided")).isEqualTo(1);
        assertThat(r.inPhase("returned")).isEqualTo(1);
        assertThat(r.byPhase().stream().mapToInt(ProgressReport.Total::communes).sum()).isEqualTo(5);
        assertThat(r.inTimeliness("late")).isEqualTo(4);      // A, B, E not decided after the due day; D decided late
        assertThat(r.inTimeliness("on_time")).isEqualTo(1);
        assertThat(r.inTimeliness("not_yet_due")).isZero();
        assertThat(r.late()).isEqualTo(4);
        assertThat(r.notOpened()).isEqualTo(1);
        assertThat(r.withLists()).isEqualTo(2);
        assertThat(r.poor()).isEqualTo(10);
        assertThat(r.communes().get(0)).satisfies(c -> {
            assertThat(c.phase()).isEqualTo("not_opened");
            assertThat(c.timeliness()).isEqualTo("late");
            assertThat(c.hasLists()).isFalse();
        });
        assertThat(r.communes().get(4).returnReason()).isEqualTo("thiếu biên bản");
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
