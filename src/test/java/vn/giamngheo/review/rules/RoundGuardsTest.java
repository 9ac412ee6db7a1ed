package vn.giamngheo.review.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundGuardsTest {

    static final ReviewCalendar.Posting POSTING = new ReviewCalendar.Posting(LocalDate.of(2026, 11, 2),
            LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 9));

    static RoundGuards.Facts facts(RoundState state, int households, int unclassified, int withoutVillage, int notAgreed,
                                   int openComplaints) {
        return new RoundGuards.Facts(state, households, unclassified, withoutVillage, notAgreed,
                state == RoundState.POSTED ? POSTING : null, openComplaints);
    }

    static java.util.List<String> keys(java.util.List<Refusal> refusals) {
        return refusals.stream().map(Refusal::key).toList();
    }

    @Test
    void noStepIsSkipped() {
        assertThat(keys(RoundGuards.advance(facts(RoundState.PREPARING, 5, 0, 0, 0, 0), RoundState.MEETINGS,
                LocalDate.of(2026, 11, 20)))).containsExactly("review.refused.jump");
        assertThat(keys(RoundGuards.advance(facts(RoundState.COLLECTING, 5, 0, 0, 0, 0), RoundState.DECIDED,
                LocalDate.of(2026, 11, 20)))).containsExactly("review.refused.jump");
    }

    @Test
    void collectionNeedsHouseholds() {
        assertThat(keys(RoundGuards.advance(facts(RoundState.PREPARING, 0, 0, 0, 0, 0), RoundState.COLLECTING,
                LocalDate.of(2026, 11, 20)))).containsExactly("review.refused.noHouseholds");
        assertThat(RoundGuards.advance(facts(RoundState.PREPARING, 1, 1, 0, 1, 0), RoundState.COLLECTING,
                LocalDate.of(2026, 11, 20))).isEmpty();
    }

    @Test
    void meetingsNeedEveryHouseholdClassifiedAndInAVillage() {
        assertThat(keys(RoundGuards.advance(facts(RoundState.COLLECTING, 5, 2, 1, 5, 0), RoundState.MEETINGS,
                LocalDate.of(2026, 11, 20)))).containsExactly("review.refused.unclassified", "review.refused.withoutVillage");
        assertThat(RoundGuards.advance(facts(RoundState.COLLECTING, 5, 0, 0, 5, 0), RoundState.MEETINGS,
                LocalDate.of(2026, 11, 20))).isEmpty();
    }

    @Test
    void postingNeedsEveryHouseholdAgreed() {
        assertThat(keys(RoundGuards.advance(facts(RoundState.MEETINGS, 5, 0, 0, 1, 0), RoundState.POSTED,
                LocalDate.of(2026, 11, 20)))).containsExactly("review.refused.notAgreed");
        assertThat(RoundGuards.advance(facts(RoundState.MEETINGS, 5, 0, 0, 0, 0), RoundState.POSTED,
                LocalDate.of(2026, 11, 20))).isEmpty();
    }

    @Test
    void noDecisionWhileThePeriodsRunOrAComplaintIsOpen() {
        RoundGuards.Facts posted = facts(RoundState.POSTED, 5, 0, 0, 0, 0);
        assertThat(keys(RoundGuards.decision(posted, LocalDate.of(2026, 11, 9)))).containsExactly("review.refused.periodRunning");
        assertThat(RoundGuards.decision(posted, LocalDate.of(2026, 11, 10))).isEmpty();
        RoundGuards.Facts complaint = facts(RoundState.POSTED, 5, 0, 0, 0, 1);
        assertThat(keys(RoundGuards.decision(complaint, LocalDate.of(2026, 11, 9))))
                .containsExactly("review.refused.periodRunning", "review.refused.openComplaints");
        assertThat(keys(RoundGuards.decision(complaint, LocalDate.of(2026, 11, 10)))).containsExactly("review.refused.openComplaints");
    }

    @Test
    void noDecisionBeforePosting() {
        assertThat(keys(RoundGuards.decision(facts(RoundState.MEETINGS, 5, 0, 0, 0, 0), LocalDate.of(2026, 12, 1))))
                .containsExactly("review.refused.notPosted");
    }

    @ParameterizedTest(name = "meeting on {0} (round opens {1}, today {2}): {3}")
    @CsvSource({
            "2026-10-14, 2026-10-15, 2026-11-20, review.refused.meetingBeforeOpening",
            "2026-10-15, 2026-10-15, 2026-11-20, ",
            "2026-10-16, 2026-10-15, 2026-11-20, ",
            "2026-11-20, 2026-10-15, 2026-11-20, ",
            "2026-11-21, 2026-10-15, 2026-11-20, review.refused.meetingDate",
            ", 2026-10-15, 2026-11-20, review.refused.meetingDate",
            "2025-10-20, 2026-10-15, 2026-11-20, review.refused.meetingBeforeOpening",
    })
    void aMeetingIsHeldWithinItsRound(LocalDate heldOn, LocalDate opensOn, LocalDate today, String refusal) {
        java.util.List<Refusal> refusals = RoundGuards.meetingDate(heldOn, opensOn, today);
        if (refusal == null) {
            assertThat(refusals).isEmpty();
        } else {
            assertThat(keys(refusals)).containsExactly(refusal);
        }
    }

    @ParameterizedTest(name = "posting from {0} (round opens {1}, last meeting {2}): {3}")
    @CsvSource(delimiter = ';', value = {
            "2026-10-14; 2026-10-15; ; review.refused.postingBeforeOpening",
            "2026-10-15; 2026-10-15; ; ",
            "2026-10-15; 2026-10-15; 2026-10-15; ",
            "2026-10-16; 2026-10-15; 2026-10-15; ",
            "2026-10-16; 2026-10-15; 2026-10-17; review.refused.postingBeforeMeeting",
            "2026-10-17; 2026-10-15; 2026-10-17; ",
            "2026-10-14; 2026-10-15; 2026-10-16; review.refused.postingBeforeOpening,review.refused.postingBeforeMeeting",
    })
    void postingStartsAfterTheRoundOpenedAndItsLastMeeting(LocalDate startedOn, LocalDate opensOn, LocalDate lastMeeting,
                                                            String expected) {
        java.util.List<Refusal> refusals = RoundGuards.postingStart(startedOn, opensOn, lastMeeting);
        assertThat(keys(refusals)).containsExactly(expected == null ? new String[0] : expected.split(","));
    }

    @Test
    void theRefusalsSayTheDayThatLimitsTheDate() {
        assertThat(RoundGuards.meetingDate(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 15), LocalDate.of(2026, 11, 1))
                .get(0).args()).containsExactly(LocalDate.of(2026, 10, 15));
        assertThat(RoundGuards.postingStart(LocalDate.of(2026, 10, 16), LocalDate.of(2026, 10, 15), LocalDate.of(2026, 10, 20))
                .get(0).args()).containsExactly(LocalDate.of(2026, 10, 20));
    }
}
