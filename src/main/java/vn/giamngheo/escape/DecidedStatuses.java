package vn.giamngheo.escape;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The decided status of a household on a date: its latest row of {@code household_status} that is not revoked
 * and took effect on or before that date (the lists recognised by the commune chair's decisions).
 */
@Component("escapeDecidedStatuses")
class DecidedStatuses {

    /** SQL of the decided status of household {@code h} on {@code :onDate} (a scalar subquery). */
    static final String STATUS_ON = """
            (SELECT s.status FROM household_status s
             WHERE s.province_code = h.province_code AND s.household_id = h.id AND NOT s.revoked
               AND s.effective_from <= :onDate
             ORDER BY s.effective_from DESC, s.id DESC LIMIT 1)""";

    private final JdbcClient jdbc;

    DecidedStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Decided> on(String provinceCode, long householdId, LocalDate date) {
        return jdbc.sql("""
                        SELECT status, decision_id, effective_from FROM household_status
                        WHERE province_code = :p AND household_id = :h AND NOT revoked AND effective_from <= :d
                        ORDER BY effective_from DESC, id DESC LIMIT 1""")
                .param("p", provinceCode).param("h", householdId).param("d", date)
                .query((rs, i) -> new Decided(rs.getString("status"), rs.getLong("decision_id"),
                        rs.getObject("effective_from", LocalDate.class)))
                .optional();
    }

    record Decided(String status, long decisionId, LocalDate effectiveFrom) {
    }
}
