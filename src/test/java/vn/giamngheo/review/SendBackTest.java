package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.giamngheo.review.ReviewWorkflowTest.assertRefused;
import static vn.giamngheo.review.ReviewWorkflowTest.meeting;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.security.Role;

/**
 * Sending a round back (ReviewRounds.sendBack) on PostgreSQL: only with a reason, which the round's history keeps;
 * back before posting the posting and complaint dates are cleared; a decided round only comes back when a higher
 * level returns it.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=review2")
class SendBackTest {

    @Autowired RoundDriver drive;
    @Autowired ReviewRounds rounds;
    @Autowired RoundHouseholds households;
    @Autowired ReviewDecisions decisions;

    @Test
    void aRoundGoesBackOnlyWithAReasonAndNeverOnceDecided() {
        ReviewFixture f = drive.commune(26);
        f.poor("SB-1", f.village1);
        f.nearPoor("SB-2", f.village1);
        long id = drive.periodicWithAll(f, 2025);
        drive.throughCollection(id, f.officer);
        drive.meetAndPost(id, LocalDate.of(2025, 11, 3), f.officer, meeting(f.village1, 10, 7));
        int moves = rounds.history(id, f.officer).size();

        // no reason, a reason too long, a step that is not earlier: refused, nothing changes
        assertRefused(() -> rounds.sendBack(id, RoundState.MEETINGS, "   ", f.officer), "review.refused.reason");
        assertRefused(() -> rounds.sendBack(id, RoundState.MEETINGS, null, f.officer), "review.refused.reason");
        assertRefused(() -> rounds.sendBack(id, RoundState.MEETINGS, "x".repeat(2001), f.officer), "review.refused.tooLong");
        assertRefused(() -> rounds.sendBack(id, RoundState.PREPARING, "Làm lại từ đầu", f.officer), "review.refused.sendBack");
        assertRefused(() -> rounds.sendBack(id, null, "", f.officer), "review.refused.sendBack", "review.refused.reason");
        var viewer = f.registry.user(Role.MINISTRY_VIEWER, "province", null);
        assertThatThrownBy(() -> rounds.sendBack(id, RoundState.MEETINGS, "Xem lại", viewer))
                .isInstanceOf(AccessDeniedException.class);
        ReviewRound unchanged = rounds.get(id, f.officer);
        assertThat(unchanged.state()).isEqualTo(RoundState.POSTED);
        assertThat(unchanged.postingStartedOn()).isEqualTo(LocalDate.of(2025, 11, 3));
        assertThat(rounds.history(id, f.officer)).hasSize(moves);

        // back to the meetings: the posting and complaint dates go, the reason stays in the history
        ReviewRound back = rounds.sendBack(id, RoundState.MEETINGS, "  Niêm yết thiếu hộ SB-2 ở nhà văn hoá thôn  ", f.officer);
        assertThat(back.state()).isEqualTo(RoundState.MEETINGS);
        assertThat(back.postingStartedOn()).isNull();
        assertThat(back.postingEndsOn()).isNull();
        assertThat(back.complaintsEndOn()).isNull();
        assertThat(rounds.history(id, f.officer)).hasSize(moves + 1).last().satisfies(t -> {
            assertThat(t.from()).isEqualTo("posted");
            assertThat(t.to()).isEqualTo("meetings");
            assertThat(t.reason()).isEqualTo("Niêm yết thiếu hộ SB-2 ở nhà văn hoá thôn");
            assertThat(t.reasonKey()).isNull();
            assertThat(t.username()).isEqualTo(f.officer.getUsername());
        });
        // the households keep their collected data and agreement
        assertThat(households.list(id, f.officer, Locale.ENGLISH)).allSatisfy(h -> {
            assertThat(h.collected()).isTrue();
            assertThat(h.meetingState()).isEqualTo("agreed");
        });

        // posted again, decided: no longer sent back by the commune
        ReviewRound reposted = rounds.post(id, LocalDate.of(2025, 11, 10), f.officer);
        assertThat(reposted.complaintsEndOn()).isEqualTo(LocalDate.of(2025, 11, 17));
        decisions.decide(id, "130/QĐ-UBND", LocalDate.of(2025, 11, 18), f.chair);
        assertRefused(() -> rounds.sendBack(id, RoundState.COLLECTING, "Sai sót", f.officer), "review.refused.sendBack");
        assertRefused(() -> rounds.sendBack(id, RoundState.POSTED, "Sai sót", f.officer), "review.refused.sendBack");
        ReviewRound decided = rounds.get(id, f.officer);
        assertThat(decided.state()).isEqualTo(RoundState.DECIDED);
        assertThat(decided.postingStartedOn()).isEqualTo(LocalDate.of(2025, 11, 10));
    }
}
