package vn.giamngheo.agency;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.security.AccessScope;

/**
 * The agencies kernel: reads of the effective-dated {@code agency} table that other features build on (programme
 * items' lead and coordinating agencies, tasks and their reports). Areas are those of the area kernel
 * ({@link AreaFilter}): a user sees the national agencies and those of units inside their area.
 */
@Service
public class Agencies {

    static final String COLUMNS = """
            a.id, a.code, a.level, a.kind, a.function_code, a.unit_id, a.province_code, a.name_vi, a.name_en,
            a.valid_from, a.valid_to, a.successor_id, a.version""";

    private final JdbcClient jdbc;

    Agencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The agency with this id, whatever its dates.
     *
     * @throws AgencyNotFoundException (404) when there is none
     */
    public Agency get(long id) {
        return find(id).orElseThrow(() -> new AgencyNotFoundException("no agency " + id));
    }

    /** The agency with this id, whatever its dates; empty when there is none. */
    public Optional<Agency> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agency a WHERE a.id = :id").param("id", id)
                .query(Agencies::row).optional();
    }

    /** The agency with this code, whatever its dates. */
    public Optional<Agency> byCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agency a WHERE a.code = :code").param("code", code)
                .query(Agencies::row).optional();
    }

    /**
     * The agencies a scope sees that exist on the day: the national ones and those whose unit lies inside the
     * scope; ordered national first, then by province, level, kind and name.
     */
    public List<Agency> inArea(AccessScope scope, LocalDate day) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql("SELECT " + COLUMNS + """
                         FROM agency a LEFT JOIN admin_unit u ON u.id = a.unit_id
                        WHERE a.valid_from <= :day AND (a.valid_to IS NULL OR a.valid_to >= :day)
                          AND (a.unit_id IS NULL OR""" + " " + area.on("a", "u") + """
                        )
                        ORDER BY a.unit_id IS NOT NULL, a.province_code, a.level DESC, a.kind, a.name_vi""")
                        .param("day", Date.valueOf(day)))
                .query(Agencies::row).list();
    }

    /**
     * Whether the scope sees the agency: a national agency is seen by everyone, another one when its unit lies
     * inside the scope (whatever the agency's dates).
     */
    public boolean visible(Agency agency, AccessScope scope) {
        if (agency.national() || scope.national()) {
            return true;
        }
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql("SELECT count(*) FROM agency a JOIN admin_unit u ON u.id = a.unit_id WHERE a.id = :id AND "
                        + area.on("a", "u")).param("id", agency.id()))
                .query(Long.class).single() > 0;
    }

    /**
     * The agency of the province (the province's own level, not a commune's office) that carries the function on
     * the day; a national function (null province) is the ministry carrying it. Empty when none does (a province
     * without a department of ethnic affairs, for instance).
     */
    public Optional<Agency> forFunction(String functionCode, String provinceCode, LocalDate day) {
        String level = provinceCode == null ? Agency.NATIONAL : Agency.PROVINCE;
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM agency a
                        WHERE a.function_code = :function AND a.level = :level
                          AND a.province_code IS NOT DISTINCT FROM :province
                          AND a.valid_from <= :day AND (a.valid_to IS NULL OR a.valid_to >= :day)
                        ORDER BY a.valid_from DESC, a.id
                        LIMIT 1""")
                .param("function", functionCode).param("level", level).param("province", provinceCode)
                .param("day", Date.valueOf(day))
                .query(Agencies::row).optional();
    }

    /** The chain of agencies this one replaced (oldest first), then this one, then its successors. */
    public List<Agency> history(long id) {
        return jdbc.sql("""
                        WITH RECURSIVE before(id, depth) AS (
                            SELECT id, 0 FROM agency WHERE id = :id
                            UNION
                            SELECT p.id, b.depth - 1 FROM agency p JOIN before b ON p.successor_id = b.id WHERE b.depth > -20
                        ), after(id, depth) AS (
                            SELECT id, 0 FROM agency WHERE id = :id
                            UNION
                            SELECT s.successor_id, f.depth + 1 FROM agency s JOIN after f ON s.id = f.id
                             WHERE s.successor_id IS NOT NULL AND f.depth < 20
                        ), chain AS (SELECT id, min(depth) AS depth FROM (SELECT * FROM before UNION ALL SELECT * FROM after) x GROUP BY id)
                        SELECT\s""" + COLUMNS + " FROM agency a JOIN chain c ON c.id = a.id ORDER BY c.depth, a.valid_from, a.code")
                .param("id", id).query(Agencies::row).list();
    }

    static Agency row(ResultSet rs, int n) throws SQLException {
        Date to = rs.getDate("valid_to");
        return new Agency(rs.getLong("id"), rs.getString("code"), rs.getString("level"), rs.getString("kind"),
                rs.getString("function_code"), (Long) rs.getObject("unit_id"), rs.getString("province_code"),
                rs.getString("name_vi"), rs.getString("name_en"), rs.getDate("valid_from").toLocalDate(),
                to == null ? null : to.toLocalDate(), (Long) rs.getObject("successor_id"), rs.getInt("version"));
    }
}
