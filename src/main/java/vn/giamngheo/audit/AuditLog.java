package vn.giamngheo.audit;

import java.time.ZoneId;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaFilter;

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

    /**
     * A page of entries, newest first, with the filters of the page: user, table, record id, unit (an area of
     * {@link AreaFilter}: the province's entries, and for a unit below a province those whose row names a commune of
     * the unit), day range; keyset paging ({@code before}: the last id of the previous page), so that a late page
     * costs what the first does on a log of millions of entries (indexes of V42).
     */
    public List<AuditEntry> find(AuditFilter f, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, at, username, action, entity, entity_id, province_code,"
                + " before_value::text AS before_value, after_value::text AS after_value, detail FROM audit_log WHERE TRUE");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!f.username().isEmpty()) {
            sql.append(" AND username = :username");
            params.put("username", f.username());
        }
        if (!f.entity().isEmpty()) {
            sql.append(" AND entity = :entity");
            params.put("entity", f.entity());
        }
        if (!f.entityId().isEmpty()) {
            sql.append(" AND entity_id = :entityId");
            params.put("entityId", f.entityId());
        }
        if (f.unit() != null) {
            sql.append(" AND province_code = :unitProvince");
            params.put("unitProvince", f.unit().provinceCode());
            if (!AdminUnit.PROVINCE.equals(f.unit().level())) {
                AreaFilter area = AreaFilter.of(f.unit()).named("unitArea");
                sql.append(" AND coalesce(after_value ->> 'commune_id', before_value ->> 'commune_id')"
                        + " IN (SELECT CAST(u.id AS text) FROM admin_unit u WHERE ").append(area.on("u")).append(")");
                params.putAll(area.parameters());
            }
        }
        if (f.from() != null) {
            sql.append(" AND at >= CAST(:from AS date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" AND at < (CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'");
            params.put("to", f.to());
        }
        if (f.before() != null) {
            sql.append(" AND id < :before");
            params.put("before", f.before());
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        params.put("limit", limit);
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
        params.forEach(spec::param);
        return spec.query((rs, row) -> new AuditEntry(rs.getLong("id"),
                        rs.getTimestamp("at").toInstant().atZone(VIETNAM).toOffsetDateTime(),
                        rs.getString("username"), rs.getString("action"), rs.getString("entity"),
                        rs.getString("entity_id"), rs.getString("province_code"), rs.getString("before_value"),
                        rs.getString("after_value"), rs.getString("detail")))
                .list();
    }

    /**
     * The filters of the page; empty strings and nulls mean "any"; {@code unit} already resolved in the reader's
     * area; {@code from}/{@code to} days (inclusive); {@code before} the keyset of the page.
     */
    public record AuditFilter(String username, String entity, String entityId, AdminUnit unit, LocalDate from,
                              LocalDate to, Long before) {
        public AuditFilter {
            username = username == null ? "" : username.trim();
            entity = entity == null ? "" : entity.trim();
            entityId = entityId == null ? "" : entityId.trim();
        }
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
