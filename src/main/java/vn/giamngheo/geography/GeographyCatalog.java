package vn.giamngheo.geography;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of administrative units and their history, in plain SQL. A unit "exists on" a date when the
 * date lies in its validity period; its name, type and area type on a date take the later changes into account
 * (Xã Lộc Ninh became Phường Lộc Ninh on 30 April 2026). No access control here: callers decide who may ask.
 */
@Service
public class GeographyCatalog {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Set<String> LEVELS = Set.of(AdminUnit.PROVINCE, AdminUnit.DISTRICT, AdminUnit.COMMUNE,
            AdminUnit.VILLAGE);
    static final int MAX_VILLAGE_NAME_LENGTH = 100;

    /** Columns of a unit as it was on :date (a null date gives the latest values). */
    private static final String UNIT_ON_DATE = """
            u.id, u.code, u.level,
            admin_unit_value_on(u.id, 'name', u.name, CAST(:date AS date)) AS name,
            admin_unit_value_on(u.id, 'full_name', u.full_name, CAST(:date AS date)) AS full_name,
            admin_unit_value_on(u.id, 'name_en', u.name_en, CAST(:date AS date)) AS name_en,
            admin_unit_value_on(u.id, 'unit_type', u.unit_type, CAST(:date AS date)) AS unit_type,
            CASE WHEN u.level = 'village'
                 THEN (SELECT admin_unit_value_on(c.id, 'area_type', c.area_type, CAST(:date AS date))
                         FROM admin_unit c WHERE c.id = u.parent_id)
                 ELSE admin_unit_value_on(u.id, 'area_type', u.area_type, CAST(:date AS date)) END AS area_type,
            u.parent_id, u.province_code, u.region_name, u.valid_from, u.valid_to, u.path
            """;
    private static final String EXISTS_ON_DATE =
            " (u.valid_from IS NULL OR u.valid_from <= :date) AND (u.valid_to IS NULL OR u.valid_to >= :date) ";
    private static final String LEVEL_ORDER =
            " CASE u.level WHEN 'province' THEN 1 WHEN 'district' THEN 2 WHEN 'commune' THEN 3 ELSE 4 END ";

    private final JdbcClient jdbc;
    private final Clock clock;

    GeographyCatalog(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(() -> Clock.system(VIETNAM));
    }

    /** Today in Vietnam. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    /** The units that existed on a date, optionally only of one level and/or directly under one parent. */
    public List<AdminUnit> unitsOn(LocalDate date, String level, Long parentId) {
        if (level != null && !LEVELS.contains(level)) {
            throw new IllegalArgumentException("unknown level '" + level + "': expected one of "
                    + String.join(", ", List.of("province", "district", "commune", "village")));
        }
        return jdbc.sql("SELECT " + UNIT_ON_DATE + " FROM admin_unit u WHERE" + EXISTS_ON_DATE
                        + " AND (CAST(:level AS text) IS NULL OR u.level = :level)"
                        + " AND (CAST(:parent AS bigint) IS NULL OR u.parent_id = :parent)"
                        + " ORDER BY" + LEVEL_ORDER + ", u.code")
                .param("date", date).param("level", level).param("parent", parentId)
                .query(GeographyCatalog::unit).list();
    }

    /** The units directly under a unit on a date. */
    public List<AdminUnit> children(long id, LocalDate date) {
        return unitsOn(date, null, id);
    }

    /** A unit with its latest names and types, whatever its validity. */
    public Optional<AdminUnit> unit(long id) {
        return jdbc.sql("SELECT " + UNIT_ON_DATE + " FROM admin_unit u WHERE u.id = :id")
                .param("date", null).param("id", id).query(GeographyCatalog::unit).optional();
    }

    /** A unit as it was on a date; empty when it did not exist then. */
    public Optional<AdminUnit> unitOn(long id, LocalDate date) {
        return jdbc.sql("SELECT " + UNIT_ON_DATE + " FROM admin_unit u WHERE u.id = :id AND" + EXISTS_ON_DATE)
                .param("date", date).param("id", id).query(GeographyCatalog::unit).optional();
    }

    /** The unit that bore a code on a date (codes are reused across eras, so the date matters). */
    public Optional<AdminUnit> byCode(String code, LocalDate date) {
        List<AdminUnit> found = jdbc.sql("SELECT " + UNIT_ON_DATE + " FROM admin_unit u WHERE u.code = :code AND"
                        + EXISTS_ON_DATE + " ORDER BY" + LEVEL_ORDER)
                .param("date", date).param("code", code).query(GeographyCatalog::unit).list();
        return found.stream().findFirst();
    }

