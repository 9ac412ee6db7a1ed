package vn.giamngheo.review;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.review.rules.RoundKind;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.security.AccessScope;

/** Rounds in the database, always read through the user's area (commune path under the user's unit). */
@Repository
class RoundRepository {

    static final String SELECT = """
            SELECT r.*, c.code AS commune_code, c.name AS commune_name, c.path AS commune_path
            FROM review_round r JOIN admin_unit c ON c.id = r.commune_id
            """;

    private final JdbcClient jdbc;

    RoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReviewRound> find(long id, AccessScope scope) {
        return AreaFilter.of(scope).bind(jdbc.sql(SELECT + " WHERE r.id = :id AND " + AreaFilter.of(scope).on("r", "c")))
                .param("id", id)
                .query(RoundRepository::map).optional();
    }

    /** The round locked for a change in this transaction (FOR UPDATE), read through the user's area. */
    ReviewRound lock(long id, AccessScope scope) {
        return AreaFilter.of(scope).bind(jdbc.sql(SELECT + " WHERE r.id = :id AND " + AreaFilter.of(scope).on("r", "c")
                        + " FOR UPDATE OF r"))
                .param("id", id)
                .query(RoundRepository::map).optional()
                .orElseThrow(() -> new RoundNotFoundException("round " + id));
    }

    List<ReviewRound> search(AccessScope scope, Long unitId, Integer year, String state, int limit) {
        AreaFilter area = AreaFilter.of(scope);
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE ").append(area.on("r", "c"));
        if (unitId != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM admin_unit u WHERE u.id = :unit AND ")
                    .append(AreaFilter.subtree("u", "c")).append(")");
        }
        if (year != null) {
            sql.append(" AND r.review_year = :year");
        }
        if (state != null && !state.isBlank()) {
            sql.append(" AND r.state = :state");
        }
        sql.append(" ORDER BY r.review_year DESC, coalesce(r.review_month, 13) DESC, c.code LIMIT :limit");
        var q = area.bind(jdbc.sql(sql.toString())).param("limit", limit);
        if (unitId != null) {
            q = q.param("unit", unitId);
        }
        if (year != null) {
            q = q.param("year", year);
        }
        if (state != null && !state.isBlank()) {
            q = q.param("state", state);
        }
        return q.query(RoundRepository::map).list();
    }

    void setState(long id, RoundState from, RoundState to, String reason, String username) {
        jdbc.sql("UPDATE review_round SET state = :to, version = version + 1 WHERE id = :id")
                .param("to", to.code()).param("id", id).update();
        jdbc.sql("""
                        INSERT INTO review_transition (round_id, from_state, to_state, reason, username)
                        VALUES (:id, :from, :to, :reason, :user)""")
                .param("id", id).param("from", from.code()).param("to", to.code()).param("reason", reason)
                .param("user", username).update();
    }

    List<Transition> transitions(long roundId) {
        return jdbc.sql("SELECT from_state, to_state, reason, username, at FROM review_transition WHERE round_id = :id ORDER BY id")
                .param("id", roundId)
                .query((rs, n) -> new Transition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        ReviewTime.local(rs.getTimestamp(5))))
                .list();
    }

    /** A move of the round between states. */
    record Transition(String from, String to, String reason, String username, java.time.LocalDateTime at) {

        /**
         * Reasons the system writes are coded ("meeting:village:agreed/attendees", "returned:level:text") so pages
         * can say them in the reader's language; the message key for such a reason, or null for a reason typed by
         * a user.
         */
        public String reasonKey() {
            if (reason == null) {
                return null;
            }
            if (reason.startsWith("meeting:") && reason.split(":").length == 3) {
                return "review.reason.meeting";
            }
            if (reason.startsWith("returned:district:") || reason.startsWith("returned:province:")) {
                return "review.reason.returned." + reason.split(":")[1];
            }
            return null;
        }

        /** The n-th argument of a coded reason (village, agreed, attendees; or the level's text). */
        public String reasonArg(int n) {
            if (reason == null) {
                return "";
            }
            if (reason.startsWith("meeting:")) {
                String[] p = reason.split(":");
                String[] votes = p.length == 3 ? p[2].split("/") : new String[]{"", ""};
                String[] args = {p.length > 1 ? p[1] : "", votes[0], votes.length > 1 ? votes[1] : ""};
                return n < args.length ? args[n] : "";
            }
            String[] p = reason.split(":", 3);
            return n == 0 && p.length == 3 ? p[2] : "";
        }
    }

    static ReviewRound map(ResultSet rs, int row) throws SQLException {
        int month = rs.getInt("review_month");
        Integer reviewMonth = rs.wasNull() ? null : month;
        return new ReviewRound(rs.getLong("id"), rs.getString("province_code"), rs.getLong("commune_id"),
                rs.getString("commune_code"), rs.getString("commune_name"), rs.getString("commune_path"),
                RoundKind.of(rs.getString("kind")), rs.getInt("review_year"), reviewMonth, rs.getInt("list_year"),
                rs.getString("standard_code"), rs.getInt("standard_version"), date(rs, "reference_date"),
                date(rs, "opens_on"), date(rs, "decision_due"), RoundState.of(rs.getString("state")),
                date(rs, "posting_started_on"), date(rs, "posting_ends_on"), date(rs, "complaints_end_on"),
                rs.getString("approval_state"), rs.getInt("version"));
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
