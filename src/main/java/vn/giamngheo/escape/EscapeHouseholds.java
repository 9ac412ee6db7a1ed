package vn.giamngheo.escape;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.security.AccessScope;

/** Finds a household inside the user's area (province code and unit-path prefix); outside it, not found. */
@Component
class EscapeHouseholds {

    private final JdbcClient jdbc;

    EscapeHouseholds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    HouseholdRef require(long householdId, AccessScope scope) {
        return jdbc.sql("""
                        SELECT h.id, h.province_code, h.commune_id, h.village_id, h.household_code, h.life_status,
                               c.full_name AS commune_name, c.path AS commune_path, v.name AS village_name,
                               (SELECT m.full_name FROM household_member m WHERE m.province_code = h.province_code
                                  AND m.household_id = h.id AND m.relation = 'head') AS head_name,
                               coalesce(h.ethnic_minority, EXISTS (SELECT 1 FROM household_member m
                                  WHERE m.province_code = h.province_code AND m.household_id = h.id
                                    AND m.relation = 'head' AND m.ethnicity NOT IN ('Kinh', 'Người nước ngoài'))) AS ethnic_minority
                        FROM household h
                        JOIN admin_unit c ON c.id = h.commune_id
                        LEFT JOIN admin_unit v ON v.id = h.village_id
                        WHERE h.id = :id AND\s""" + AreaFilter.of(scope).on("h", "c"))
                .param("id", householdId)
                .params(AreaFilter.of(scope).parameters())
                .query((rs, i) -> new HouseholdRef(rs.getLong("id"), rs.getString("province_code"), rs.getLong("commune_id"),
                        (Long) rs.getObject("village_id"), rs.getString("household_code"), rs.getString("head_name"),
                        rs.getString("commune_name"), rs.getString("village_name"), rs.getString("life_status"),
                        rs.getBoolean("ethnic_minority"), rs.getString("commune_path")))
                .optional()
                .orElseThrow(() -> new EscapeNotFoundException("household", householdId));
    }

    /** A household of the register as this module needs it. */
    record HouseholdRef(long id, String provinceCode, long communeId, Long villageId, String householdCode, String headName,
                        String communeName, String villageName, String lifeStatus, boolean ethnicMinority,
                        String communePath) {
    }
}