    /** The units a unit was formed from (for a 2025 commune: the old communes of the crosswalk). */
    public List<Succession> predecessors(long id) {
        return predecessorsOf(List.of(id)).getOrDefault(id, List.of());
    }

    /** The units a unit went into (several, with relation part, for a split commune). */
    public List<Succession> successors(long id) {
        return successorsOf(List.of(id)).getOrDefault(id, List.of());
    }

    /** Predecessors of many units at once, by unit id. */
    public Map<Long, List<Succession>> predecessorsOf(Collection<Long> ids) {
        return links(ids, "successor_id", "predecessor_id");
    }

    /** Successors of many units at once, by unit id. */
    public Map<Long, List<Succession>> successorsOf(Collection<Long> ids) {
        return links(ids, "predecessor_id", "successor_id");
    }

    private Map<Long, List<Succession>> links(Collection<Long> ids, String asked, String other) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT s." + asked + " AS asked, s.relation, s.effective_date, s.note, s.source_row, "
                        + UNIT_ON_DATE + " FROM unit_succession s JOIN admin_unit u ON u.id = s." + other
                        + " WHERE s." + asked + " IN (:ids) ORDER BY s." + asked + ", u.code")
                .param("date", null).param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong("asked"), new Succession(unit(rs, n), rs.getString("relation"),
                        rs.getObject("effective_date", LocalDate.class), rs.getString("note"),
                        rs.getObject("source_row", Integer.class))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /**
     * What a unit is now: the still-valid units reached by following its successors, whole or part, as far as
     * they go. A still-valid unit is its own answer; a unit that ended without successors has none.
     */
    public List<AdminUnit> currentUnitsOf(long id) {
        return jdbc.sql("WITH RECURSIVE chain(id) AS (SELECT CAST(:id AS bigint)"
                        + " UNION SELECT s.successor_id FROM unit_succession s JOIN chain c ON s.predecessor_id = c.id)"
                        + " SELECT " + UNIT_ON_DATE + " FROM admin_unit u JOIN chain c ON c.id = u.id"
                        + " WHERE u.valid_to IS NULL ORDER BY" + LEVEL_ORDER + ", u.code")
                .param("date", null).param("id", id).query(GeographyCatalog::unit).list();
    }

    /** What the unit with a code was on a date, and what it is now. */
    public Optional<UnitHistory> history(String code, LocalDate date) {
        return byCode(code, date).map(then -> new UnitHistory(then, currentUnitsOf(then.id())));
    }

    /** The units below a unit (not the unit itself) that existed on a date: a prefix match on the path. */
    public List<AdminUnit> subtree(long id, LocalDate date) {
        AdminUnit root = unit(id).orElseThrow(() -> unknown(id));
        AreaFilter area = AreaFilter.of(root);
        return area.bind(jdbc.sql("SELECT " + UNIT_ON_DATE + " FROM admin_unit u WHERE " + area.on("u") + " AND u.id <> :id AND"
                        + EXISTS_ON_DATE + " ORDER BY" + LEVEL_ORDER + ", u.code"))
                .param("date", date).param("id", id)
                .query(GeographyCatalog::unit).list();
    }

    /** The units above a unit, from its province down to its parent (latest names). */
    public List<AdminUnit> ancestors(long id) {
        AdminUnit unit = unit(id).orElseThrow(() -> unknown(id));
        List<Long> ids = Arrays.stream(unit.path().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf)
                .filter(i -> i != id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + UNIT_ON_DATE + " FROM admin_unit u WHERE u.id IN (:ids) ORDER BY length(u.path)")
                .param("date", null).param("ids", ids).query(GeographyCatalog::unit).list();
    }

    /** urban, rural or special on a date (a village takes its commune's); empty for provinces and districts. */
    public Optional<String> areaTypeOn(long id, LocalDate date) {
        AdminUnit unit = unitOn(id, date).orElseThrow(() -> new UnknownUnitException(
                "unit " + id + " did not exist on " + date));
        return Optional.ofNullable(unit.areaType());
    }

    /** Whether a unit lies under (or is) another unit. */
    public boolean isInSubtree(long unitId, long ancestorId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM admin_unit u, admin_unit a"
                        + " WHERE u.id = :unit AND a.id = :ancestor AND " + AreaFilter.subtree("a", "u") + ")")
                .param("unit", unitId).param("ancestor", ancestorId).query(Boolean.class).single();
    }

    /** The villages of a commune still in use, by name as officials list them ({@link VillageOrder}). */
    public List<AdminUnit> villagesOf(long communeId) {
        List<AdminUnit> villages = new java.util.ArrayList<>(jdbc.sql("SELECT " + UNIT_ON_DATE + " FROM admin_unit u"
                        + " WHERE u.parent_id = :commune AND u.level = 'village' AND u.valid_to IS NULL")
                .param("date", null).param("commune", communeId).query(GeographyCatalog::unit).list());
        villages.sort(Comparator.comparing(AdminUnit::name, VillageOrder.INSTANCE));
        return villages;
    }

    /** A village named in a file: the commune and the name as written. */
    public record VillageName(long communeId, String name) {
    }

    /**
     * For bulk imports: the village of each name (ignoring case, as {@link #createVillage}), creating the missing
     * ones valid from today with the kind of the commune (tổ dân phố in urban communes, thôn elsewhere), in two
     * statements whatever their number. The communes must be in use today (the caller checked them).
     */
    @Transactional
    public Map<VillageName, Long> findOrCreateVillages(Collection<VillageName> wanted) {
        Map<String, Long> byKey = new java.util.HashMap<>();
        Long[] communeIds = wanted.stream().map(VillageName::communeId).distinct().toArray(Long[]::new);
        jdbc.sql("SELECT parent_id, name, id FROM admin_unit WHERE level = 'village' AND valid_to IS NULL AND parent_id = ANY(:c)")
                .param("c", communeIds)
                .query((rs, i) -> byKey.putIfAbsent(rs.getLong(1) + "/" + rs.getString(2).toLowerCase(Locale.ROOT), rs.getLong(3)))
                .list();
        Map<String, String> missing = new LinkedHashMap<>();
        for (VillageName v : wanted) {
            String clean = cleanVillageName(v.name());
            if (clean.isEmpty() || clean.length() > MAX_VILLAGE_NAME_LENGTH) {
                throw new InvalidVillageException(clean.isEmpty() ? "name.blank" : "name.too-long",
                        "the village name '" + clean + "' is empty or longer than " + MAX_VILLAGE_NAME_LENGTH + " characters");
            }
            String key = v.communeId() + "/" + clean.toLowerCase(Locale.ROOT);
            if (!byKey.containsKey(key)) {
                missing.putIfAbsent(key, clean);
            }
        }
        if (!missing.isEmpty()) {
            List<Long> communes = missing.keySet().stream().map(k -> Long.parseLong(k.substring(0, k.indexOf('/')))).toList();
            List<String> names = List.copyOf(missing.values());
            // the communes' highest village numbers are read once, before the insert: a lateral read per new village
            // went through the index of every village (the planner's choice while a commune has none, a first load)
            // and met the rows the statement had inserted so far — quadratic, 261 s for 38,546 villages (10,000,000
            // households) against 1.1 s for 3,620
            jdbc.sql("""
                            WITH top AS MATERIALIZED (
                                SELECT v.parent_id, max(CAST(split_part(v.code, '-', 2) AS integer)) AS seq
                                FROM admin_unit v
                                WHERE v.level = 'village' AND v.parent_id = ANY(CAST(:communes AS bigint[]))
                                GROUP BY v.parent_id)
                            INSERT INTO admin_unit (id, code, level, name, full_name, unit_type, parent_id, province_code,
                                                    region_name, valid_from, path)
                            SELECT n.id, c.code || '-' || lpad(s.seq::text, greatest(3, length(s.seq::text)), '0'), 'village',
                                   n.name, CASE WHEN lower(n.name) LIKE n.kind || ' %' THEN n.name
                                                ELSE upper(left(n.kind, 1)) || substr(n.kind, 2) || ' ' || n.name END,
                                   n.kind, c.id, c.province_code, c.region_name, :today, c.path || n.id || '/'
                            FROM (SELECT nextval(pg_get_serial_sequence('admin_unit', 'id')) AS id, w.commune_id, w.name, w.ord,
                                         CASE WHEN cu.area_type = 'urban' THEN 'tổ dân phố' ELSE 'thôn' END AS kind,
                                         row_number() OVER (PARTITION BY w.commune_id ORDER BY w.ord) AS rn
                                  FROM unnest(CAST(:communes AS bigint[]), CAST(:names AS text[])) WITH ORDINALITY AS w(commune_id, name, ord)
                                  JOIN admin_unit cu ON cu.id = w.commune_id) n
                            JOIN admin_unit c ON c.id = n.commune_id
                            LEFT JOIN top t ON t.parent_id = c.id
                            CROSS JOIN LATERAL (SELECT coalesce(t.seq, 0) + n.rn AS seq) s""")
                    .param("communes", communes.toArray(Long[]::new)).param("names", names.toArray(String[]::new))
                    .param("today", today())
                    .update();
            jdbc.sql("SELECT parent_id, name, id FROM admin_unit WHERE level = 'village' AND valid_to IS NULL AND parent_id = ANY(:c)")
                    .param("c", communeIds)
                    .query((rs, i) -> byKey.putIfAbsent(rs.getLong(1) + "/" + rs.getString(2).toLowerCase(Locale.ROOT), rs.getLong(3)))
                    .list();
        }
        Map<VillageName, Long> result = new LinkedHashMap<>();
        for (VillageName v : wanted) {
            result.put(v, byKey.get(v.communeId() + "/" + cleanVillageName(v.name()).toLowerCase(Locale.ROOT)));
        }
        return result;
    }

    private static String cleanVillageName(String name) {
        return name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    /**
     * Creates a village (thôn, tổ dân phố, bản, ấp…) in a commune in use today, valid from today. The name must
     * be unique within the commune (ignoring case). Throws {@link InvalidVillageException} saying why not.
     */
    @Transactional
    public AdminUnit createVillage(long communeId, String name, String kind) {
        String cleanName = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC).strip()
                .replaceAll("\\s+", " ");
        if (cleanName.isEmpty()) {
            throw new InvalidVillageException("name.blank", "the village needs a name");
        }
        if (cleanName.length() > MAX_VILLAGE_NAME_LENGTH) {
            throw new InvalidVillageException("name.too-long",
                    "the village name is longer than " + MAX_VILLAGE_NAME_LENGTH + " characters");
        }
        VillageKind villageKind = VillageKind.parse(kind).orElseThrow(() -> new InvalidVillageException(
                "kind.unknown", "unknown kind of village '" + kind + "': expected one of "
                + Arrays.stream(VillageKind.values()).map(VillageKind::label).collect(Collectors.joining(", "))));
        AdminUnit commune = jdbc.sql("SELECT " + UNIT_ON_DATE + " FROM admin_unit u WHERE u.id = :id FOR UPDATE")
                .param("date", null).param("id", communeId).query(GeographyCatalog::unit).optional()
                .orElseThrow(() -> new InvalidVillageException("commune.unknown", "no unit " + communeId));
        if (!AdminUnit.COMMUNE.equals(commune.level())) {
            throw new InvalidVillageException("commune.not-commune",
                    commune.fullName() + " is a " + commune.level() + ": villages belong to a commune");
        }
        LocalDate today = today();
        if (!commune.existsOn(today)) {
            throw new InvalidVillageException("commune.not-current",
                    commune.fullName() + " (" + commune.code() + ") is no longer in use: villages go in today's communes");
        }
        String key = cleanName.toLowerCase(Locale.ROOT);
        boolean taken = villagesOf(communeId).stream().anyMatch(v -> v.name().toLowerCase(Locale.ROOT).equals(key));
        if (taken) {
            throw new InvalidVillageException("name.duplicate",
                    commune.fullName() + " already has a village named '" + cleanName + "'");
        }
        int sequence = jdbc.sql("SELECT coalesce(max(CAST(split_part(code, '-', 2) AS integer)), 0) + 1"
                        + " FROM admin_unit WHERE parent_id = :commune AND level = 'village'")
                .param("commune", communeId).query(Integer.class).single();
        long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('admin_unit', 'id'))").query(Long.class).single();
        try {
            jdbc.sql("""
                    INSERT INTO admin_unit (id, code, level, name, full_name, unit_type, parent_id, province_code,
                                            region_name, valid_from, path)
                    VALUES (:id, :code, 'village', :name, :fullName, :unitType, :parent, :province, :region, :from, :path)
                    """)
                    .param("id", id).param("code", "%s-%03d".formatted(commune.code(), sequence))
                    .param("name", cleanName).param("fullName", villageKind.fullName(cleanName))
                    .param("unitType", villageKind.label()).param("parent", communeId)
                    .param("province", commune.provinceCode()).param("region", commune.regionName())
                    .param("from", today).param("path", commune.path() + id + "/")
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidVillageException("name.duplicate",
                    commune.fullName() + " already has a village named '" + cleanName + "'");
        }
        return unit(id).orElseThrow();
    }

    private static UnknownUnitException unknown(long id) {
        return new UnknownUnitException("no administrative unit with id " + id);
    }

    private static AdminUnit unit(ResultSet rs, int rowNum) throws SQLException {
        return new AdminUnit(rs.getLong("id"), rs.getString("code"), rs.getString("level"), rs.getString("name"),
                rs.getString("full_name"), rs.getString("name_en"), rs.getString("unit_type"),
                rs.getString("area_type"), rs.getObject("parent_id", Long.class), rs.getString("province_code"),
                rs.getString("region_name"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getString("path"));
    }
}
