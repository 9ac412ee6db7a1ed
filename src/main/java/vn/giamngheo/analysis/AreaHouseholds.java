package vn.giamngheo.analysis;

import vn.giamngheo.geography.UnitOutsideAreaException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.geography.AreaUnits;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;

/**
 * Resolves the unit of an analysis inside the user's area and streams its households (read only, commune by
 * commune, through the register).
 */
@Component
class AreaHouseholds {

    private final JdbcClient jdbc;
    private final HouseholdRegistry registry;
    private final AreaUnits units;

    AreaHouseholds(JdbcClient jdbc, HouseholdRegistry registry, AreaUnits units) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.units = units;
    }

    /**
     * The unit with this id if it lies in the user's area; {@code null} means the user's own unit (the country
     * for national users). Units outside the area are reported as not found.
     */
    AnalysisArea resolve(Long unitId, CurrentUser user) {
        AccessScope scope = user.scope();
        Long id = unitId != null ? unitId : scope.unitId();
        if (id == null) {
            if (!scope.national()) {
                throw new UnitOutsideAreaException("country");
            }
            return AnalysisArea.country();
        }
        return units.find(id, scope)
                .filter(unit -> !AdminUnit.VILLAGE.equals(unit.level()))
                .map(AnalysisArea::of)
                .orElseThrow(() -> new UnitOutsideAreaException(id));
    }

    /** The units a user may choose: their own (or the country), then the current units one level below. */
    List<AnalysisArea> choices(CurrentUser user) {
        List<AnalysisArea> choices = new ArrayList<>();
        AccessScope scope = user.scope();
        AnalysisArea own = resolve(null, user);
        choices.add(own);
        String below = own.isCountry() ? "province" : "province".equals(own.level()) ? "commune" : null;
        if (below != null) {
            AreaFilter area = AreaFilter.of(scope);
            choices.addAll(area.bind(jdbc.sql("""
                            SELECT id, code, full_name, level, province_code, path FROM admin_unit u
                            WHERE level = :level AND valid_to IS NULL AND\s""" + area.on("u") + " ORDER BY code"))
                    .param("level", below)
                    .query((rs, i) -> new AnalysisArea(rs.getLong("id"), rs.getString("code"), rs.getString("full_name"),
                            rs.getString("level"), rs.getString("province_code"), rs.getString("path")))
                    .list());
        }
        return choices;
    }

    /** Number of active households of the unit in the user's area (for progress bars). */
    long count(AnalysisArea area, CurrentUser user) {
        AreaFilter unit = area.filter();
        AreaFilter scope = AreaFilter.of(user.scope()).named("scope");
        String sql = """
                SELECT count(*) FROM household h JOIN admin_unit c ON c.id = h.commune_id
                WHERE h.life_status = 'active' AND\s""" + unit.on("h", "c") + " AND " + scope.on("h", "c");
        return scope.bind(unit.bind(jdbc.sql(sql))).query(Long.class).single();
    }

    /** Every active household of the unit that the user may see, one at a time. */
    void forEach(AnalysisArea area, CurrentUser user, Consumer<Household> consumer) {
        if (!area.isCountry()) {
            registry.forEachInUnit(area.unitId(), user, consumer);
            return;
        }
        // the country: every province subtree once (provinces of both eras; a commune lies under exactly one)
        for (long province : jdbc.sql("SELECT id FROM admin_unit WHERE level = 'province' ORDER BY code, id")
                .query(Long.class).list()) {
            registry.forEachInUnit(province, user, consumer);
        }
    }
}
