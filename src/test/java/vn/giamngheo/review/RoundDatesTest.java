package vn.giamngheo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.review.ReviewWorkflowTest.assertRefused;
import static vn.giamngheo.review.ReviewWorkflowTest.meeting;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.giamngheo.review.rules.RoundState;

/**
 * Dates checked against the round on PostgreSQL: a village meeting is held on or after the day the round opens,
 * and posting starts on or after that day and after the round's last meeting; nothing is stored when refused.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=review2")
class RoundDatesTest {

    @Autowired RoundDriver drive;
    @Autowired ReviewRounds rounds;
    @Autowired VillageMeetings meetings;
    @Autowired RefusalMessages refusals;

    @Test
    void meetingsAndPostingAreDatedWithinTheRound() {
        ReviewFixture f = drive.commune(24);
        f.poor("RD-1", f.village1);
        f.nearPoor("RD-2", f.village2);
        long id = drive.periodicWithAll(f, 2025);
        drive.throughCollection(id, f.officer);

        // the round opens on 1 September 2025: a meeting the day before belongs to no meeting of this round
        assertRefused(() -> meetings.record(id, meeting(f.village1, 10, 8, LocalDate.of(2025, 8, 31)), f.officer),
                "review.refused.meetingBeforeOpening");
        assertThat(meetings.list(id, f.officer)).isEmpty();
        meetings.record(id, meeting(f.village1, 10, 8, LocalDate.of(2025, 9, 1)), f.officer);
        meetings.record(id, meeting(f.village2, 10, 8, LocalDate.of(2025, 10, 20)), f.officer);

        // posting shows what the meetings agreed: not before the round opened, not before its last meeting
        assertRefused(() -> rounds.post(id, LocalDate.of(2025, 8, 29), f.officer),
                "review.refused.postingBeforeOpening", "review.refused.postingBeforeMeeting");
        assertRefused(() -> rounds.post(id, LocalDate.of(2025, 10, 17), f.officer), "review.refused.postingBeforeMeeting");
        ReviewRound still = rounds.get(id, f.officer);
        assertThat(still.state()).isEqualTo(RoundState.MEETINGS);
        assertThat(still.postingStartedOn()).isNull();
        ReviewRound posted = rounds.post(id, LocalDate.of(2025, 10, 20), f.officer);
        assertThat(posted.state()).isEqualTo(RoundState.POSTED);
        assertThat(posted.postingStartedOn()).isEqualTo(LocalDate.of(2025, 10, 20));
    }

    @Test
    void theRefusalsNameTheLimitingDayInBothLanguages() {
        var e = new ReviewRefusedException("review.refused.postingBeforeMeeting", LocalDate.of(2025, 10, 20));
        assertThat(refusals.of(e, Locale.forLanguageTag("vi"))).singleElement().asString()
                .contains("cuộc họp thôn cuối cùng").contains("20/10/2025");
        assertThat(refusals.of(e, Locale.ENGLISH)).singleElement().asString()
                .contains("last village meeting").contains("20/10/2025");
        var m = new ReviewRefusedException("review.refused.meetingBeforeOpening", LocalDate.of(2026, 10, 15));
        assertThat(refusals.of(m, Locale.forLanguageTag("vi"))).singleElement().asString()
                .contains("trước ngày mở đợt").contains("15/10/2026");
    }
}
