package vn.giamngheo.programme;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.geography.AreaUnits;
import vn.giamngheo.security.CurrentUser;

/**
 * The administrative units the programme is kept for, and who may see and change their figures: a user
 * sees the units of their area (outside it: 404) and changes them when their role may edit — province
 * officers their province, commune officers their commune.
 */
@Component
public class ProgrammeUnits {

    /** A unit as the programme needs it. */
    public record Unit(long id, String code, String level, String name, String provinceCode, String path, Long parentId) {
        public static Unit of(AdminUnit unit) {
            return new Unit(unit.id(), unit.code(), unit.level(), unit.fullName(), unit.provinceCode(), unit.path(),
                    unit.parentId());
        }

        /** The area condition of the unit's subtree. */
        public AreaFilter area() {
            return AreaFilter.under(path, provinceCode);
        }
    }

    private final JdbcClient jdbc;
    private final AreaUnits units;

    ProgrammeUnits(JdbcClient jdbc, AreaUnits units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    public Optional<Unit> find(long id) {
        return jdbc.sql("SELECT id, code, level, full_name, province_code, path, parent_id FROM admin_unit WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("level"),
                        rs.getString("full_name"), rs.getString("province_code"), rs.getString("path"),
                        (Long) rs.getObject("parent_id")))
                .optional();
    }

    /** The unit, when the user may see it. */
    public Unit visible(long id, CurrentUser user) {
        return inArea(id, user).filter(unit -> !AdminUnit.VILLAGE.equals(unit.level()))
                .orElseThrow(() -> new ProgrammeNotFoundException("no unit " + id + " in the user's area"));
    }

    /** The unit of any level, when it lies in the user's area. */
    public Optional<Unit> inArea(long id, CurrentUser user) {
        return units.find(id, user).map(Unit::of);
    }

    /** The unit, when the user may change its figures. */
    public Unit editable(long id, CurrentUser user) {
        Unit unit = visible(id, user);
        if (!user.canEdit()) {
            throw new AccessDeniedException("role " + user.role() + " may not change data");
        }
        return unit;
    }

    /** The user's own unit, or empty for a national user. */
    public Optional<Unit> home(CurrentUser user) {
        return user.scope().national() ? Optional.empty() : find(user.scope().unitId());
    }
}
