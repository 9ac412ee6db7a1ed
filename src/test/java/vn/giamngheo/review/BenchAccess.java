package vn.giamngheo.review;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.ApplicationContext;
import vn.giamngheo.review.rules.RoundKind;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.security.CurrentUser;

/** The review's services as the round-page benchmark ({@code review.bench}) drives them; test code only. */
public final class BenchAccess {

    private BenchAccess() {
    }

    /** Opens the commune's periodic review of the year with every household of the commune in it: the round's id. */
    public static long openWithAll(ApplicationContext ctx, long communeId, int year, CurrentUser officer) {
        ReviewRounds rounds = ctx.getBean(ReviewRounds.class);
        long id = rounds.open(new OpenRound(communeId, RoundKind.PERIODIC, year, null, null), officer).id();
        ctx.getBean(RoundHouseholds.class).add(id, null, null, officer);
        rounds.advance(id, RoundState.COLLECTING, officer);
        return id;
    }

    /** Runs the background collection of the round (not yet collected households) and waits: [households, millis]. */
    public static long[] collect(ApplicationContext ctx, long roundId, CurrentUser officer) {
        long t0 = System.nanoTime();
        CollectionJobs.Job job = ctx.getBean(CollectionJobs.class).start(roundId, false, officer, Locale.forLanguageTag("vi"));
        if (!job.await(Duration.ofHours(1)) || !job.getProblems().isEmpty()) {
            throw new IllegalStateException("collection did not end well: " + job.getProblems());
        }
        return new long[] {job.getDone(), (System.nanoTime() - t0) / 1_000_000};
    }

    /** Village meetings (everyone agreeing) in every village of the commune, then public posting on the day. */
    public static void meetAndPost(ApplicationContext ctx, long roundId, long communeId, LocalDate heldOn, LocalDate postingOn,
                                   CurrentUser officer) {
        ReviewRounds rounds = ctx.getBean(ReviewRounds.class);
        rounds.advance(roundId, RoundState.MEETINGS, officer);
        VillageMeetings meetings = ctx.getBean(VillageMeetings.class);
        for (ReviewRounds.UnitChoice v : rounds.villages(communeId)) {
            meetings.record(roundId, new MeetingForm(v.id(), heldOn, "Chủ trì", "Thư ký", "Mặt trận", 120, 100, 90, null), officer);
        }
        rounds.post(roundId, postingOn, officer);
    }

    public static String state(ApplicationContext ctx, long roundId, CurrentUser user) {
        return ctx.getBean(ReviewRounds.class).get(roundId, user).state().code();
    }

    /** The round's approval state ("awaiting_province", "approved"…): an approval leaves the state {@code decided}. */
    public static String approvalState(ApplicationContext ctx, long roundId, CurrentUser user) {
        return ctx.getBean(ReviewRounds.class).get(roundId, user).approvalState();
    }
}
