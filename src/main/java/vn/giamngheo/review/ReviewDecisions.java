package vn.giamngheo.review;

import vn.giamngheo.system.ReportCatchUp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.system.TableStatistics;
import vn.giamngheo.review.rules.ApprovalLevel;
import vn.giamngheo.review.rules.LaterList;
import vn.giamngheo.review.rules.Refusal;
import vn.giamngheo.review.rules.RoundGuards;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The commune chair's decision (step 5) and approval up the levels. Deciding writes every household of the round
 * into the append-only status history with its certificate number, locks the round, and publishes
 * {@link ListsDecided} in the same transaction. The district (for results decided until 30 June 2025) and the
 * province approve in turn, or return the result with a reason: the decision is then revoked and the round goes
 * back to collection, to be decided again by a new decision.
 */
@Service
public class ReviewDecisions {

    private final RoundRepository rounds;
    private final RoundFacts facts;
    private final ReviewSettings settings;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TableStatistics statistics;
    private final ReportCatchUp reportCatchUp;

    ReviewDecisions(RoundRepository rounds, RoundFacts facts, ReviewSettings settings, ApplicationEventPublisher events,
                    JdbcClient jdbc, Clock clock, TableStatistics statistics, ReportCatchUp reportCatchUp) {
        this.statistics = statistics;
        this.reportCatchUp = reportCatchUp;
        this.rounds = rounds;
        this.facts = facts;
        this.settings = settings;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Decision decide(long roundId, String number, LocalDate decidedOn, CurrentUser user) {
        ReviewAccess.requireChair(user);
        ReviewRound round = rounds.lock(roundId, user.scope());
        List<Refusal> refusals = new ArrayList<>();
        if (number == null || number.isBlank() || number.strip().length() > 60) {
            refusals.add(Refusal.of("review.refused.number"));
        }
        if (decidedOn == null || decidedOn.isAfter(LocalDate.now(clock))) {
            refusals.add(Refusal.of("review.refused.decisionDate"));
        }
        if (refusals.isEmpty()) {
            RoundGuards.Facts counted = facts.of(round);
            refusals.addAll(RoundGuards.decision(counted, decidedOn));
            if (round.state() == RoundState.POSTED && counted.notAgreed() > 0) {
                refusals.add(Refusal.of("review.refused.notAgreed", counted.notAgreed()));
            }
        }
        if (refusals.isEmpty() && jdbc.sql("SELECT count(*) FROM review_decision WHERE commune_id = :c AND number = :n")
                .param("c", round.communeId()).param("n", number.strip()).query(Long.class).single() > 0) {
            refusals.add(Refusal.of("review.refused.numberUsed", number.strip()));
        }
        if (!refusals.isEmpty()) {
            throw new ReviewRefusedException(refusals);
        }
        LocalDate effectiveFrom = round.periodic() ? LocalDate.of(round.listYear(), 1, 1) : decidedOn;
        long decisionId = jdbc.sql("""
                        INSERT INTO review_decision (round_id, province_code, commune_id, number, decided_on, effective_from,
                            list_year, signed_by, recorded_by)
                        VALUES (:r, :p, :c, :n, :d, :eff, :y, :signer, :user) RETURNING id""")
                .param("r", roundId).param("p", round.provinceCode()).param("c", round.communeId()).param("n", number.strip())
                .param("d", decidedOn).param("eff", effectiveFrom).param("y", round.listYear())
                .param("signer", user.getFullName()).param("user", user.getUsername()).query(Long.class).single();
        writeStatuses(round, decisionId, decidedOn, effectiveFrom);
        // the statuses only recorded as pending (V74): counted into the report aggregates once committed, in the
        // background (every report read catches up before it reads, should it come first)
        reportCatchUp.afterCommit(round.provinceCode());
        // the commune's statuses and report aggregates analysed once committed, before its pages plan over them (V70)
        statistics.refreshAfterCommit();
        jdbc.sql("UPDATE review_application SET status = 'decided' WHERE round_id = :r AND status = 'in_round'")
                .param("r", roundId).update();
        List<ApprovalLevel> levels = settings.calendar().approvalLevels(decidedOn);
        jdbc.sql("UPDATE review_round SET approval_state = :a WHERE id = :id")
                .param("a", levels.get(0).awaitingState()).param("id", roundId).update();
        rounds.setState(roundId, round.state(), RoundState.DECIDED, null, user.getUsername());
        events.publishEvent(new ListsDecided(roundId, decisionId, round.provinceCode(), round.communeId(), round.listYear(),
                decidedOn, effectiveFrom, round.periodic()));
        return decision(decisionId);
    }

    /**
     * One row per household of the round. The previous status is the one in force for the household before this
     * decision; certificates are numbered per decision, poor first, then near-poor, in village and code order. The
     * decision's date is written with the rows, so that the insert trigger does not look it up once per household.
     */
    private void writeStatuses(ReviewRound round, long decisionId, LocalDate decidedOn, LocalDate effectiveFrom) {
        jdbc.sql(PovertyStatus.sql("""
                        INSERT INTO household_status (province_code, household_id, commune_id, village_id, decision_id, round_id,
                            list_year, effective_from, status, previous_status, poor_kind, deprivation_count, deprived,
                            standard_code, standard_version, household_code, head_name, members, area, ethnic_minority,
                            social_protection, merit, causes, certificate_no, decided_on)
                        SELECT rh.province_code, rh.household_id, :c, rh.village_id, :d, :r, :y, :eff, rh.status,
                               (SELECT s.status FROM status_of(rh.province_code, rh.household_id, :eff) s),
                               rh.poor_kind, rh.deprivation_count, rh.deprived, :std, :ver, rh.household_code, rh.head_name,
                               rh.members, rh.area, rh.ethnic_minority, rh.social_protection, rh.merit,
                               coalesce(h.causes, '{}'),
                               CASE WHEN rh.status IN ({listed}) THEN
                                   row_number() OVER (PARTITION BY rh.status IN ({listed})
                                                      ORDER BY rh.status = {near_poor}, v.name NULLS LAST, rh.household_code)
                                   || CASE rh.status WHEN {poor} THEN '/GCN-HN' ELSE '/GCN-HCN' END
                               END,
                               :decided
                        FROM review_household rh
                        LEFT JOIN admin_unit v ON v.id = rh.village_id
                        LEFT JOIN household h ON h.province_code = rh.province_code AND h.id = rh.household_id
                        WHERE rh.round_id = :r AND rh.province_code = :p"""))
                .param("c", round.communeId()).param("d", decisionId).param("r", round.id()).param("y", round.listYear())
                .param("eff", effectiveFrom).param("std", round.standardCode()).param("ver", round.standardVersion())
                .param("p", round.provinceCode()).param("decided", decidedOn).update();
    }

    /** The awaited level approves; after the last level the result is approved (and stays locked). */
    @Transactional
    public ReviewRound approve(long roundId, CurrentUser user) {
        ReviewAccess.requireApprover(user);
        ReviewRound round = rounds.lock(roundId, user.scope());
        Decision decision = awaiting(round);
        ApprovalLevel level = ApprovalLevel.of(round.approvalState().substring("awaiting_".length()));
        List<ApprovalLevel> levels = settings.calendar().approvalLevels(decision.decidedOn());
        int at = levels.indexOf(level);
        String next = at + 1 < levels.size() ? levels.get(at + 1).awaitingState() : "approved";
        recordApproval(round, decision, level, "approved", null, user);
        jdbc.sql("UPDATE review_round SET approval_state = :a WHERE id = :id").param("a", next).param("id", roundId).update();
        return rounds.find(roundId, user.scope()).orElseThrow();
    }

    /**
     * Returns a commune's result (awaiting approval, or already approved) with a reason: the decision is revoked,
     * its statuses no longer count, and the round goes back to collection.
     */
    @Transactional
    public ReviewRound returnResult(long roundId, String reason, CurrentUser user) {
        ReviewAccess.requireApprover(user);
        ReviewRound round = rounds.lock(roundId, user.scope());
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new ReviewRefusedException("review.refused.reason");
        }
        Decision decision = current(round.id()).filter(d -> round.decided())
                .orElseThrow(() -> new ReviewRefusedException("review.refused.nothingToApprove"));
        String state = round.approvalState();
        ApprovalLevel level = state.startsWith("awaiting_") ? ApprovalLevel.of(state.substring("awaiting_".length()))
                : ApprovalLevel.PROVINCE;
        recordApproval(round, decision, level, "returned", reason.strip(), user);
        jdbc.sql("UPDATE review_decision SET revoked_on = :on, revoke_reason = :reason WHERE id = :id")
                .param("on", LocalDate.now(clock)).param("reason", reason.strip()).param("id", decision.id()).update();
        jdbc.sql("UPDATE household_status SET revoked = true WHERE province_code = :p AND decision_id = :d")
                .param("p", round.provinceCode()).param("d", decision.id()).update();
        jdbc.sql("""
                        UPDATE review_round SET approval_state = 'returned', posting_started_on = NULL, posting_ends_on = NULL,
                            complaints_end_on = NULL WHERE id = :id""")
                .param("id", roundId).update();
        jdbc.sql("UPDATE review_application SET status = 'in_round' WHERE round_id = :r AND status = 'decided'")
                .param("r", roundId).update();
        rounds.setState(roundId, RoundState.DECIDED, RoundState.COLLECTING, "returned:" + level.code() + ":" + reason.strip(),
                user.getUsername());
        return rounds.find(roundId, user.scope()).orElseThrow();
    }

