package vn.giamngheo.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.geography.AreaUnits;
import vn.giamngheo.security.CurrentUser;

/** The units plans are kept for and who may see (their area, else 404) and change them (editors). */
@Component
class PlanUnits {

    record Unit(long id, String code, String level, String name, String provinceCode, String path) {
        static Unit of(AdminUnit unit) {
            return new Unit(unit.id(), unit.code(), unit.level(), unit.fullName(), unit.provinceCode(), unit.path());
        }

        /** The area condition of the unit's subtree. */
        AreaFilter area() {
            return AreaFilter.under(path, provinceCode);
        }
    }

    private static final String SELECT = "SELECT id, code, level, full_name, province_code, path FROM admin_unit ";

    private final JdbcClient jdbc;
    private final AreaUnits units;

    PlanUnits(JdbcClient jdbc, AreaUnits units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    Optional<Unit> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(PlanUnits::map).optional();
    }

    Unit visible(long id, CurrentUser user) {
        return units.find(id, user).filter(unit -> !AdminUnit.VILLAGE.equals(unit.level())).map(Unit::of)
                .orElseThrow(() -> new PlanNotFoundException("no unit " + id + " in the user's area"));
    }

    Unit editable(long id, CurrentUser user) {
        Unit unit = visible(id, user);
        if (!user.canEdit()) {
            throw new AccessDeniedException("role " + user.role() + " may not change plans");
        }
        return unit;
    }

    /** The communes of the unit's subtree valid on the day (the unit itself when it is a commune). */
    List<Unit> communes(Unit unit, LocalDate on) {
        return unit.area().bind(jdbc.sql(SELECT + " u WHERE level = 'commune' AND " + unit.area().on("u") + """

                           AND (valid_from IS NULL OR valid_from <= :on) AND (valid_to IS NULL OR valid_to >= :on)
                         ORDER BY code"""))
                .param("on", on).query(PlanUnits::map).list();
    }

    /** The communes of the unit's subtree whose name (short or full) is the given one, valid on the day. */
    List<Unit> communesNamed(Unit unit, String name, LocalDate on) {
        return unit.area().bind(jdbc.sql(SELECT + " u WHERE level = 'commune' AND " + unit.area().on("u") + """

                           AND (valid_from IS NULL OR valid_from <= :on) AND (valid_to IS NULL OR valid_to >= :on)
                           AND (lower(name) = lower(:n) OR lower(full_name) = lower(:n) OR code = :n)"""))
                .param("on", on).param("n", name.strip()).query(PlanUnits::map).list();
    }

    private static Unit map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("level"), rs.getString("full_name"),
                rs.getString("province_code"), rs.getString("path"));
    }
}
