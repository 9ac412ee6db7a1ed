package vn.giamngheo.areaclass;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.security.AccessScope;

/**
 * The area-class kernel other modules use: the catalogue, the classes a commune or village holds on a day and
 * the units that hold a class on a day within an area, after the merged-commune rule ({@link MergedCommuneRule}).
 *
 * <p>A unit holds a class on a day when a list in force on the day names it ({@code unit_area_class}). A unit of
 * the map in force on the day that no list of the class names inherits the class from its predecessors (the
 * crosswalk {@code unit_succession}) by the rule the administrator chose, as long as no list of the class in force
 * on the day names any unit of that map in its province (once a new list is published for the province, it alone
 * counts). Villages have no predecessors: they hold the classes their lists give them.
 *
 * <p>Each answer takes at most four queries, whatever the number of units (no query per unit).
 */
@Service
public class AreaClasses {

    private static final String ROW_IN_FORCE = " x.valid_from <= :day AND (x.valid_to IS NULL OR x.valid_to >= :day) ";
    private static final String UNIT_EXISTS =
            " (u.valid_from IS NULL OR u.valid_from <= :day) AND (u.valid_to IS NULL OR u.valid_to >= :day) ";
    private static final String ROW_COLUMNS = """
            x.id, x.unit_id, u.code AS unit_code, u.full_name AS unit_name, x.class_code, x.decision,
            x.decision_date, x.valid_from, x.valid_to, x.import_id, x.created_by""";
    /** The predecessors of the successor {@code s.successor_id}, with what the rule weighs. */
    private static final String PREDECESSOR_COLUMNS = """
            s.successor_id, p.id, p.code, p.full_name, s.relation,
            (SELECT count(*) FROM unit_succession o WHERE o.predecessor_id = p.id) AS successors,
            (SELECT count(*) FROM household h
              WHERE h.province_code IN (p.province_code, su.province_code) AND h.commune_id = p.id) AS households,
            COALESCE((SELECT string_agg(DISTINCT x.class_code, ',') FROM unit_area_class x
                       WHERE x.unit_id = p.id AND""" + ROW_IN_FORCE + "), '') AS classes";

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

