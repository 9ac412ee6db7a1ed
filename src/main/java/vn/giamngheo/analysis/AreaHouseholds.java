package vn.giamngheo.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
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

    AreaHouseholds(JdbcClient jdbc, HouseholdRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
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
                throw new UnitNotInAreaException("country");
            }
            return AnalysisArea.country();
        }
        return jdbc.sql("""
                        SELECT id, code, full_name, level, province_code, path FROM admin_unit
                        WHERE id = :id AND level IN ('province', 'district', 'commune')""")
                .param("id", id)
                .query((rs, i) -> new AnalysisArea(rs.getLong("id"), rs.getString("code"), rs.getString("full_name"),
                        rs.getString("level"), rs.getString("province_code"), rs.getString("path")))
                .optional()
                .filter(a -> scope.contains(a.path()))
                .orElseThrow(() -> new UnitNotInAreaException(id));
    }

    /** The units a user may choose: their own (or the country), then the current units one level below. */
    List<AnalysisArea> choices(CurrentUser user) {
        List<AnalysisArea> choices = new ArrayList<>();
        AccessScope scope = user.scope();
        AnalysisArea own = resolve(null, user);
        choices.add(own);
        String below = own.isCountry() ? "province" : "province".equals(own.level()) ? "commune" : null;
        if (below != null) {
            choices.addAll(jdbc.sql("""
                            SELECT id, code, full_name, level, province_code, path FROM admin_unit
                            WHERE level = :level AND valid_to IS NULL AND path LIKE :pattern ORDER BY code""")
                    .param("level", below).param("pattern", scope.pathPattern())
                    .query((rs, i) -> new AnalysisArea(rs.getLong("id"), rs.getString("code"), rs.getString("full_name"),
                            rs.getString("level"), rs.getString("province_code"), rs.getString("path")))
                    .list());
        }
        return choices;
    }

    /** Number of active households of the unit in the user's area (for progress bars). */
    long count(AnalysisArea area, CurrentUser user) {
        AccessScope scope = user.scope();
        StringBuilder sql = new StringBuilder("""
                SELECT count(*) FROM household h JOIN admin_unit c ON c.id = h.commune_id
                WHERE h.life_status = 'active' AND c.path LIKE :areaPath""");
        if (!area.isCountry()) {
            sql.append(" AND h.province_code = :areaProvince");
        }
        if (!scope.national()) {
            sql.append(" AND h.province_code = :scopeProvince AND c.path LIKE :scopePath");
        }
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString())
                .param("areaPath", area.isCountry() ? "%" : new AccessScope(area.unitId(), area.path(), null).pathPattern());
        if (!area.isCountry()) {
            spec = spec.param("areaProvince", area.provinceCode());
        }
        if (!scope.national()) {
            spec = spec.param("scopeProvince", scope.provinceCode()).param("scopePath", scope.pathPattern());
        }
        return spec.query(Long.class).single();
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
