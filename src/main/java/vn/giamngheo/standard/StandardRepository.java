package vn.giamngheo.standard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.giamngheo.standard.rules.Confidence;
import vn.giamngheo.standard.rules.Parameter;
import vn.giamngheo.standard.rules.PovertyStandard;

/** Plain SQL for the standards, their parameters and the schedule. */
@Repository
class StandardRepository {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;

    StandardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every version of every standard, oldest version first within a code. */
    List<StoredStandard> loadAll() {
        List<StandardVersion> versions = jdbc.sql("""
                        SELECT id, code, version, name, kind, base_code, base_version, province_code, valid_from, valid_to,
                               legal_basis, change_note, created_by, created_at
                        FROM poverty_standard ORDER BY valid_from, code, version""")
                .query(StandardRepository::version).list();
        Map<Long, Map<String, Parameter>> parameters = new HashMap<>();
        jdbc.sql("""
                        SELECT standard_id, name, value, unit, legal_source, confidence, note
                        FROM poverty_standard_parameter ORDER BY standard_id, name""")
                .query((ResultSet rs) -> {
                    parameters.computeIfAbsent(rs.getLong("standard_id"), id -> new LinkedHashMap<>())
                            .put(rs.getString("name"), new Parameter(rs.getString("name"), rs.getString("value"),
                                    rs.getString("unit"), rs.getString("legal_source"),
                                    Confidence.ofMark(rs.getString("confidence")), rs.getString("note")));
                });
        List<StoredStandard> all = new ArrayList<>();
        for (StandardVersion v : versions) {
            all.add(new StoredStandard(v, new PovertyStandard(v.code(), parameters.getOrDefault(v.id(), Map.of()))));
        }
        return all;
    }

    List<ScheduleEntry> schedule() {
        return jdbc.sql("""
                        SELECT id, year_from, year_to, province_code, standard_code, legal_basis, created_by
                        FROM poverty_standard_schedule ORDER BY province_code NULLS FIRST, year_from""")
                .query((rs, n) -> new ScheduleEntry(rs.getLong("id"), rs.getInt("year_from"), rs.getInt("year_to"),
                        rs.getString("province_code"), rs.getString("standard_code"), rs.getString("legal_basis"),
                        rs.getString("created_by")))
                .list();
    }

    /** Writes a new version with all its parameters (a version is never updated afterwards). */
    long insert(StandardVersion v, PovertyStandard standard) {
        long id = jdbc.sql("""
                        INSERT INTO poverty_standard (code, version, name, kind, base_code, base_version, province_code,
                                                      valid_from, valid_to, legal_basis, change_note, created_by)
                        VALUES (:code, :version, :name, :kind, :baseCode, :baseVersion, :province, :from, :to, :basis,
                                :note, :by)
                        RETURNING id""")
                .param("code", v.code()).param("version", v.version()).param("name", v.name()).param("kind", v.kind())
                .param("baseCode", v.baseCode()).param("baseVersion", v.baseVersion())
                .param("province", v.provinceCode()).param("from", v.validFrom()).param("to", v.validTo())
                .param("basis", v.legalBasis()).param("note", v.changeNote()).param("by", v.createdBy())
                .query(Long.class).single();
        for (Parameter p : standard.allParameters()) {
            jdbc.sql("""
                            INSERT INTO poverty_standard_parameter (standard_id, name, value, unit, legal_source, confidence, note)
                            VALUES (:id, :name, :value, :unit, :source, :confidence, :note)""")
                    .param("id", id).param("name", p.name()).param("value", p.value()).param("unit", p.unit())
                    .param("source", p.legalSource()).param("confidence", p.confidence().mark())
                    .param("note", p.note())
                    .update();
        }
        return id;
    }

    /** Serialises changes of one standard code (a new version number) or of one schedule (national or a province). */
    void lock(String key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "poverty_standard:" + key)
                .query((rs, n) -> 1).list();
    }

    /** The newest version number of a code as committed now (the cache may lag behind), 0 when unknown. */
    int latestVersion(String code) {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM poverty_standard WHERE code = :code")
                .param("code", code).query(Integer.class).single();
    }

    void deleteSchedule(long id) {
        jdbc.sql("DELETE FROM poverty_standard_schedule WHERE id = :id").param("id", id).update();
    }

    void insertSchedule(int from, int to, String province, String code, String basis, String by) {
        jdbc.sql("""
                        INSERT INTO poverty_standard_schedule (year_from, year_to, province_code, standard_code, legal_basis, created_by)
                        VALUES (:from, :to, :province, :code, :basis, :by)""")
                .param("from", from).param("to", to).param("province", province).param("code", code)
                .param("basis", basis).param("by", by)
                .update();
    }

    private static StandardVersion version(ResultSet rs, int row) throws SQLException {
        Integer baseVersion = rs.getObject("base_version", Integer.class);
        return new StandardVersion(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("name"),
                rs.getString("kind"), rs.getString("base_code"), baseVersion,
                rs.getString("province_code"), rs.getObject("valid_from", java.time.LocalDate.class),
                rs.getObject("valid_to", java.time.LocalDate.class), rs.getString("legal_basis"),
                rs.getString("change_note"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant().atZone(VIETNAM).toOffsetDateTime());
    }
}
