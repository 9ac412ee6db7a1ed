package vn.giamngheo.audit;

import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only audit log. Row changes of audited tables are written by database triggers; events
 * that change no row (exports of personal data, imports, rejected files) are recorded here explicitly.
 */
@Repository
public class AuditLog {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String action, String entity, String entityId, String provinceCode, String detail) {
        jdbc.sql("""
                        INSERT INTO audit_log (username, action, entity, entity_id, province_code, detail)
                        VALUES (:username, :action, :entity, :entityId, :province, :detail)""")
                .param("username", ActorTaggingDataSource.currentActor())
                .param("action", action)
                .param("entity", entity)
                .param("entityId", entityId)
                .param("province", provinceCode)
                .param("detail", detail)
                .update();
    }

    /** A page of entries, newest first, optionally filtered by entity, entity id and user. */
    public List<AuditEntry> search(AuditQuery query) {
        return jdbc.sql("""
                        SELECT id, at, username, action, entity, entity_id, province_code,
                               before_value::text AS before_value, after_value::text AS after_value, detail
                        FROM audit_log
                        WHERE (:entity = '' OR entity = :entity)
                          AND (:entityId = '' OR entity_id = :entityId)
                          AND (:username = '' OR username = :username)
                        ORDER BY id DESC
                        LIMIT :limit OFFSET :offset""")
                .param("entity", query.entity())
                .param("entityId", query.entityId())
                .param("username", query.username())
                .param("limit", query.pageSize())
                .param("offset", query.offset())
                .query((rs, row) -> new AuditEntry(rs.getLong("id"),
                        rs.getTimestamp("at").toInstant().atZone(VIETNAM).toOffsetDateTime(),
                        rs.getString("username"), rs.getString("action"), rs.getString("entity"),
                        rs.getString("entity_id"), rs.getString("province_code"), rs.getString("before_value"),
                        rs.getString("after_value"), rs.getString("detail")))
                .list();
    }

    /** Filters of the audit browser; empty strings mean "any". */
    public record AuditQuery(String entity, String entityId, String username, int page, int pageSize) {
        public AuditQuery {
            entity = entity == null ? "" : entity.trim();
            entityId = entityId == null ? "" : entityId.trim();
            username = username == null ? "" : username.trim();
            page = Math.max(page, 0);
            pageSize = Math.min(Math.max(pageSize, 1), 500);
        }

        int offset() {
            return page * pageSize;
        }
    }
}
