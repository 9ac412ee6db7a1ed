package vn.giamngheo.audit;

import java.time.OffsetDateTime;

/** One row of the audit log. */
public record AuditEntry(long id, OffsetDateTime at, String username, String action, String entity,
                         String entityId, String provinceCode, String before, String after, String detail) {
}
