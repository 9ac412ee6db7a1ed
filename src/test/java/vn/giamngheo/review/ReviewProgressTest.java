package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.giamngheo.review.rules.RoundKind;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.setting.Parameters;

/**
 * Completeness and timeliness of the periodic review on PostgreSQL: a commune that never opened a round is due on
 * the calendar's decision day (a parameter), so it counts as late after that day.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=review2")
class ReviewProgressTest {

    @Autowired RoundDriver drive;
    @Autowired ReviewRounds rounds;
    @Autowired ReviewProgress progress;
    @Autowired Parameters parameters;

    @Test
    void aCommuneWithoutARoundIsLateAfterTheDecisionDay() {
        ReviewFixture f = drive.commune(21);
        CommuneProgress row = only(progress.periodic(f.communeId, 2025, f.province));
        assertThat(row.roundId()).isNull();
        assertThat(row.decisionDue()).isEqualTo(LocalDate.of(2025, 12, 14));
        assertThat(row.late(LocalDate.of(2025, 12, 14))).isFalse();
        assertThat(row.late(LocalDate.of(2025, 12, 15))).isTrue();
    }

    @Test
    void aRoundKeepsItsOwnDueDay() {
        ReviewFixture f = drive.commune(22);
        rounds.open(new OpenRound(f.communeId, RoundKind.PERIODIC, 2025, null, null), f.officer);
        CommuneProgress row = only(progress.periodic(f.communeId, 2025, f.province));
        assertThat(row.roundId()).isNotNull();
        assertThat(row.decisionDue()).isEqualTo(LocalDate.of(2025, 12, 14));
        assertThat(row.late(LocalDate.of(2025, 12, 15))).isTrue();
    }

    @Test
    void theDueDayOfACommuneWithoutARoundFollowsTheCalendarParameters() {
        ReviewFixture f = drive.commune(23);
        CurrentUser admin = f.registry.user(Role.ADMINISTRATOR, "province", null);
        String end = parameters.get("review.periodic.end").value();
        try {
            parameters.update("review.periodic.end", "12-20", admin);
            CommuneProgress row = only(progress.periodic(f.communeId, 2025, f.province));
            assertThat(row.decisionDue()).isEqualTo(LocalDate.of(2025, 12, 20));
            assertThat(row.late(LocalDate.of(2025, 12, 15))).isFalse();
            assertThat(row.late(LocalDate.of(2025, 12, 21))).isTrue();
        } finally {
            parameters.update("review.periodic.end", end, admin);
        }
    }

    private static CommuneProgress only(List<CommuneProgress> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
