package vn.giamngheo.escape;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.giamngheo.review.ListsDecided;

/**
 * Decides lists the way the review workflow does: a round, the commune chair's decision and one
 * {@code household_status} row per listed household, then {@link ListsDecided} published in the same transaction.
 */
public final class DecisionFixture {

    private static final AtomicInteger NUMBER = new AtomicInteger();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    public DecisionFixture(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.events = events;
        this.tx = tx;
    }

    /** A periodic decision for the lists of {@code listYear} (effective 1 January), published. */
    public long decidePeriodic(String province, long communeId, int listYear, Map<Long, String> statuses) {
        return decide(province, communeId, listYear, null, LocalDate.of(listYear - 1, 12, 10), LocalDate.of(listYear, 1, 1),
                statuses, true);
    }

    /** A periodic decision stored without publishing (the lists the households already had). */
    public long baseline(String province, long communeId, int listYear, Map<Long, String> statuses) {
        return decide(province, communeId, listYear, null, LocalDate.of(listYear - 1, 12, 10), LocalDate.of(listYear, 1, 1),
                statuses, false);
    }

    /** A monthly (in-year) decision, effective on its date, published. */
    public long decideMonthly(String province, long communeId, int listYear, LocalDate decidedOn, Map<Long, String> statuses) {
        return decide(province, communeId, listYear, decidedOn.getMonthValue(), decidedOn, decidedOn, statuses, true);
    }

    /** Revokes a decision and its rows, as a higher level returning it does. */
    public void revoke(long decisionId) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE review_decision SET revoked_on = decided_on, revoke_reason = 'returned' WHERE id = :id")
                    .param("id", decisionId).update();
            jdbc.sql("UPDATE household_status SET revoked = true WHERE decision_id = :id").param("id", decisionId).update();
        });
    }

    /** A second decision for the same round (after a revocation), published. */
    public long decideAgain(long revokedDecisionId, Map<Long, String> statuses) {
        record Old(long round, String province, long commune, int year, LocalDate decidedOn, LocalDate effective) {
        }
        Old old = jdbc.sql("SELECT round_id, province_code, commune_id, list_year, decided_on, effective_from FROM review_decision WHERE id = :id")
                .param("id", revokedDecisionId)
                .query((rs, i) -> new Old(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class))).single();
        return tx.execute(s -> {
            long decision = insertDecision(old.round(), old.province(), old.commune(), old.year(), old.decidedOn().plusDays(5),
                    old.effective());
            insertRows(old.round(), decision, old.province(), old.commune(), old.year(), old.effective(), statuses);
            events.publishEvent(new ListsDecided(old.round(), decision, old.province(), old.commune(), old.year(),
                    old.decidedOn().plusDays(5), old.effective(), true));
            return decision;
        });
    }

    private long decide(String province, long communeId, int listYear, Integer month, LocalDate decidedOn,
                        LocalDate effective, Map<Long, String> statuses, boolean publish) {
        return tx.execute(s -> {
            long round = jdbc.sql("""
                            INSERT INTO review_round (province_code, commune_id, kind, review_year, review_month, list_year,
                                standard_code, standard_version, reference_date, opens_on, decision_due, state, created_by)
                            VALUES (:p, :c, :kind, :ry, :m, :ly, 'ND07_2021', 1, :ref, :opens, :due, 'decided', 'fixture')
                            RETURNING id""")
                    .param("p", province).param("c", communeId).param("kind", month == null ? "periodic" : "monthly")
                    .param("ry", decidedOn.getYear()).param("m", month).param("ly", listYear)
                    .param("ref", decidedOn.minusMonths(2)).param("opens", decidedOn.minusMonths(2)).param("due", decidedOn)
                    .query(Long.class).single();
            long decision = insertDecision(round, province, communeId, listYear, decidedOn, effective);
            insertRows(round, decision, province, communeId, listYear, effective, statuses);
            if (publish) {
                events.publishEvent(new ListsDecided(round, decision, province, communeId, listYear, decidedOn, effective,
                        month == null));
            }
            return decision;
        });
    }

    private long insertDecision(long round, String province, long communeId, int listYear, LocalDate decidedOn,
                                LocalDate effective) {
        return jdbc.sql("""
                        INSERT INTO review_decision (round_id, province_code, commune_id, number, decided_on, effective_from,
                            list_year, signed_by, recorded_by)
                        VALUES (:r, :p, :c, :n, :d, :e, :y, 'Chủ tịch UBND xã', 'fixture') RETURNING id""")
                .param("r", round).param("p", province).param("c", communeId)
                .param("n", NUMBER.incrementAndGet() + "/QĐ-UBND").param("d", decidedOn).param("e", effective)
                .param("y", listYear).query(Long.class).single();
    }

    private void insertRows(long round, long decision, String province, long communeId, int listYear, LocalDate effective,
                            Map<Long, String> statuses) {
        statuses.forEach((household, status) -> jdbc.sql("""
                        INSERT INTO household_status (province_code, household_id, commune_id, village_id, decision_id,
                            round_id, list_year, effective_from, status, previous_status, standard_code, standard_version,
                            household_code, head_name, members, area, ethnic_minority, social_protection, merit)
                        SELECT h.province_code, h.id, h.commune_id, h.village_id, :decision, :round, :year, :effective,
                               :status,
                               (SELECT p.status FROM household_status p WHERE p.province_code = h.province_code
                                  AND p.household_id = h.id AND NOT p.revoked AND p.effective_from <= :effective
                                ORDER BY p.effective_from DESC, p.id DESC LIMIT 1),
                               'ND07_2021', 1, h.household_code, 'Chủ hộ', 2, 'rural', false, false, false
                        FROM household h WHERE h.province_code = :p AND h.id = :h""")
                .param("decision", decision).param("round", round).param("year", listYear).param("effective", effective)
                .param("status", status).param("p", province).param("h", household).update());
    }
}
