package vn.giamngheo.review.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

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
}
