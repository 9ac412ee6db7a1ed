package vn.giamngheo.areaclass;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.exchange.Labels;
import vn.giamngheo.exchange.Table;
import vn.giamngheo.exchange.TableException;
import vn.giamngheo.security.AccessScope;

/**
 * Imports an official list of area classes from CSV (or XLSX), all or nothing (docs/exchange-format.md, "Area-class
 * lists"). Columns {@code unit_code, class, decision, decision_date, valid_from, valid_to}, by code or Vietnamese
 * title (folded as the household files: case, accents and spaces do not matter). A unit code is read on the map in
 * force on the row's {@code valid_from}: a list of 2021 names old communes (the 5-digit codes of before the 2025
 * reform, kept in the register with their end date), a list of 2026 the units of today. Every problem is reported
 * with its line and field; one problem refuses the whole file. A dry run stores nothing.
 */
@Service
public class AreaClassImport {

    /** The columns, in the order of the template. */
    public static final List<String> COLUMNS = List.of("unit_code", "class", "decision", "decision_date", "valid_from",
            "valid_to");
    static final Set<String> REQUIRED = Set.of("unit_code", "class", "decision", "valid_from");
    static final int MAX_ROWS = 20_000;
    private static final DateTimeFormatter DAY_MONTH_YEAR =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Properties TITLES = titles();

    private final JdbcClient jdbc;
    private final AreaClasses classes;

    AreaClassImport(JdbcClient jdbc, AreaClasses classes) {
        this.jdbc = jdbc;
        this.classes = classes;
    }

    /** The Vietnamese title of a column (message {@code areaclass.column.<code>}). */
    public static String title(String column) {
        return TITLES.getProperty("areaclass.column." + column, column);
    }

    /**
     * Reads, checks and (unless a dry run or refused) stores a list.
     *
     * @param scope the importer's area: rows naming a unit outside it (for an old unit: none of whose successors lies
     *              in it) are refused
     * @param actor who imports, recorded on the rows
     */
    @Transactional
    public ImportResult importList(String file, byte[] content, boolean dryRun, AccessScope scope, String actor) {
        String name = file == null || file.isBlank() ? "list.csv" : file.strip();
        Table table;
        try (InputStream in = new ByteArrayInputStream(content)) {
            table = Table.read(name, null, in, MAX_ROWS);
        } catch (TableException e) {
            var p = e.problem();
            return new ImportResult(name, dryRun, List.of(), List.of(new ImportProblem(name, p.line(), p.column(),
                    p.value(), p.code(), p.args())), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Integer> columns = columns(table, problems);
        if (!problems.isEmpty()) {
            return new ImportResult(name, dryRun, List.of(), problems, null);
        }
        if (table.rows().stream().allMatch(Table.Row::isBlank)) {
            problems.add(problem(name, 1, "", "", "areaclass.import.empty"));
            return new ImportResult(name, dryRun, List.of(), problems, null);
        }
        Map<String, AreaClass> catalogue = catalogue();
        List<Parsed> parsed = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            if (!row.isBlank()) {
                parse(name, row, columns, catalogue, problems).ifPresent(parsed::add);
            }
        }
        List<ImportedRow> rows = resolve(name, parsed, catalogue, scope, problems);
        duplicates(name, rows, problems);
        overlaps(name, rows, problems);
        problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : a.field().compareTo(b.field()));
        if (!problems.isEmpty() || dryRun) {
            return new ImportResult(name, dryRun, rows, problems, null);
        }
        long importId = jdbc.sql("INSERT INTO area_class_import (file_name, row_count, scope_code, created_by)"
                        + " VALUES (:file, :count, :scope, :actor) RETURNING id")
                .param("file", name.length() > 300 ? name.substring(0, 300) : name).param("count", rows.size())
                .param("scope", scope.provinceCode()).param("actor", actor).query(Long.class).single();
        for (ImportedRow r : rows) {
            jdbc.sql("""
                            INSERT INTO unit_area_class (unit_id, province_code, class_code, decision, decision_date,
                                                         valid_from, valid_to, import_id, created_by)
                            VALUES (:unit, :province, :class, :decision, :decisionDate, :from, :to, :import, :actor)""")
                    .param("unit", r.unitId()).param("province", r.provinceCode()).param("class", r.classCode())
                    .param("decision", r.decision()).param("decisionDate", r.decisionDate())
                    .param("from", r.validFrom()).param("to", r.validTo()).param("import", importId)
                    .param("actor", actor).update();
        }
        return new ImportResult(name, false, rows, List.of(), importId);
    }

    /** A line as written, its fields checked but its unit not yet resolved. */
    private record Parsed(int line, String unitCode, String classCode, String decision, LocalDate decisionDate,
                          LocalDate validFrom, LocalDate validTo) {
    }

