package vn.giamngheo.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;

/**
 * Corrections of benefit records: a record, or every record of one imported file, is voided with a reason (who and
 * when are kept; the row stays and the audit trigger records the change). Voided records no longer count in
 * coverage or leakage. Only editors whose area holds the household may void; elsewhere the record is not found.
 */
@Service
public class BenefitCorrections {

    static final int REASON_MAX = 1000;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    BenefitCorrections(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** One import: the file, when and by whom it was stored, its records and how many of them are voided. */
    public record ImportedFile(String sourceFile, Instant recordedAt, String recordedBy, long records, long voided) {

        public boolean wholeVoided() {
            return voided == records;
        }
    }

    /** Voids one record; returns it as stored now. */
    @Transactional
    public BenefitRecord voidRecord(long id, String reason, CurrentUser user) {
        requireEditor(user);
        String why = reason(reason);
        BenefitRecord r = find(id, user.scope());
        if (r.voided()) {
            throw new InvalidSupportRequestException("support.benefit.void.already", "benefit " + id + " is already voided");
        }
        jdbc.sql("""
                        UPDATE benefit_record SET voided_at = now(), voided_by = :user, void_reason = :reason
                        WHERE province_code = :p AND id = :id AND voided_at IS NULL""")
                .param("user", user.getUsername()).param("reason", why).param("p", r.provinceCode()).param("id", id)
                .update();
        return find(id, user.scope());
    }

    /**
     * Voids every record of one imported file in one transaction. {@code recordedAt} picks the import when the same
     * file name was imported more than once in the area (required then). Every record of the import must be in the
     * user's area. Returns the number of records voided.
     */
    @Transactional
    public int voidImport(String sourceFile, Instant recordedAt, String reason, CurrentUser user) {
        requireEditor(user);
        String why = reason(reason);
        if (sourceFile == null || sourceFile.isBlank()) {
            throw new InvalidSupportRequestException("support.benefit.void.file-required", "name the imported file");
        }
        List<ImportedFile> imports = imports(user.scope(), sourceFile, 100).stream()
                .filter(f -> recordedAt == null || f.recordedAt().equals(recordedAt)).toList();
        if (imports.isEmpty()) {
            throw new SupportNotFoundException("imported file " + sourceFile);
        }
        if (imports.size() > 1) {
            throw new InvalidSupportRequestException("support.benefit.void.several-imports",
                    "file " + sourceFile + " was imported " + imports.size() + " times: give recordedAt");
        }
        ImportedFile file = imports.get(0);
        if (file.wholeVoided()) {
            throw new InvalidSupportRequestException("support.benefit.void.already",
                    "every benefit of " + sourceFile + " is already voided");
        }
        OffsetDateTime at = file.recordedAt().atOffset(ZoneOffset.UTC);
        AreaFilter area = AreaFilter.of(user.scope());
        long outside = area.bind(jdbc.sql("""
                        SELECT count(*) FROM benefit_record b
                        JOIN household h ON h.province_code = b.province_code AND h.id = b.household_id
                        JOIN admin_unit c ON c.id = h.commune_id
                        WHERE b.source = 'import' AND b.source_file = :file AND b.recorded_at = :at
                          AND\s""" + area.outside("c")))
                .param("file", file.sourceFile()).param("at", at)
                .query(Long.class).single();
        if (outside > 0) {
            throw new SupportNotFoundException("the whole of imported file " + sourceFile);
        }
        int n = area.bind(jdbc.sql("""
                        UPDATE benefit_record SET voided_at = now(), voided_by = :user, void_reason = :reason
                        WHERE source = 'import' AND source_file = :file AND recorded_at = :at AND voided_at IS NULL
                          AND\s""" + area.partition("")))
                .param("user", user.getUsername()).param("reason", why).param("file", file.sourceFile())
                .param("at", at)
                .update();
        audit.record("VOID", "benefit_record", file.sourceFile(), user.scope().provinceCode(),
                n + " benefits of " + file.sourceFile() + " imported " + file.recordedAt() + " voided: " + why);
        return n;
    }

    /** The imports of the user's area, newest first, optionally of one file name. */
    public List<ImportedFile> imports(AccessScope scope, String sourceFile, int limit) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql("""
                        SELECT b.source_file, b.recorded_at, b.recorded_by, count(*) AS records,
                               count(*) FILTER (WHERE b.voided_at IS NOT NULL) AS voided
                        FROM benefit_record b
                        JOIN household h ON h.province_code = b.province_code AND h.id = b.household_id
                        JOIN admin_unit c ON c.id = h.commune_id
                        WHERE b.source = 'import' AND\s""" + area.on("b", "c") + """

                          AND (CAST(:file AS text) IS NULL OR b.source_file = :file)
                        GROUP BY 1, 2, 3 ORDER BY 2 DESC LIMIT :limit"""))
                .param("file", sourceFile == null || sourceFile.isBlank() ? null : sourceFile.strip())
                .param("limit", limit)
                .query((rs, i) -> new ImportedFile(rs.getString("source_file"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"),
                        rs.getLong("records"), rs.getLong("voided")))
                .list();
    }

    /** Every benefit record of a household inside the area (voided ones included), newest first; 404 outside. */
    public List<BenefitRecord> ofHousehold(long householdId, AccessScope scope) {
        AreaFilter area = AreaFilter.of(scope);
        boolean inside = area.bind(jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM household h JOIN admin_unit c ON c.id = h.commune_id
                        WHERE h.id = :id AND\s""" + area.on("h", "c") + ")"))
                .param("id", householdId).query(Boolean.class).single();
        if (!inside) {
            throw new SupportNotFoundException("household " + householdId);
        }
        return area.bind(jdbc.sql(BenefitRecords.SELECT_RECORDS + " WHERE " + area.on("b", "c") + """

                          AND b.household_id = :household
                        ORDER BY b.benefit_date DESC, b.id DESC"""))
                .param("household", householdId)
                .query(BenefitRecords::record).list();
    }

    /** One record inside the area (voided or not); 404 otherwise. */
    public BenefitRecord find(long id, AccessScope scope) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql(BenefitRecords.SELECT_RECORDS + " WHERE " + area.on("b", "c") + " AND b.id = :id"))
                .param("id", id)
                .query(BenefitRecords::record).optional()
                .orElseThrow(() -> new SupportNotFoundException("benefit " + id));
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidSupportRequestException("support.benefit.void.reason-required", "give the reason of the void");
        }
        if (why.length() > REASON_MAX) {
            throw new InvalidSupportRequestException("support.benefit.void.reason-too-long",
                    "the reason has " + why.length() + " characters, at most " + REASON_MAX + " are allowed");
        }
        return why;
    }

    private static void requireEditor(CurrentUser user) {
        if (!user.canEdit()) {
            throw new AccessDeniedException("role " + user.role() + " may not change data");
        }
    }
}
