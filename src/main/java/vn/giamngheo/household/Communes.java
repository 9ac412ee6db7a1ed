package vn.giamngheo.household;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.security.AccessScope;

/** Looks up communes and villages of the unit catalogue for the registry (read-only SQL). */
@Component
public class Communes {

    private final JdbcClient jdbc;

    Communes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The commune with this code on this date, if it existed then. */
    public Optional<CommuneRef> onDate(String code, LocalDate date) {
        return jdbc.sql("""
                        SELECT id, code, province_code, path, area_type FROM admin_unit
                        WHERE level = 'commune' AND code = :code
                          AND (valid_from IS NULL OR valid_from <= :d) AND (valid_to IS NULL OR valid_to >= :d)""")
                .param("code", code).param("d", date)
                .query((rs, i) -> new CommuneRef(rs.getLong("id"), rs.getString("code"), rs.getString("province_code"),
                        rs.getString("path"), rs.getString("area_type")))
                .optional();
    }

    /** Every commune in use on the date, by code (a few thousand: for bulk imports). */
    public Map<String, CommuneRef> allOnDate(LocalDate date) {
        Map<String, CommuneRef> byCode = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT id, code, province_code, path, area_type FROM admin_unit
                        WHERE level = 'commune' AND (valid_from IS NULL OR valid_from <= :d) AND (valid_to IS NULL OR valid_to >= :d)""")
                .param("d", date)
                .query((rs, i) -> byCode.put(rs.getString("code"), new CommuneRef(rs.getLong("id"), rs.getString("code"),
                        rs.getString("province_code"), rs.getString("path"), rs.getString("area_type"))))
                .list();
        return byCode;
    }

    public Optional<CommuneRef> byId(long id) {
        return jdbc.sql("SELECT id, code, province_code, path, area_type FROM admin_unit WHERE level = 'commune' AND id = :id")
                .param("id", id)
                .query((rs, i) -> new CommuneRef(rs.getLong("id"), rs.getString("code"), rs.getString("province_code"),
                        rs.getString("path"), rs.getString("area_type")))
                .optional();
    }

    boolean villageOf(long villageId, long communeId) {
        return jdbc.sql("SELECT count(*) FROM admin_unit WHERE id = :v AND level = 'village' AND parent_id = :c")
                .param("v", villageId).param("c", communeId).query(Long.class).single() > 0;
    }

    /** Villages of the communes in the user's area (for filters and forms). */
    List<Village> villages(Long communeId, AccessScope scope) {
        String sql = """
                SELECT v.id, v.name, v.parent_id, c.full_name AS commune_name FROM admin_unit v
                JOIN admin_unit c ON c.id = v.parent_id
                WHERE v.level = 'village' AND v.valid_to IS NULL AND (CAST(:commune AS bigint) IS NULL OR v.parent_id = :commune)
                  AND\s""" + AreaFilter.of(scope).on("v") + """

                ORDER BY c.full_name, v.name LIMIT 2000""";
        return AreaFilter.of(scope).bind(jdbc.sql(sql)).param("commune", communeId)
                .query((rs, i) -> new Village(rs.getLong("id"), rs.getString("name"), rs.getLong("parent_id"),
                        rs.getString("commune_name")))
                .list();
    }

    /** Communes valid today inside the user's area (for forms), at most a province's worth. */
    public List<CommuneChoice> communesInScope(AccessScope scope, LocalDate today) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql("""
                        SELECT id, code, full_name FROM admin_unit u
                        WHERE level = 'commune' AND\s""" + area.on("u") + """

                          AND (valid_from IS NULL OR valid_from <= :d) AND (valid_to IS NULL OR valid_to >= :d)
                        ORDER BY code LIMIT 5000"""))
                .param("d", today)
                .query((rs, i) -> new CommuneChoice(rs.getLong("id"), rs.getString("code"), rs.getString("full_name")))
                .list();
    }

    record Village(long id, String name, long communeId, String communeName) {
    }

    public record CommuneChoice(long id, String code, String fullName) {
    }
}
