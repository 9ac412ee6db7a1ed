package vn.giamngheo.review;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.household.Household;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * A commune of the map before 1 July 2025 (for rounds held before the reform, approved by the district): a village
 * of its own, staff of that commune and of its former province, and households taken over from a current commune's
 * registry (the registry only creates households in today's communes).
 */
final class FormerCommuneFixture {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);

    final long communeId;
    final String communeCode;
    final long village;
    final CurrentUser officer;
    final CurrentUser chair;
    final CurrentUser province;
    private final JdbcClient jdbc;

    /** The n-th commune (by code) of former province 08 that ceased on 30 June 2025. */
    FormerCommuneFixture(JdbcClient jdbc, UserAccounts users, int n) {
        this.jdbc = jdbc;
        var commune = jdbc.sql("""
                        SELECT id, code FROM admin_unit WHERE level = 'commune' AND province_code = '08'
                        AND valid_to = DATE '2025-06-30' ORDER BY code OFFSET :n LIMIT 1""")
                .param("n", n).query((rs, i) -> new Object[]{rs.getLong(1), rs.getString(2)}).single();
        this.communeId = (Long) commune[0];
        this.communeCode = (String) commune[1];
        long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('admin_unit', 'id'))").query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO admin_unit (id, code, level, name, full_name, unit_type, parent_id, province_code,
                                                region_name, valid_from, valid_to, path)
                        SELECT :id, c.code || '-901', 'village', 'Bản Phiêng', 'Bản Phiêng', 'Bản', c.id, c.province_code,
                               c.region_name, c.valid_from, c.valid_to, c.path || :id || '/'
                        FROM admin_unit c WHERE c.id = :c""")
                .param("id", id).param("c", communeId).update();
        this.village = id;
        long provinceId = jdbc.sql("""
                        SELECT p.id FROM admin_unit p JOIN admin_unit c ON c.path LIKE p.path || '%'
                        WHERE c.id = :c AND p.level = 'province'""")
                .param("c", communeId).query(Long.class).single();
        this.officer = user(users, Role.COMMUNE_OFFICER, communeId);
        this.chair = user(users, Role.COMMUNE_CHAIR, communeId);
        this.province = user(users, Role.PROVINCE_OFFICER, provinceId);
    }

    /** Moves a household created in today's registry into this commune and its village (as it was before the reform). */
    void takeOver(Household h) {
        jdbc.sql("UPDATE household SET commune_id = :c, village_id = :v WHERE province_code = :p AND id = :id")
                .param("c", communeId).param("v", village).param("p", h.provinceCode()).param("id", h.id()).update();
    }

    private static CurrentUser user(UserAccounts users, Role role, long unitId) {
        String name = "former-" + role.name().toLowerCase().replace('_', '-') + SERIAL.incrementAndGet();
        users.create(name, "password-123", "Lò Văn " + name, role, unitId);
        return users.findByUsername(name).orElseThrow();
    }
}
