package vn.giamngheo.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.review.rules.ReviewCalendar;
import vn.giamngheo.review.rules.RoundGuards;

/** The counts the guards of a round look at, read from the database. */
@Component
class RoundFacts {

    private final JdbcClient jdbc;

    RoundFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RoundGuards.Facts of(ReviewRound round) {
        return jdbc.sql("""
                        SELECT count(*) AS households,
                               count(*) FILTER (WHERE reviewed_at IS NULL OR status IS NULL) AS unclassified,
                               count(*) FILTER (WHERE village_id IS NULL) AS without_village,
                               count(*) FILTER (WHERE meeting_state <> 'agreed') AS not_agreed,
                               (SELECT count(*) FROM review_complaint k WHERE k.round_id = :id AND k.state = 'open') AS open_complaints
                        FROM review_household WHERE round_id = :id""")
                .param("id", round.id())
                .query((rs, n) -> new RoundGuards.Facts(round.state(), rs.getInt("households"), rs.getInt("unclassified"),
                        rs.getInt("without_village"), rs.getInt("not_agreed"),
                        round.postingStartedOn() == null ? null : new ReviewCalendar.Posting(round.postingStartedOn(),
                                round.postingEndsOn(), round.complaintsEndOn()),
                        rs.getInt("open_complaints")))
                .single();
    }
}
