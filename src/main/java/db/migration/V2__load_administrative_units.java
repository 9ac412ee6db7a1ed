package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;

/**
 * Loads Vietnam's administrative units (before and from the 1 July 2025 reform), the official crosswalk between
 * them and the later changes, from the CSV files in {@code classpath:geography/} (see PROVENANCE.md there).
 * Every crosswalk row must resolve, on codes, to an existing old and new unit: the migration fails otherwise.
 */
public class V2__load_administrative_units extends BaseJavaMigration {

    static final LocalDate LAST_DAY_BEFORE_REFORM = LocalDate.of(2025, 6, 30);
    static final LocalDate REFORM_DAY = LocalDate.of(2025, 7, 1);
    private static final String DIR = "geography/";
    private static final Pattern EFFECTIVE = Pattern.compile("effective (\\d{2}/\\d{2}/\\d{4})");

    /** One unit being built in memory before it is copied into admin_unit. */
    static final class Unit {
        long id;
        String code;
        String level;
        String name;
        String fullName;
        String nameEn;
        String unitType;
        String areaType;
        Unit parent;
        String provinceCode;
        String regionName;
        LocalDate validFrom;
        LocalDate validTo;
        String path;
        String districtCode; // old communes only, for checking the crosswalk
    }

    record Succession(Unit predecessor, Unit successor, String relation, LocalDate effective, String note,
                      Integer sourceRow) {
    }

    record Change(Unit unit, LocalDate effective, String field, String oldValue, String newValue, String basis) {
    }

    private final List<Unit> units = new ArrayList<>();
    private final List<Succession> successions = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long nextId = 1;