    /** The decision in force for a round (the latest one not revoked). */
    public Optional<Decision> current(long roundId) {
        return jdbc.sql("SELECT * FROM review_decision WHERE round_id = :r AND revoked_on IS NULL ORDER BY id DESC LIMIT 1")
                .param("r", roundId).query(ReviewDecisions::map).optional();
    }

    /**
     * For a monthly round's decision in force: the commune's next year's list decided before it (periodic, in
     * force, effective after the amendment), which therefore does not include the amendment ({@link LaterList}).
     */
    public Optional<Decision> laterListWithout(ReviewRound round, Decision amendment) {
        if (round.periodic() || amendment.revokedOn() != null) {
            return Optional.empty();
        }
        List<Decision> commune = jdbc.sql("""
                        SELECT d.* FROM review_decision d JOIN review_round r ON r.id = d.round_id
                        WHERE d.commune_id = :c AND r.kind = 'periodic' AND d.revoked_on IS NULL""")
                .param("c", round.communeId()).query(ReviewDecisions::map).list();
        LaterList.Decided self = new LaterList.Decided(amendment.id(), false, amendment.effectiveFrom(), false);
        return LaterList.without(self, commune.stream()
                        .map(d -> new LaterList.Decided(d.id(), true, d.effectiveFrom(), d.revokedOn() != null)).toList())
                .flatMap(found -> commune.stream().filter(d -> d.id() == found.order()).findFirst());
    }

