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
    @Autowired ReviewDecisions decisions;

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

    @Test
    void aCommuneWithoutARoundIsNotOpenedWithoutListsAndNeverOnTime() {
        ReviewFixture f = drive.commune(37);
        CommuneProgress row = only(progress.periodic(f.communeId, 2025, f.province));
        assertThat(row.phase()).isEqualTo(CommuneProgress.Phase.NOT_OPENED);
        assertThat(row.hasLists()).isFalse();
        assertThat(row.timeliness(LocalDate.of(2025, 12, 1))).isEqualTo(CommuneProgress.Timeliness.NOT_YET_DUE);
        assertThat(row.timeliness(LocalDate.of(2025, 12, 15))).isEqualTo(CommuneProgress.Timeliness.LATE);
        ProgressReport report = progress.report(f.communeId, 2025, LocalDate.of(2025, 12, 15), f.province);
        assertThat(report.notOpened()).isEqualTo(1);
        assertThat(report.withLists()).isZero();
        assertThat(report.inTimeliness("late")).isEqualTo(1);
        assertThat(report.inTimeliness("on_time")).isZero();
    }

    @Test
    void aResultSentBackIsReturnedWithItsReasonItsListsNoLongerKnown() {
        ReviewFixture f = drive.commune(36);
        f.poor("RT-1", f.village1);
        f.comfortable("RT-2", f.village2);
        long id = drive.periodicWithAll(f, 2025);
        drive.throughCollection(id, f.officer);
        drive.meetAndPost(id, LocalDate.of(2025, 11, 3), f.officer,
                ReviewWorkflowTest.meeting(f.village1, 10, 9), ReviewWorkflowTest.meeting(f.village2, 10, 9));
        decisions.decide(id, "77/QĐ-UBND", LocalDate.of(2025, 11, 20), f.chair);
        CommuneProgress decided = only(progress.periodic(f.communeId, 2025, f.province));
        assertThat(decided.phase()).isIn(CommuneProgress.Phase.DECIDED, CommuneProgress.Phase.APPROVED);
        assertThat(decided.hasLists()).isTrue();
        assertThat(decided.poor()).isEqualTo(1);
        assertThat(decided.timeliness(LocalDate.of(2025, 12, 20))).isEqualTo(CommuneProgress.Timeliness.ON_TIME);

        decisions.returnResult(id, "Thiếu biên bản họp thôn 2", f.province);
        CommuneProgress returned = only(progress.periodic(f.communeId, 2025, f.province));
        assertThat(returned.phase()).isEqualTo(CommuneProgress.Phase.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("Thiếu biên bản họp thôn 2");
        assertThat(returned.returnedBy()).isIn("district", "province");
        assertThat(returned.hasLists()).isFalse();
        assertThat(returned.timeliness(LocalDate.of(2025, 12, 20))).isEqualTo(CommuneProgress.Timeliness.LATE);
    }

    private static CommuneProgress only(List<CommuneProgress> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
