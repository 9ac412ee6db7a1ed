package vn.giamngheo.areaclass;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.security.AccessScope;

/**
 * The area-class kernel other modules use: the catalogue, the classes a commune or village holds on a day and
 * the units that hold a class on a day within an area. Each answer is one query, whatever the number of units.
 */
@Service
public class AreaClasses {

    private final JdbcClient jdbc;

    AreaClasses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every class of the catalogue, in its order. */
    public List<AreaClass> catalogue() {
        return jdbc.sql("SELECT code, applies_to, name_vi, name_en, legal_source, sort_order FROM area_class"
                        + " ORDER BY sort_order, code")
                .query((rs, n) -> new AreaClass(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)))
                .list();
    }

    /** The codes of the classes a unit holds on a day. */
    public Set<String> classesOf(long unitId, LocalDate day) {
        return new TreeSet<>(jdbc.sql("SELECT DISTINCT class_code FROM unit_area_class WHERE unit_id = :unit"
                        + " AND valid_from <= :day AND (valid_to IS NULL OR valid_to >= :day)")
                .param("unit", unitId).param("day", day).query(String.class).list());
    }

    /**
     * The ids of the communes and villages of the map in force on a day that hold a class on that day, within an
     * area.
     */
    public Set<Long> unitsWith(String classCode, LocalDate day, AccessScope scope) {
        AreaFilter area = AreaFilter.of(scope);
        return new LinkedHashSet<>(area.bind(jdbc.sql("SELECT DISTINCT u.id FROM unit_area_class x"
                        + " JOIN admin_unit u ON u.id = x.unit_id"
                        + " WHERE x.class_code = :class AND x.valid_from <= :day"
                        + " AND (x.valid_to IS NULL OR x.valid_to >= :day)"
                        + " AND (u.valid_from IS NULL OR u.valid_from <= :day) AND (u.valid_to IS NULL OR u.valid_to >= :day)"
                        + " AND u.level IN ('commune', 'village') AND " + area.on("u") + " ORDER BY u.id"))
                .param("class", classCode).param("day", day).query(Long.class).list());
    }
}
