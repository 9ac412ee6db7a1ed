package vn.giamngheo.review;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.review.rules.RoundKind;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.UserAccounts;

/**
 * Builds a test commune and drives a review round through its ordinary steps with the services, for the tests of
 * this package that need a round in a given state. Every step is the service call a test would make itself; a
 * refusal on the way fails the test. A test-source component found by component scanning, so it adds no test
 * configuration and leaves the test contexts (and their caching) as they are.
 */
@Component
class RoundDriver {

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final GeographyCatalog geography;
    private final HouseholdRegistry registry;
    private final ReviewRounds rounds;
    private final RoundHouseholds households;
    private final VillageMeetings meetings;

    RoundDriver(JdbcClient jdbc, UserAccounts users, GeographyCatalog geography, HouseholdRegistry registry,
                ReviewRounds rounds, RoundHouseholds households, VillageMeetings meetings) {
        this.jdbc = jdbc;
        this.users = users;
        this.geography = geography;
        this.registry = registry;
        this.rounds = rounds;
        this.households = households;
        this.meetings = meetings;
    }

    /** The n-th test commune of province 08 with two villages and its staff (see {@link ReviewFixture}). */
    ReviewFixture commune(int n) {
        return new ReviewFixture(jdbc, users, geography, registry, n);
    }

    /** Opens the commune's periodic review of the year with every household of the commune in it: the round's id. */
    long periodicWithAll(ReviewFixture f, int year) {
        long id = rounds.open(new OpenRound(f.communeId, RoundKind.PERIODIC, year, null, null), f.officer).id();
        households.add(id, null, null, f.officer);
        return id;
    }

    /**
     * A round in preparation with its households: to collection, every household collected, on to the village
     * meetings. Returns how many households were collected.
     */
    int throughCollection(long id, CurrentUser officer) {
        rounds.advance(id, RoundState.COLLECTING, officer);
        int collected = households.collectAll(id, false, officer);
        rounds.advance(id, RoundState.MEETINGS, officer);
        return collected;
    }

    /** A round at its village meetings: records the meetings held, then starts the posting on the day. */
    ReviewRound meetAndPost(long id, LocalDate postingStartsOn, CurrentUser officer, MeetingForm... held) {
        for (MeetingForm meeting : held) {
            meetings.record(id, meeting, officer);
        }
        return rounds.post(id, postingStartsOn, officer);
    }
}
