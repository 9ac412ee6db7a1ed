package vn.giamngheo.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.review.rules.Refusal;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.security.CurrentUser;

/** Complaints during public posting: recorded, re-checked and answered; an open complaint stops the decision. */
@Service
class ReviewComplaints {

    private final RoundRepository rounds;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReviewComplaints(RoundRepository rounds, JdbcClient jdbc, Clock clock) {
        this.rounds = rounds;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Complaint record(long roundId, Long householdId, String complainant, LocalDate receivedOn, String content,
                            CurrentUser user) {
        ReviewAccess.requireCommuneEditor(user);
        ReviewRound round = rounds.lock(roundId, user.scope());
        if (round.state() != RoundState.POSTED) {
            throw new ReviewRefusedException("review.refused.notPosted", round.state().code());
        }
        List<Refusal> refusals = new ArrayList<>();
        if (complainant == null || complainant.isBlank() || complainant.length() > 200) {
            refusals.add(Refusal.of("review.refused.complainant"));
        }
        if (content == null || content.isBlank() || content.length() > 4000) {
            refusals.add(Refusal.of("review.refused.content"));
        }
        if (receivedOn == null || receivedOn.isAfter(LocalDate.now(clock)) || receivedOn.isBefore(round.postingStartedOn())) {
            refusals.add(Refusal.of("review.refused.receivedOn", round.postingStartedOn()));
        }
        if (householdId != null && jdbc.sql("SELECT count(*) FROM review_household WHERE round_id = :r AND household_id = :h")
                .param("r", roundId).param("h", householdId).query(Long.class).single() == 0) {
            refusals.add(Refusal.of("review.refused.complaintHousehold"));
        }
        if (!refusals.isEmpty()) {
            throw new ReviewRefusedException(refusals);
        }
        long id = jdbc.sql("""
                        INSERT INTO review_complaint (round_id, household_id, complainant, received_on, content, created_by)
                        VALUES (:r, :h, :who, :on, :content, :user) RETURNING id""")
                .param("r", roundId).param("h", householdId).param("who", complainant.strip()).param("on", receivedOn)
                .param("content", content.strip()).param("user", user.getUsername()).query(Long.class).single();
        return get(roundId, id, user);
    }

    /** Records the re-check and the written answer given today; the complaint is closed. */
    public Complaint answer(long roundId, long complaintId, String recheckNote, String answer, CurrentUser user) {
        return answer(roundId, complaintId, recheckNote, answer, null, user);
    }

    /**
     * Records the re-check and the written answer, dated {@code answeredOn} (null: today) — from the day the
     * complaint was received to today, so that an answer given on paper can be entered later.
     */
    @Transactional
    public Complaint answer(long roundId, long complaintId, String recheckNote, String answer, LocalDate answeredOn,
                            CurrentUser user) {
        ReviewAccess.requireCommuneEditor(user);
        ReviewRound round = rounds.lock(roundId, user.scope());
        if (round.state() != RoundState.POSTED) {
            throw new ReviewRefusedException("review.refused.notPosted", round.state().code());
        }
        if (answer == null || answer.isBlank() || answer.length() > 4000
                || (recheckNote != null && recheckNote.length() > 4000)) {
            throw new ReviewRefusedException("review.refused.answer");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = answeredOn == null ? today : answeredOn;
        LocalDate received = get(roundId, complaintId, user).receivedOn();
        if (on.isAfter(today) || on.isBefore(received)) {
            throw new ReviewRefusedException("review.refused.answeredOn", received);
        }
        int updated = jdbc.sql("""
                        UPDATE review_complaint SET state = 'answered', recheck_note = :note, answer = :answer,
                            answered_on = :on, answered_by = :user
                        WHERE id = :id AND round_id = :r AND state = 'open'""")
                .param("note", VillageMeetings.blankToNull(recheckNote)).param("answer", answer.strip())
                .param("on", on).param("user", user.getUsername()).param("id", complaintId)
                .param("r", roundId).update();
        if (updated == 0) {
            throw new RoundNotFoundException("open complaint " + complaintId);
        }
        return get(roundId, complaintId, user);
    }

    public List<Complaint> list(long roundId, CurrentUser user) {
        rounds.find(roundId, user.scope()).orElseThrow(() -> new RoundNotFoundException("round " + roundId));
        return jdbc.sql("""
                        SELECT k.*, rh.household_code FROM review_complaint k
                        LEFT JOIN review_household rh ON rh.round_id = k.round_id AND rh.household_id = k.household_id
                        WHERE k.round_id = :r ORDER BY k.id""")
                .param("r", roundId)
                .query((rs, n) -> new Complaint(rs.getLong("id"), rs.getLong("round_id"), rs.getObject("household_id", Long.class),
                        rs.getString("household_code"), rs.getString("complainant"), rs.getDate("received_on").toLocalDate(),
                        rs.getString("content"), rs.getString("state"), rs.getString("recheck_note"), rs.getString("answer"),
                        RoundRepository.date(rs, "answered_on"), rs.getString("answered_by")))
                .list();
    }

    public Complaint get(long roundId, long id, CurrentUser user) {
        return list(roundId, user).stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new RoundNotFoundException("complaint " + id));
    }
}