    private Map<String, Integer> columns(Table table, List<ImportProblem> problems) {
        Map<String, String> byTitle = new HashMap<>();
        for (String column : COLUMNS) {
            byTitle.put(Labels.fold(column), column);
            byTitle.put(Labels.fold(title(column)), column);
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < table.header().size(); i++) {
            String header = table.header().get(i);
            if (header.isBlank()) {
                continue;
            }
            String column = byTitle.get(Labels.fold(header));
            if (column == null) {
                problems.add(problem(table.file(), 1, "", header, "areaclass.import.unknown-column",
                        String.join(", ", COLUMNS)));
            } else if (columns.putIfAbsent(column, i) != null) {
                problems.add(problem(table.file(), 1, column, header, "areaclass.import.duplicate-column"));
            }
        }
        for (String column : COLUMNS) {
            if (REQUIRED.contains(column) && !columns.containsKey(column)) {
                problems.add(problem(table.file(), 1, column, "", "areaclass.import.missing-column", title(column)));
            }
        }
        return columns;
    }

    private Optional<Parsed> parse(String file, Table.Row row, Map<String, Integer> columns,
                                   Map<String, AreaClass> catalogue, List<ImportProblem> problems) {
        int before = problems.size();
        String unitCode = cell(row, columns, "unit_code");
        String classText = cell(row, columns, "class");
        String decision = cell(row, columns, "decision");
        for (String column : List.of("unit_code", "class", "decision", "valid_from")) {
            if (cell(row, columns, column).isEmpty()) {
                problems.add(problem(file, row.line(), column, "", "areaclass.import.required", title(column)));
            }
        }
        if (!unitCode.isEmpty() && !unitCode.matches("[0-9]{5}(-[0-9]{3,})?")) {
            problems.add(problem(file, row.line(), "unit_code", unitCode, "areaclass.import.code-format"));
        }
        String classCode = null;
        if (!classText.isEmpty()) {
            classCode = classCode(classText, catalogue);
            if (classCode == null) {
                problems.add(problem(file, row.line(), "class", classText, "areaclass.import.unknown-class",
                        String.join(", ", catalogue.keySet())));
            }
        }
        if (decision.length() > 300) {
            problems.add(problem(file, row.line(), "decision", decision.substring(0, 40) + "…",
                    "areaclass.import.too-long", 300));
        }
        LocalDate decisionDate = date(file, row, columns, "decision_date", problems);
        LocalDate from = date(file, row, columns, "valid_from", problems);
        LocalDate to = date(file, row, columns, "valid_to", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(problem(file, row.line(), "valid_to", cell(row, columns, "valid_to"),
                    "areaclass.import.period"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(row.line(), unitCode, classCode, decision, decisionDate, from, to));
    }

    /** Resolves every code in one query, on the map in force on each row's first day. */
    private List<ImportedRow> resolve(String file, List<Parsed> parsed, Map<String, AreaClass> catalogue,
                                      AccessScope scope, List<ImportProblem> problems) {
        if (parsed.isEmpty()) {
            return List.of();
        }
        Set<String> codes = new HashSet<>();
        parsed.forEach(p -> codes.add(p.unitCode()));
        record Unit(long id, String code, String level, String name, String province, String path, LocalDate from,
                    LocalDate to) {
            boolean existsOn(LocalDate day) {
                return (from == null || !from.isAfter(day)) && (to == null || !to.isBefore(day));
            }
        }
        Map<String, List<Unit>> byCode = new HashMap<>();
        jdbc.sql("SELECT id, code, level, full_name, province_code, path, valid_from, valid_to FROM admin_unit"
                        + " WHERE code IN (:codes) AND level IN ('commune', 'village')")
                .param("codes", codes)
                .query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class)))
                .list().forEach(u -> byCode.computeIfAbsent(u.code(), k -> new ArrayList<>()).add(u));
        List<ImportedRow> rows = new ArrayList<>();
        List<Unit> ended = new ArrayList<>();
        Map<Integer, Unit> units = new LinkedHashMap<>();
        for (Parsed p : parsed) {
            Optional<Unit> unit = byCode.getOrDefault(p.unitCode(), List.of()).stream()
                    .filter(u -> u.existsOn(p.validFrom())).findFirst();
            if (unit.isEmpty()) {
                boolean known = byCode.containsKey(p.unitCode());
                problems.add(problem(file, p.line(), "unit_code", p.unitCode(),
                        known ? "areaclass.import.unit-not-on-date" : "areaclass.import.unknown-unit", p.validFrom()));
                continue;
            }
            Unit u = unit.get();
            AreaClass areaClass = catalogue.get(p.classCode());
            if (!areaClass.appliesToLevel(u.level())) {
                problems.add(problem(file, p.line(), "class", p.classCode(), "areaclass.import.wrong-level",
                        areaClass.code(), u.code()));
                continue;
            }
            units.put(p.line(), u);
            if (u.to() != null) {
                ended.add(u);
            }
        }
        Map<Long, List<String>> successorPaths = new HashMap<>();
        if (!scope.national() && !ended.isEmpty()) {
            jdbc.sql("SELECT s.predecessor_id, u.path FROM unit_succession s JOIN admin_unit u ON u.id = s.successor_id"
                            + " WHERE s.predecessor_id IN (:ids)")
                    .param("ids", ended.stream().map(Unit::id).distinct().toList())
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .list().forEach(e -> successorPaths.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        for (Parsed p : parsed) {
            Unit u = units.get(p.line());
            if (u == null) {
                continue;
            }
            boolean inside = scope.contains(u.path())
                    || successorPaths.getOrDefault(u.id(), List.of()).stream().anyMatch(scope::contains);
            if (!inside) {
                problems.add(problem(file, p.line(), "unit_code", p.unitCode(), "areaclass.import.outside-area"));
                continue;
            }
            rows.add(new ImportedRow(p.line(), u.code(), u.id(), u.name(), u.level(), u.province(), u.to() != null,
                    p.classCode(), p.decision(), p.decisionDate(), p.validFrom(), p.validTo()));
        }
        return rows;
    }

    /** Two lines of the file giving one unit one class over overlapping periods. */
    private static void duplicates(String file, List<ImportedRow> rows, List<ImportProblem> problems) {
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < i; j++) {
                ImportedRow a = rows.get(j);
                ImportedRow b = rows.get(i);
                if (a.unitId() == b.unitId() && a.classCode().equals(b.classCode())
                        && overlap(a.validFrom(), a.validTo(), b.validFrom(), b.validTo())) {
                    problems.add(problem(file, b.line(), "unit_code", b.unitCode(), "areaclass.import.duplicate",
                            a.line()));
                    break;
                }
            }
        }
    }

    /** A line giving a unit a class it already holds over an overlapping period (one query for the file). */
    private void overlaps(String file, List<ImportedRow> rows, List<ImportProblem> problems) {
        if (rows.isEmpty()) {
            return;
        }
        record Existing(long unitId, String classCode, String decision, LocalDate from, LocalDate to) {
        }
        List<Existing> existing = jdbc.sql("SELECT unit_id, class_code, decision, valid_from, valid_to"
                        + " FROM unit_area_class WHERE unit_id IN (:ids)")
                .param("ids", rows.stream().map(ImportedRow::unitId).distinct().toList())
                .query((rs, n) -> new Existing(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
                .list();
        for (ImportedRow r : rows) {
            existing.stream().filter(e -> e.unitId() == r.unitId() && e.classCode().equals(r.classCode())
                            && overlap(e.from(), e.to(), r.validFrom(), r.validTo()))
                    .findFirst().ifPresent(e -> problems.add(problem(file, r.line(), "valid_from",
                            r.validFrom().toString(), "areaclass.import.already-held", e.decision(), e.from())));
        }
    }

    private static boolean overlap(LocalDate aFrom, LocalDate aTo, LocalDate bFrom, LocalDate bTo) {
        return (aTo == null || !aTo.isBefore(bFrom)) && (bTo == null || !bTo.isBefore(aFrom));
    }

    private Map<String, AreaClass> catalogue() {
        Map<String, AreaClass> map = new LinkedHashMap<>();
        classes.catalogue().forEach(c -> map.put(c.code(), c));
        return map;
    }

    /** The class named by its code or its Vietnamese or English name (folded). */
    static String classCode(String text, Map<String, AreaClass> catalogue) {
        String folded = Labels.fold(text);
        for (AreaClass c : catalogue.values()) {
            if (Labels.fold(c.code()).equals(folded) || Labels.fold(c.nameVi()).equals(folded)
                    || Labels.fold(c.nameEn()).equals(folded)) {
                return c.code();
            }
        }
        return null;
    }

    private static LocalDate date(String file, Table.Row row, Map<String, Integer> columns, String column,
                                  List<ImportProblem> problems) {
        String text = cell(row, columns, column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return text.contains("/") ? LocalDate.parse(text, DAY_MONTH_YEAR) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(problem(file, row.line(), column, text, "areaclass.import.date"));
            return null;
        }
    }

    private static String cell(Table.Row row, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null ? "" : row.cell(index).strip();
    }

    private static ImportProblem problem(String file, int line, String field, String value, String key, Object... args) {
        return new ImportProblem(file, line, field, value == null ? "" : value, key, List.of(args));
    }

    private static Properties titles() {
        Properties properties = new Properties();
        try (InputStream in = AreaClassImport.class.getResourceAsStream("/i18n/areaclass_vi.properties")) {
            if (in != null) {
                properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
