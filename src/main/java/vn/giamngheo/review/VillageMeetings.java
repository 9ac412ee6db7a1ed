package vn.giamngheo.review;

import java.sql.Array;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.review.rules.Refusal;
import vn.giamngheo.review.rules.ReviewCalendar;
import vn.giamngheo.review.rules.RoundGuards;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.security.CurrentUser;

/**
 * Village meetings (step 3): the meeting of a village discusses the round's households of that village not yet
 * agreed. At or above the threshold they are agreed; below it they go back to collection and the round returns
 * to collecting, with the reason recorded.
 */
@Service
public class VillageMeetings {

    private final RoundRepository rounds;
    private final ReviewSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    VillageMeetings(RoundRepository rounds, ReviewSettings settings, JdbcClient jdbc, Clock clock) {
        this.rounds = rounds;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public VillageMeeting record(long roundId, MeetingForm form, CurrentUser user) {
        ReviewAccess.requireCommuneEditor(user);
        ReviewRound round = rounds.lock(roundId, user.scope());
        if (round.state() != RoundState.MEETINGS) {
            throw new ReviewRefusedException("review.refused.notMeetings", round.state().code());
        }
        List<Refusal> refusals = validate(form, round);
        if (!refusals.isEmpty()) {
            throw new ReviewRefusedException(refusals);
        }
        List<Long> households = jdbc.sql("""
                        SELECT household_id FROM review_household WHERE round_id = :r AND province_code = :p
                        AND village_id = :v AND meeting_state = 'pending' AND reviewed_at IS NOT NULL ORDER BY household_code""")
                .param("r", roundId).param("p", round.provinceCode()).param("v", form.villageId())
                .query(Long.class).list();
        if (households.isEmpty()) {
            throw new ReviewRefusedException("review.refused.nothingToDiscuss");
        }
        ReviewCalendar calendar = settings.calendar();
        boolean passed = calendar.meetingPassed(form.attendees(), form.agreed());
        long id = jdbc.sql("""
                        INSERT INTO village_meeting (round_id, village_id, held_on, chair, secretary, supervisor, invited,
                            attendees, agreed, threshold, passed, note, households, recorded_by)
                        VALUES (:r, :v, :d, :chair, :sec, :sup, :inv, :att, :agr, :thr, :passed, :note, :hh, :user)
                        RETURNING id""")
                .param("r", roundId).param("v", form.villageId()).param("d", form.heldOn())
                .param("chair", form.chair().strip()).param("sec", blankToNull(form.secretary()))
                .param("sup", blankToNull(form.supervisor())).param("inv", form.invited()).param("att", form.attendees())
                .param("agr", form.agreed()).param("thr", calendar.meetingThreshold()).param("passed", passed)
                .param("note", blankToNull(form.note())).param("hh", households.toArray(Long[]::new))
                .param("user", user.getUsername()).query(Long.class).single();
        jdbc.sql(passed
                        ? "UPDATE review_household SET meeting_state = 'agreed' WHERE round_id = :r AND province_code = :p AND household_id = ANY(:hh)"
                        : "UPDATE review_household SET meeting_state = 'returned', reviewed_at = NULL WHERE round_id = :r AND province_code = :p AND household_id = ANY(:hh)")
                .param("r", roundId).param("p", round.provinceCode()).param("hh", households.toArray(Long[]::new)).update();
        if (!passed) {
            String village = jdbc.sql("SELECT name FROM admin_unit WHERE id = :v").param("v", form.villageId())
                    .query(String.class).single();
            rounds.setState(roundId, round.state(), RoundState.COLLECTING,
                    "meeting:" + village + ":" + form.agreed() + "/" + form.attendees(), user.getUsername());
        }
        return list(roundId, user).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    public List<VillageMeeting> list(long roundId, CurrentUser user) {
        rounds.find(roundId, user.scope()).orElseThrow(() -> new RoundNotFoundException("round " + roundId));
        return jdbc.sql("""
                        SELECT m.*, v.name AS village_name FROM village_meeting m JOIN admin_unit v ON v.id = m.village_id
                        WHERE m.round_id = :r ORDER BY m.held_on, m.id""")
                .param("r", roundId)
                .query((rs, n) -> new VillageMeeting(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("village_id"),
                        rs.getString("village_name"), rs.getDate("held_on").toLocalDate(), rs.getString("chair"),
                        rs.getString("secretary"), rs.getString("supervisor"), rs.getInt("invited"), rs.getInt("attendees"),
                        rs.getInt("agreed"), rs.getBigDecimal("threshold"), rs.getBoolean("passed"), rs.getString("note"),
                        ids(rs.getArray("households")), rs.getString("recorded_by")))
                .list();
    }

    public VillageMeeting get(long roundId, long meetingId, CurrentUser user) {
        return list(roundId, user).stream().filter(m -> m.id() == meetingId).findFirst()
                .orElseThrow(() -> new RoundNotFoundException("meeting " + meetingId));
    }

    private List<Refusal> validate(MeetingForm f, ReviewRound round) {
        List<Refusal> refusals = new ArrayList<>();
        if (f.villageId() == null || jdbc.sql("""
                        SELECT count(*) FROM admin_unit WHERE id = :v AND level = 'village' AND parent_id = :c""")
                .param("v", f.villageId()).param("c", round.communeId()).query(Long.class).single() == 0) {
            refusals.add(Refusal.of("review.refused.village"));
        }
        refusals.addAll(RoundGuards.meetingDate(f.heldOn(), round.opensOn(), LocalDate.now(clock)));
        if (f.chair() == null || f.chair().isBlank() || f.chair().length() > 200) {
            refusals.add(Refusal.of("review.refused.chair"));
        }
        if (f.invited() == null || f.attendees() == null || f.agreed() == null || f.invited() <= 0 || f.attendees() <= 0
                || f.attendees() > f.invited() || f.agreed() < 0 || f.agreed() > f.attendees()) {
            refusals.add(Refusal.of("review.refused.attendance"));
        }
        for (String text : new String[]{f.secretary(), f.supervisor()}) {
            if (text != null && text.length() > 200) {
                refusals.add(Refusal.of("review.refused.tooLong", 200));
            }
        }
        if (f.note() != null && f.note().length() > 2000) {
            refusals.add(Refusal.of("review.refused.tooLong", 2000));
        }
        return refusals;
    }

    private static List<Long> ids(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
