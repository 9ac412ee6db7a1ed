package vn.giamngheo.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code households} + {@code members} (CSV or XLSX, exchange-format §1) and returns either all
 * households or every problem found: per-cell problems of both files, then the checks across rows and files
 * (duplicates, exactly one head, members without household, households without members).
 */
public final class HouseholdFileReader {

    public enum Format {
        CSV, XLSX;

        /** By file extension; CSV unless the name ends with {@code .xlsx}. */
        public static Format of(String fileName) {
            return fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? XLSX : CSV;
        }
    }

    public static final int DEFAULT_MAX_ROWS = 2_000_000;

    private final LocalDate today;
    private final int maxRows;

    /** @param today birth dates after this day are refused */
    public HouseholdFileReader(LocalDate today) {
        this(today, DEFAULT_MAX_ROWS);
    }

    public HouseholdFileReader(LocalDate today, int maxRows) {
        this.today = today;
        this.maxRows = maxRows;
    }

    public ReadResult read(Path households, Path members) {
        try (InputStream h = Files.newInputStream(households); InputStream m = Files.newInputStream(members)) {
            return read(households.getFileName().toString(), h, members.getFileName().toString(), m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads two streams; the format of each comes from its file name. */
    public ReadResult read(String householdsFile, InputStream households, String membersFile, InputStream members) {
        List<ExchangeProblem> problems = new ArrayList<>();
        Table householdTable = table(householdsFile, "households", households, problems);
        Table memberTable = table(membersFile, "members", members, problems);
        if (householdTable == null || memberTable == null) {
            return ReadResult.of(List.of(), problems);
        }
        return read(householdTable, memberTable, problems);
    }

    /**
     * Reads households and members already held as tables (e.g. the household JSON of the field app, one row per
     * table), with every check of the files; problems name the tables' {@code file}.
     */
    public ReadResult read(Table householdTable, Table memberTable) {
        return read(householdTable, memberTable, new ArrayList<>());
    }

    private ReadResult read(Table householdTable, Table memberTable, List<ExchangeProblem> problems) {
        String householdsFile = householdTable.file();
        String membersFile = memberTable.file();
        List<ExchangeProblem> householdProblems = new ArrayList<>();
        Map<String, Integer> householdIndex = header(householdTable, Columns.HOUSEHOLDS, Columns.HOUSEHOLDS_REQUIRED,
                householdProblems);
        Map<Key, Parsed<HouseholdRecord>> parsedHouseholds = new LinkedHashMap<>();
        for (Table.Row row : householdTable.rows()) {
            if (row.isBlank()) {
                continue;
            }
            RowReader reader = new RowReader(householdsFile, householdIndex, row, householdProblems);
            HouseholdRecord record = HouseholdRows.parse(reader);
            Key key = new Key(reader.raw("commune_code"), reader.raw("household_code"));
            if (parsedHouseholds.containsKey(key)) {
                reader.error("household_code", key.household(), ExchangeProblem.DUPLICATE_HOUSEHOLD,
                        "household " + key.household() + " of commune " + key.commune() + " is already on line "
                                + parsedHouseholds.get(key).line(), key.household(), parsedHouseholds.get(key).line());
            } else {
                parsedHouseholds.put(key, new Parsed<>(row.line(), record));
            }
        }
        List<ExchangeProblem> memberProblems = new ArrayList<>();
        Map<String, Integer> memberIndex = header(memberTable, Columns.MEMBERS, Columns.MEMBERS_REQUIRED,
                memberProblems);
        Map<Key, List<Parsed<MemberRecord>>> membersByHousehold = new LinkedHashMap<>();
        Map<String, Integer> idNumberLines = new HashMap<>();
        for (Table.Row row : memberTable.rows()) {
            if (row.isBlank()) {
                continue;
            }
            RowReader reader = new RowReader(membersFile, memberIndex, row, memberProblems);
            MemberRecord record = MemberRows.parse(reader, today);
            Key key = new Key(reader.raw("commune_code"), reader.raw("household_code"));
            String idNumber = reader.raw("id_number");
            if (!idNumber.isEmpty()) {
                Integer first = idNumberLines.putIfAbsent(idNumber, row.line());
                if (first != null) {
                    reader.error("id_number", idNumber, ExchangeProblem.DUPLICATE_ID_NUMBER,
                            "the identity number is already used on line " + first, first);
                }
            }
            if (!key.household().isEmpty() && !key.commune().isEmpty() && !parsedHouseholds.containsKey(key)) {
                reader.error("household_code", key.household(), ExchangeProblem.UNKNOWN_HOUSEHOLD,
                        "household " + key.household() + " of commune " + key.commune() + " is not in "
                                + householdsFile, key.household(), key.commune(), householdsFile);
            }
            membersByHousehold.computeIfAbsent(key, k -> new ArrayList<>()).add(new Parsed<>(row.line(), record));
        }
        checkMembersPerHousehold(membersFile, membersByHousehold, parsedHouseholds.keySet(), memberProblems);
        for (var entry : parsedHouseholds.entrySet()) {
            if (!membersByHousehold.containsKey(entry.getKey())) {
                householdProblems.add(ExchangeProblem.error(householdsFile, entry.getValue().line(), "household_code",
                        entry.getKey().household(), ExchangeProblem.NO_MEMBERS,
                        "the household has no member in " + membersFile, membersFile));
            }
        }
        householdProblems.sort(Comparator.comparingInt(ExchangeProblem::line));
        memberProblems.sort(Comparator.comparingInt(ExchangeProblem::line));
        problems.addAll(householdProblems);
        problems.addAll(memberProblems);
        if (problems.stream().anyMatch(ExchangeProblem::isError)) {
            return ReadResult.of(List.of(), problems);
        }
        List<HouseholdData> result = new ArrayList<>();
        for (var entry : parsedHouseholds.entrySet()) {
            List<MemberRecord> memberList = membersByHousehold.get(entry.getKey()).stream().map(Parsed::record)
                    .sorted(Comparator.comparingInt(MemberRecord::memberNo)).toList();
            result.add(new HouseholdData(entry.getValue().record(), memberList));
        }
        return ReadResult.of(result, problems);
    }

    private static void checkMembersPerHousehold(String file, Map<Key, List<Parsed<MemberRecord>>> byHousehold,
            Set<Key> knownHouseholds, List<ExchangeProblem> problems) {
        for (var entry : byHousehold.entrySet()) {
            if (!knownHouseholds.contains(entry.getKey())) {
                continue;
            }
            List<Parsed<MemberRecord>> members = entry.getValue();
            Set<Integer> numbers = new HashSet<>();
            List<Parsed<MemberRecord>> heads = new ArrayList<>();
            boolean relationsKnown = true;
            for (Parsed<MemberRecord> member : members) {
                if (member.record() == null) {
                    relationsKnown = false;
                    continue;
                }
                if (!numbers.add(member.record().memberNo())) {
                    problems.add(ExchangeProblem.error(file, member.line(), "member_no",
                            String.valueOf(member.record().memberNo()), ExchangeProblem.DUPLICATE_MEMBER_NO,
                            "member_no is used twice in household " + entry.getKey().household(),
                            entry.getKey().household()));
                }
                if (member.record().isHead()) {
                    heads.add(member);
                }
            }
            if (heads.size() > 1) {
                for (Parsed<MemberRecord> extra : heads.subList(1, heads.size())) {
                    problems.add(headCount(file, extra.line(), entry.getKey(), heads.size()));
                }
            } else if (heads.isEmpty() && relationsKnown) {
                problems.add(headCount(file, members.get(0).line(), entry.getKey(), 0));
            }
        }
    }

    private static ExchangeProblem headCount(String file, int line, Key key, int heads) {
        return ExchangeProblem.error(file, line, "relation", heads == 0 ? "" : "head", ExchangeProblem.HEAD_COUNT,
                "household " + key.household() + " must have exactly one head, it has " + heads,
                key.household(), heads);
    }

    private Table table(String file, String sheet, InputStream in, List<ExchangeProblem> problems) {
        try {
            return Format.of(file) == Format.XLSX ? XlsxTables.read(file, sheet, in, maxRows)
                    : CsvTables.read(file, in, maxRows);
        } catch (TableException e) {
            problems.add(e.problem());
            return null;
        }
    }

    static Map<String, Integer> header(Table table, List<String> known, Set<String> required,
            List<ExchangeProblem> problems) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < table.header().size(); i++) {
            String name = table.header().get(i);
            java.util.Optional<String> column = name.isEmpty() ? java.util.Optional.empty() : Labels.column(known, name);
            if (column.isPresent()) {
                Integer first = index.putIfAbsent(column.get(), i);
                String firstName = first == null ? name : table.header().get(first);
                if (!firstName.equals(name)) {
                    // exchange-format 1.1: a column is named by its code or by its title, never by both
                    problems.add(ExchangeProblem.error(table.file(), 1, column.get(), name,
                            ExchangeProblem.DUPLICATE_COLUMN, "the column " + column.get() + " is already named \""
                                    + firstName + "\" in column " + (first + 1), column.get(), firstName, first + 1));
                }
            } else if (!name.isEmpty()) {
                problems.add(ExchangeProblem.warning(table.file(), 1, name, name, ExchangeProblem.UNKNOWN_COLUMN,
                        "unknown column, ignored", name));
            }
        }
        for (String column : known) {
            if (required.contains(column) && !index.containsKey(column)) {
                problems.add(ExchangeProblem.error(table.file(), 1, column, "", ExchangeProblem.MISSING_COLUMN,
                        "the required column is missing", column));
            }
        }
        return index;
    }

    private record Key(String commune, String household) {
    }

    private record Parsed<T>(int line, T record) {
    }
}