    @Override
    public void migrate(Context context) throws Exception {
        build();
        Connection connection = context.getConnection();
        copyUnits(connection);
        copySuccessions(connection);
        insertChanges(connection);
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT setval(pg_get_serial_sequence('admin_unit', 'id'), (SELECT max(id) FROM admin_unit))");
        }
    }

    /** Reads and checks everything; fails with every problem found. Visible for tests. */
    void build() {
        Map<String, Unit> oldProvinces = readPre2025Provinces();
        Map<String, Unit> oldDistricts = readPre2025Districts(oldProvinces);
        Map<String, Unit> oldCommunes = readPre2025Communes(oldDistricts);
        Map<String, Unit> newProvinces = read2025Provinces();
        Map<String, Unit> newCommunes = read2025Communes(newProvinces);
        linkProvinces(oldProvinces, newProvinces);
        linkCommunes(oldDistricts, oldCommunes, newCommunes);
        applyLaterChanges(newProvinces, newCommunes);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("administrative-unit data does not load (" + problems.size()
                    + " problems):\n  " + String.join("\n  ", problems));
        }
    }

    List<Unit> units() {
        return units;
    }

    List<Succession> successions() {
        return successions;
    }

    List<Change> changes() {
        return changes;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    private Map<String, Unit> readPre2025Provinces() {
        Map<String, Unit> byCode = new LinkedHashMap<>();
        read("vn_pre2025_provinces.csv", r -> {
            Unit u = unit(r, "province", null, null, LAST_DAY_BEFORE_REFORM);
            u.provinceCode = u.code;
            u.regionName = r.get("region_name");
            put(byCode, u);
        });
        return byCode;
    }

    private Map<String, Unit> readPre2025Districts(Map<String, Unit> provinces) {
        Map<String, Unit> byCode = new LinkedHashMap<>();
        read("vn_pre2025_districts.csv", r -> {
            Unit province = provinces.get(r.get("province_code"));
            if (province == null) {
                problems.add("district " + r.get("code") + ": unknown province " + r.get("province_code"));
                return;
            }
            Unit u = unit(r, "district", province, null, LAST_DAY_BEFORE_REFORM);
            u.regionName = province.regionName;
            put(byCode, u);
        });
        return byCode;
    }

    private Map<String, Unit> readPre2025Communes(Map<String, Unit> districts) {
        Map<String, Unit> byCode = new LinkedHashMap<>();
        read("vn_pre2025_communes.csv", r -> {
            Unit district = districts.get(r.get("district_code"));
            if (district == null || !district.provinceCode.equals(r.get("province_code"))) {
                problems.add("commune " + r.get("code") + ": district " + r.get("district_code")
                        + " is not a district of province " + r.get("province_code"));
                return;
            }
            Unit u = unit(r, "commune", district, null, LAST_DAY_BEFORE_REFORM);
            u.areaType = r.get("urban_rural");
            u.regionName = r.get("region_name");
            u.districtCode = district.code;
            put(byCode, u);
        });
        return byCode;
    }

    private Map<String, Unit> read2025Provinces() {
        Map<String, Unit> byCode = new LinkedHashMap<>();
        read("vn_2025_provinces.csv", r -> {
            Unit u = unit(r, "province", null, REFORM_DAY, null);
            u.provinceCode = u.code;
            put(byCode, u);
        });
        return byCode;
    }

    private Map<String, Unit> read2025Communes(Map<String, Unit> provinces) {
        Map<String, Unit> byCode = new LinkedHashMap<>();
        read("vn_2025_communes.csv", r -> {
            Unit province = provinces.get(r.get("province_code"));
            if (province == null) {
                problems.add("2025 commune " + r.get("code") + ": unknown province " + r.get("province_code"));
                return;
            }
            Unit u = unit(r, "commune", province, REFORM_DAY, null);
            u.areaType = r.get("urban_rural");
            put(byCode, u);
        });
        return byCode;
    }

    private Unit unit(CSVRecord r, String level, Unit parent, LocalDate from, LocalDate to) {
        Unit u = new Unit();
        u.id = nextId++;
        u.code = r.get("code");
        u.level = level;
        u.name = r.get("name");
        u.fullName = r.get("full_name");
        u.nameEn = blankToNull(r.get("name_en"));
        u.unitType = r.get("unit_type");
        u.parent = parent;
        u.provinceCode = parent == null ? null : parent.provinceCode;
        u.validFrom = from;
        u.validTo = to;
        u.path = (parent == null ? "/" : parent.path) + u.id + "/";
        units.add(u);
        return u;
    }

    private void put(Map<String, Unit> byCode, Unit u) {
        if (byCode.put(u.code, u) != null) {
            problems.add(u.level + " code " + u.code + " appears twice in one era");
        }
    }

    // ---- successions ---------------------------------------------------------------------------------------

    private void linkProvinces(Map<String, Unit> oldProvinces, Map<String, Unit> newProvinces) {
        Map<String, Set<String>> mergedFrom = new HashMap<>();
        read("vn_2025_provinces.csv", r -> mergedFrom.put(r.get("code"),
                new TreeSet<>(Arrays.asList(r.get("merged_from_old_province_codes").split(";")))));
        Map<String, Set<String>> mapped = new HashMap<>();
        read("vn_province_map_63_to_34.csv", r -> {
            Unit from = oldProvinces.get(r.get("old_province_code"));
            Unit to = newProvinces.get(r.get("new_province_code"));
            if (from == null || to == null) {
                problems.add("province map " + r.get("old_province_code") + " → " + r.get("new_province_code")
                        + " does not resolve");
                return;
            }
            mapped.computeIfAbsent(to.code, c -> new TreeSet<>()).add(from.code);
            successions.add(new Succession(from, to, "whole", REFORM_DAY, null, null));
        });
        if (!mapped.keySet().equals(newProvinces.keySet())) {
            problems.add("province map does not cover every new province");
        }
        if (!mapped.equals(mergedFrom)) {
            problems.add("province map 63→34 disagrees with merged_from_old_province_codes of the 2025 list");
        }
        Set<String> oldMapped = new HashSet<>();
        mapped.values().forEach(oldMapped::addAll);
        if (!oldMapped.equals(oldProvinces.keySet())) {
            problems.add("province map does not cover every old province");
        }
    }

    private void linkCommunes(Map<String, Unit> oldDistricts, Map<String, Unit> oldCommunes,
                              Map<String, Unit> newCommunes) {
        Set<String> pairs = new HashSet<>();
        read("vn_commune_crosswalk_2025_nso.csv", r -> {
            int row = Integer.parseInt(r.get("source_row"));
            String oldCode = CrosswalkCorrections.oldCommuneCode(row, r.get("old_commune_code"));
            String newCode = CrosswalkCorrections.newCommuneCode(r.get("new_commune_code"));
            String oldProvince = CrosswalkCorrections.oldProvinceCode(row, r.get("old_province_code"));
            String relation = r.get("relation");
            Unit predecessor;
            if (oldCode.isEmpty()) {
                // no commune: a whole island district became a special zone, or an area run by a district
                predecessor = oldDistricts.get(r.get("old_district_code"));
                if (!r.get("old_commune_name").isEmpty()) {
                    relation = "part";
                }
            } else {
                predecessor = oldCommunes.get(oldCode);
                if (predecessor != null && !predecessor.districtCode.equals(r.get("old_district_code"))) {
                    problems.add("crosswalk row " + row + ": old commune " + oldCode + " is not in district "
                            + r.get("old_district_code"));
                }
            }
            Unit successor = newCommunes.get(newCode);
            if (predecessor == null) {
                problems.add("crosswalk row " + row + ": old unit " + (oldCode.isEmpty()
                        ? "district " + r.get("old_district_code") : "commune " + oldCode) + " does not exist");
            } else if (!predecessor.provinceCode.equals(oldProvince)) {
                problems.add("crosswalk row " + row + ": old unit " + predecessor.code + " is in province "
                        + predecessor.provinceCode + ", not " + oldProvince);
            }
            if (successor == null) {
                problems.add("crosswalk row " + row + ": new commune " + newCode + " does not exist");
            } else if (!successor.provinceCode.equals(r.get("new_province_code"))) {
                problems.add("crosswalk row " + row + ": new commune " + newCode + " is in province "
                        + successor.provinceCode + ", not " + r.get("new_province_code"));
            }
            if (predecessor == null || successor == null) {
                return;
            }
            if (!pairs.add(predecessor.id + ">" + successor.id)) {
                problems.add("crosswalk row " + row + ": " + predecessor.code + " → " + newCode + " listed twice");
                return;
            }
            successions.add(new Succession(predecessor, successor, relation, REFORM_DAY,
                    blankToNull(r.get("note")), row));
        });
        Set<Unit> withSuccessor = new HashSet<>();
        Set<Unit> withPredecessor = new HashSet<>();
        successions.forEach(s -> {
            withSuccessor.add(s.predecessor());
            withPredecessor.add(s.successor());
        });
        oldCommunes.values().stream().filter(u -> !withSuccessor.contains(u))
                .forEach(u -> problems.add("old commune " + u.code + " " + u.fullName + " has no successor"));
        newCommunes.values().stream().filter(u -> !withPredecessor.contains(u))
                .forEach(u -> problems.add("new commune " + u.code + " " + u.fullName + " has no predecessor"));
    }

    // ---- changes after 1 July 2025 -------------------------------------------------------------------------

    private void applyLaterChanges(Map<String, Unit> newProvinces, Map<String, Unit> newCommunes) {
        read("vn_2025_changes_after_2025-07-01.csv", r -> {
            String level = r.get("level");
            String what = "change of " + level + " " + r.get("code");
            Map<String, Unit> candidates = switch (level) {
                case "province" -> newProvinces;
                case "commune" -> newCommunes;
                default -> Map.of();
            };
            Unit u = candidates.get(r.get("code"));
            if (u == null) {
                problems.add(what + ": no such unit from 1 July 2025");
                return;
            }
            if (!u.fullName.equals(r.get("full_name_2025_07_01")) || !u.unitType.equals(r.get("unit_type_2025_07_01"))) {
                problems.add(what + ": the unit is not " + r.get("full_name_2025_07_01") + " (" + u.fullName + ")");
                return;
            }
            String basis = r.get("legal_basis");
            Matcher m = EFFECTIVE.matcher(basis);
            if (!m.find()) {
                problems.add(what + ": no effective date in legal basis '" + basis + "'");
                return;
            }
            LocalDate effective = LocalDate.parse(m.group(1), DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            String fullName = r.get("full_name_latest");
            String unitType = r.get("unit_type_latest");
            change(u, effective, "full_name", u.fullName, fullName, basis);
            change(u, effective, "unit_type", u.unitType, unitType, basis);
            u.fullName = fullName;
            u.unitType = unitType;
            if ("commune".equals(level)) {
                String areaType = areaTypeOf(unitType);
                if (areaType == null) {
                    problems.add(what + ": unknown commune type " + unitType);
                    return;
                }
                change(u, effective, "area_type", u.areaType, areaType, basis);
                u.areaType = areaType;
            }
        });
    }

    private void change(Unit u, LocalDate effective, String field, String oldValue, String newValue, String basis) {
        if (!oldValue.equals(newValue)) {
            changes.add(new Change(u, effective, field, oldValue, newValue, basis));
        }
    }

    static String areaTypeOf(String communeType) {
        if (communeType.equals("Phường") || communeType.equals("Thị trấn")) {
            return "urban";
        }
        if (communeType.equals("Xã")) {
            return "rural";
        }
        return communeType.startsWith("Đặc khu") ? "special" : null;
    }

    // ---- writing -------------------------------------------------------------------------------------------

    private void copyUnits(Connection connection) throws SQLException, IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.POSTGRESQL_CSV)) {
            for (Unit u : units) {
                csv.printRecord(u.id, u.code, u.level, u.name, u.fullName, u.nameEn, u.unitType, u.areaType,
                        u.parent == null ? null : u.parent.id, u.provinceCode, u.regionName, u.validFrom, u.validTo,
                        u.path);
            }
        }
        copy(connection, "COPY admin_unit (id, code, level, name, full_name, name_en, unit_type, area_type, parent_id,"
                + " province_code, region_name, valid_from, valid_to, path) FROM STDIN (FORMAT csv)", out);
    }

    private void copySuccessions(Connection connection) throws SQLException, IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.POSTGRESQL_CSV)) {
            for (Succession s : successions) {
                csv.printRecord(s.predecessor().id, s.successor().id, s.relation(), s.effective(), s.note(),
                        s.sourceRow());
            }
        }
        copy(connection, "COPY unit_succession (predecessor_id, successor_id, relation, effective_date, note,"
                + " source_row) FROM STDIN (FORMAT csv)", out);
    }

    private void insertChanges(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO admin_unit_change"
                + " (unit_id, effective_date, field, old_value, new_value, legal_basis) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Change c : changes) {
                ps.setLong(1, c.unit().id);
                ps.setDate(2, Date.valueOf(c.effective()));
                ps.setString(3, c.field());
                ps.setString(4, c.oldValue());
                ps.setString(5, c.newValue());
                ps.setString(6, c.basis());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void copy(Connection connection, String sql, StringWriter data) throws SQLException, IOException {
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data.toString()));
    }

    private static void read(String file, Consumer<CSVRecord> each) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (InputStream in = V2__load_administrative_units.class.getClassLoader().getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + DIR + file);
            }
            format.parse(new InputStreamReader(in, StandardCharsets.UTF_8)).forEach(each);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DIR + file, e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