    /** The class with this code, if the catalogue has it. */
    public Optional<AreaClass> find(String code) {
        return catalogue().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The merged-commune rule in force. */
    public RuleSetting rule() {
        return jdbc.sql("SELECT rule, source, version, updated_by, updated_at FROM area_class_rule WHERE id = 1")
                .query((rs, n) -> new RuleSetting(MergedCommuneRule.parse(rs.getString(1)), rs.getString(2),
                        rs.getInt(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .single();
    }

    /** The codes of the classes a unit holds on a day, after the merged-commune rule. */
    public Set<String> classesOf(long unitId, LocalDate day) {
        return held(unitId, day).stream().map(h -> h.areaClass().code()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The classes a unit holds on a day, each with why (the list that names it, or the rule and predecessors). */
    public List<HeldClass> held(long unitId, LocalDate day) {
        Map<String, AreaClass> catalogue = byCode();
        List<UnitClassRow> direct = jdbc.sql("SELECT " + ROW_COLUMNS + " FROM unit_area_class x"
                        + " JOIN admin_unit u ON u.id = x.unit_id WHERE x.unit_id = :unit AND" + ROW_IN_FORCE
                        + " ORDER BY x.valid_from, x.id")
                .param("unit", unitId).param("day", day).query(AreaClasses::row).list();
        Map<String, List<UnitClassRow>> byClass = direct.stream()
                .collect(Collectors.groupingBy(UnitClassRow::classCode, LinkedHashMap::new, Collectors.toList()));
        List<HeldClass> held = new ArrayList<>();
        byClass.forEach((code, rows) -> held.add(new HeldClass(catalogue.get(code), rows, null, List.of(), null, false)));

        Optional<String> province = jdbc.sql("SELECT u.province_code FROM admin_unit u WHERE u.id = :unit"
                        + " AND u.level = 'commune' AND" + UNIT_EXISTS)
                .param("unit", unitId).param("day", day).query(String.class).optional();
        if (province.isEmpty()) {
            return sorted(held);
        }
        List<Predecessor> predecessors = predecessors(jdbc.sql("SELECT " + PREDECESSOR_COLUMNS
                        + " FROM unit_succession s JOIN admin_unit p ON p.id = s.predecessor_id"
                        + " JOIN admin_unit su ON su.id = s.successor_id WHERE s.successor_id = :unit ORDER BY p.code")
                .param("unit", unitId).param("day", day)).getOrDefault(unitId, List.of());
        if (predecessors.isEmpty()) {
            return sorted(held);
        }
        Set<String> named = namedIn(province.get(), day);
        MergedCommuneRule rule = rule().rule();
        Set<String> candidates = predecessors.stream().flatMap(p -> p.classes().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        boolean byHouseholds = MergedCommuneRule.byHouseholds(predecessors);
        Predecessor decisive = rule == MergedCommuneRule.MAJORITY_HOUSEHOLDS
                ? MergedCommuneRule.decisive(predecessors).orElse(null) : null;
        for (String code : candidates) {
            if (!byClass.containsKey(code) && !named.contains(code) && catalogue.containsKey(code)
                    && rule.inherits(predecessors, code)) {
                held.add(new HeldClass(catalogue.get(code), List.of(), rule, predecessors, decisive, byHouseholds));
            }
        }
        return sorted(held);
    }

    /**
     * The ids of the communes and villages of the map in force on a day that hold a class on that day (after the
     * merged-commune rule), within an area.
     */
    public Set<Long> unitsWith(String classCode, LocalDate day, AccessScope scope) {
        Holders holders = holders(classCode, day, scope);
        Set<Long> units = new TreeSet<>(holders.named());
        units.addAll(holders.inherited());
        return units;
    }

    /**
     * The units of the map in force on a day holding a class on that day within an area, split by why.
     *
     * @param named     named by a list in force on the day
     * @param inherited holding it from their predecessors by the merged-commune rule
     */
    public record Holders(Set<Long> named, Set<Long> inherited) {
    }

    /** As {@link #unitsWith}, telling the units named by a list from those that inherit the class. */
    public Holders holders(String classCode, LocalDate day, AccessScope scope) {
        AreaFilter area = AreaFilter.of(scope);
        Set<Long> units = new TreeSet<>(area.bind(jdbc.sql("SELECT DISTINCT u.id FROM unit_area_class x"
                        + " JOIN admin_unit u ON u.id = x.unit_id"
                        + " WHERE x.class_code = :class AND" + ROW_IN_FORCE + " AND" + UNIT_EXISTS
                        + " AND u.level IN ('commune', 'village') AND " + area.on("u")))
                .param("class", classCode).param("day", day).query(Long.class).list());
        MergedCommuneRule rule = rule().rule();
        Set<String> named = new TreeSet<>(jdbc.sql("SELECT DISTINCT x.province_code FROM unit_area_class x"
                        + " JOIN admin_unit u ON u.id = x.unit_id WHERE x.class_code = :class AND" + ROW_IN_FORCE
                        + " AND" + UNIT_EXISTS)
                .param("class", classCode).param("day", day).query(String.class).list());
        Map<Long, String> provinces = new LinkedHashMap<>();
        Map<Long, List<Predecessor>> predecessors = predecessors(area.bind(jdbc.sql("WITH candidate AS ("
                        + " SELECT DISTINCT u.id, u.province_code FROM unit_area_class x"
                        + " JOIN unit_succession cs ON cs.predecessor_id = x.unit_id"
                        + " JOIN admin_unit u ON u.id = cs.successor_id"
                        + " WHERE x.class_code = :class AND" + ROW_IN_FORCE + " AND u.level = 'commune' AND" + UNIT_EXISTS
                        + " AND " + area.on("u") + ")"
                        + " SELECT " + PREDECESSOR_COLUMNS + ", c.province_code AS successor_province FROM candidate c"
                        + " JOIN unit_succession s ON s.successor_id = c.id JOIN admin_unit su ON su.id = c.id"
                        + " JOIN admin_unit p ON p.id = s.predecessor_id ORDER BY s.successor_id, p.code"))
                .param("class", classCode).param("day", day), provinces);
        Set<Long> inherited = new TreeSet<>();
        predecessors.forEach((successor, list) -> {
            if (!named.contains(provinces.get(successor)) && !units.contains(successor)
                    && rule.inherits(list, classCode)) {
                inherited.add(successor);
            }
        });
        return new Holders(units, inherited);
    }

    /**
     * A unit holding a class, as the list page shows it.
     *
     * @param parentName the commune of a village, the province of a commune
     * @param inherited  whether it holds the class by the merged-commune rule rather than by a list
     */
    public record HolderUnit(long id, String code, String name, String level, String parentName, boolean inherited) {
    }

    /** The units holding a class on a day within an area, communes first, by code (one query beyond the holders). */
    public List<HolderUnit> holderUnits(String classCode, LocalDate day, AccessScope scope) {
        Holders holders = holders(classCode, day, scope);
        Set<Long> ids = new TreeSet<>(holders.named());
        ids.addAll(holders.inherited());
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT u.id, u.code, u.full_name, u.level, pa.full_name FROM admin_unit u"
                        + " LEFT JOIN admin_unit pa ON pa.id = u.parent_id WHERE u.id IN (:ids)"
                        + " ORDER BY CASE u.level WHEN 'commune' THEN 1 ELSE 2 END, u.code")
                .param("ids", ids)
                .query((rs, n) -> new HolderUnit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), holders.inherited().contains(rs.getLong(1))))
                .list();
    }

    /** Every row of the lists that name a unit, oldest first (its classes over time). */
    public List<UnitClassRow> rowsOf(long unitId) {
        return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM unit_area_class x JOIN admin_unit u ON u.id = x.unit_id"
                        + " WHERE x.unit_id = :unit ORDER BY x.valid_from, x.class_code, x.id")
                .param("unit", unitId).query(AreaClasses::row).list();
    }

    /** The classes whose lists in force on a day name some unit of the map of that day in a province. */
    private Set<String> namedIn(String provinceCode, LocalDate day) {
        return new TreeSet<>(jdbc.sql("SELECT DISTINCT x.class_code FROM unit_area_class x"
                        + " JOIN admin_unit u ON u.id = x.unit_id WHERE x.province_code = :province AND" + ROW_IN_FORCE
                        + " AND" + UNIT_EXISTS)
                .param("province", provinceCode).param("day", day).query(String.class).list());
    }

    private Map<String, AreaClass> byCode() {
        Map<String, AreaClass> map = new LinkedHashMap<>();
        catalogue().forEach(c -> map.put(c.code(), c));
        return map;
    }

    private List<HeldClass> sorted(List<HeldClass> held) {
        return held.stream().sorted((a, b) -> a.areaClass().sortOrder() != b.areaClass().sortOrder()
                ? Integer.compare(a.areaClass().sortOrder(), b.areaClass().sortOrder())
                : a.areaClass().code().compareTo(b.areaClass().code())).toList();
    }

    private static Map<Long, List<Predecessor>> predecessors(JdbcClient.StatementSpec spec) {
        return predecessors(spec, new LinkedHashMap<>());
    }

    private static Map<Long, List<Predecessor>> predecessors(JdbcClient.StatementSpec spec, Map<Long, String> provinces) {
        Map<Long, List<Predecessor>> bySuccessor = new LinkedHashMap<>();
        spec.query((ResultSet rs) -> {
            long successor = rs.getLong("successor_id");
            String classes = rs.getString("classes");
            bySuccessor.computeIfAbsent(successor, k -> new ArrayList<>()).add(new Predecessor(rs.getLong("id"),
                    rs.getString("code"), rs.getString("full_name"), rs.getString("relation"), rs.getInt("successors"),
                    rs.getLong("households"),
                    classes.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(classes.split(",")))));
            if (rs.getMetaData().getColumnCount() > 9) {
                provinces.put(successor, rs.getString("successor_province"));
            }
        });
        return bySuccessor;
    }

    private static UnitClassRow row(ResultSet rs, int n) throws SQLException {
        return new UnitClassRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_code"),
                rs.getString("unit_name"), rs.getString("class_code"), rs.getString("decision"),
                rs.getObject("decision_date", LocalDate.class), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getObject("import_id", Long.class), rs.getString("created_by"));
    }
}
