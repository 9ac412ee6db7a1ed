package vn.giamngheo.escape;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.review.ListsDecided;

/**
 * Closes the escape registrations of a commune and list year when the periodic decision recognising its lists is
 * published, in the deciding transaction: a decision and the registrations it closes are stored together or not
 * at all. The status after is the household's row in the decision; a household the decision does not list keeps
 * its previous decided status (its latest earlier row), so it did not escape unless an earlier decision of the
 * year (an in-year review) already recognised it as escaped. Registrations closed by a decision that was since
 * revoked are closed again by the decision that replaces it.
 */
@Component
class RegistrationCloser {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationCloser.class);

    private final JdbcClient jdbc;

    RegistrationCloser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void onListsDecided(ListsDecided event) {
        if (!event.periodic()) {
            return;
        }
        List<Pending> pending = jdbc.sql("""
                        SELECT r.id, r.registered_status, hs.status AS decided,
                               (SELECT p.status FROM status_of(r.province_code, r.household_id, :effective, :decision) p)
                                   AS previous
                        FROM escape_registration r
                        LEFT JOIN decided_status hs ON hs.province_code = r.province_code
                             AND hs.household_id = r.household_id AND hs.decision_id = :decision
                        WHERE r.province_code = :province AND r.list_year = :year
                          AND (r.commune_id = :commune OR hs.id IS NOT NULL)
                          AND (r.outcome = 'open'
                               OR (r.outcome IN ('escaped', 'not_escaped') AND r.closed_by_decision_id IN
                                   (SELECT d.id FROM review_decision d WHERE d.revoked_on IS NOT NULL)))
                        ORDER BY r.id""")
                .param("decision", event.decisionId())
                .param("effective", event.effectiveFrom())
                .param("province", event.provinceCode())
                .param("year", event.listYear())
                .param("commune", event.communeId())
                .query((rs, i) -> new Pending(rs.getLong("id"), rs.getString("registered_status"),
                        rs.getString("decided"), rs.getString("previous")))
                .list();
        for (Pending p : pending) {
            String after = p.statusAfter();
            jdbc.sql("""
                            UPDATE escape_registration
                            SET outcome = :outcome, status_after = :after, in_decision = :inDecision,
                                closed_by_decision_id = :decision, closed_on = :closedOn, version = version + 1
                            WHERE id = :id""")
                    .param("outcome", EscapeRule.escaped(p.registeredStatus(), after) ? "escaped" : "not_escaped")
                    .param("after", after)
                    .param("inDecision", p.decided() != null)
                    .param("decision", event.decisionId())
                    .param("closedOn", event.decidedOn())
                    .param("id", p.id())
                    .update();
        }
        LOG.info("decision {} of commune {} for {} closed {} escape registrations", event.decisionId(),
                event.communeId(), event.listYear(), pending.size());
    }

    private record Pending(long id, String registeredStatus, String decided, String previous) {
        /** The decided row of this decision, else the previous decided status, else the registered one. */
        String statusAfter() {
            return decided != null ? decided : previous != null ? previous : registeredStatus;
        }
    }
}