    public List<Decision> decisions(long roundId, CurrentUser user) {
        rounds.find(roundId, user.scope()).orElseThrow(() -> new RoundNotFoundException("round " + roundId));
        return jdbc.sql("SELECT * FROM review_decision WHERE round_id = :r ORDER BY id").param("r", roundId)
                .query(ReviewDecisions::map).list();
    }

    public List<Approval> approvals(long roundId, CurrentUser user) {
        rounds.find(roundId, user.scope()).orElseThrow(() -> new RoundNotFoundException("round " + roundId));
        return jdbc.sql("SELECT * FROM review_approval WHERE round_id = :r ORDER BY id").param("r", roundId)
                .query((rs, n) -> new Approval(rs.getLong("id"), rs.getLong("decision_id"), rs.getString("level"),
                        rs.getString("action"), rs.getString("reason"), rs.getString("username"),
                        ReviewTime.local(rs.getTimestamp("at"))))
                .list();
    }

    /** The households a decision recognised, in certificate order. */
    public List<DecidedHousehold> households(long roundId, long decisionId, CurrentUser user) {
        ReviewRound round = rounds.find(roundId, user.scope()).orElseThrow(() -> new RoundNotFoundException("round " + roundId));
        return jdbc.sql(PovertyStatus.sql("""
                        SELECT s.*, v.name AS village_name FROM status_history s LEFT JOIN admin_unit v ON v.id = s.village_id
                        WHERE s.province_code = :p AND s.decision_id = :d AND s.round_id = :r
                        ORDER BY s.status = {near_poor}, s.status NOT IN ({listed}), v.name NULLS LAST, s.household_code"""))
                .param("p", round.provinceCode()).param("d", decisionId).param("r", roundId)
                .query((rs, n) -> new DecidedHousehold(rs.getLong("household_id"), rs.getString("household_code"),
                        rs.getString("head_name"), rs.getInt("members"), rs.getString("village_name"), rs.getString("status"),
                        rs.getString("previous_status"), rs.getBoolean("ethnic_minority"), rs.getBoolean("social_protection"),
                        rs.getBoolean("merit"), rs.getString("area"), rs.getString("certificate_no")))
                .list();
    }

    public Decision decision(long id) {
        return jdbc.sql("SELECT * FROM review_decision WHERE id = :id").param("id", id).query(ReviewDecisions::map).single();
    }

    private Decision awaiting(ReviewRound round) {
        if (!round.decided() || !round.approvalState().startsWith("awaiting_")) {
            throw new ReviewRefusedException("review.refused.nothingToApprove");
        }
        return current(round.id()).orElseThrow(() -> new ReviewRefusedException("review.refused.nothingToApprove"));
    }

    private void recordApproval(ReviewRound round, Decision decision, ApprovalLevel level, String action, String reason,
                                CurrentUser user) {
        jdbc.sql("""
                        INSERT INTO review_approval (round_id, decision_id, level, action, reason, username)
                        VALUES (:r, :d, :level, :action, :reason, :user)""")
                .param("r", round.id()).param("d", decision.id()).param("level", level.code()).param("action", action)
                .param("reason", reason).param("user", user.getUsername()).update();
    }

    private static Decision map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Decision(rs.getLong("id"), rs.getLong("round_id"), rs.getString("province_code"), rs.getLong("commune_id"),
                rs.getString("number"), rs.getDate("decided_on").toLocalDate(), rs.getDate("effective_from").toLocalDate(),
                rs.getInt("list_year"), rs.getString("signed_by"), RoundRepository.date(rs, "revoked_on"),
                rs.getString("revoke_reason"));
    }
}
