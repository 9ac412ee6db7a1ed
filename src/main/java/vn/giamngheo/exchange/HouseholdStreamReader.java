package vn.giamngheo.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a pair of household CSV files household after household, with memory that does not grow with the
 * files: for bulk loads far beyond what {@link HouseholdFileReader} holds in memory. Every cell is checked as
 * {@link HouseholdFileReader} checks it and so is each household on its own (member numbers, exactly one
 * head, at least one member). What needs the whole file (a household or identity number twice in the file)
 * is left to the caller, e.g. to the database.
 *
 * <p>The members of a household must follow one another in {@code members.csv}, households in the order of
 * {@code households.csv} (as the exchange writer, the export and {@code generate} write them). A member row
 * out of that order is one error, after which reading stops.
 */
public final class HouseholdStreamReader implements Closeable {

    /**
     * One household: its data ({@code null} when it has errors), its line, its problems, and the line in the members'
     * file of each of {@code data.members()}, in the same order (empty without data).
     */
    public record Entry(HouseholdData data, int line, List<ExchangeProblem> problems, List<Integer> memberLines) {
    }

    private final LocalDate today;
    private final Rows households;
    private final Rows members;
    private final Map<String, Integer> householdIndex;
    private final Map<String, Integer> memberIndex;
    private final List<ExchangeProblem> headerProblems = new ArrayList<>();
    private Table.Row pendingMember;
    private boolean stopped;

    /** Reads the two header rows; their problems are in {@link #headerProblems()}. */
    public HouseholdStreamReader(LocalDate today, String householdsFile, InputStream households, String membersFile,
                                 InputStream members) {
        this.today = today;
        this.households = new Rows(householdsFile, households);
        this.members = new Rows(membersFile, members);
        this.householdIndex = header(this.households, Columns.HOUSEHOLDS, Columns.HOUSEHOLDS_REQUIRED);
        this.memberIndex = header(this.members, Columns.MEMBERS, Columns.MEMBERS_REQUIRED);
    }

    public List<ExchangeProblem> headerProblems() {
        return headerProblems;
    }

    /** The next household, or {@code null} at the end (or after an error that stops reading). */
    public Entry next() {
        if (stopped || householdIndex == null || memberIndex == null) {
            return null;
        }
        Table.Row row;
        try {
            do {
                row = households.next();
            } while (row != null && row.isBlank());
        } catch (TableException e) {
            return stop(e.problem());
        }
        if (row == null) {
            Table.Row left = peekMember();
            if (left != null) {
                return stop(outOfOrder(left, "there is no household left in " + households.file));
            }
            return null;
        }
        List<ExchangeProblem> problems = new ArrayList<>(2);
        RowReader reader = new RowReader(households.file, householdIndex, row, problems);
        HouseholdRecord record = HouseholdRows.parse(reader);
        String commune = reader.raw("commune_code");
        String code = reader.raw("household_code");
        List<MemberRecord> memberRecords = new ArrayList<>(6);
        List<Integer> lines = new ArrayList<>(6);
        Set<Integer> numbers = new HashSet<>();
        int heads = 0;
        int memberRows = 0;
        int firstMemberLine = 0;
        boolean relationsKnown = true;
        Table.Row member;
        try {
            while ((member = peekMember()) != null) {
                if (!commune.equals(cell(member, memberIndex, "commune_code"))
                        || !code.equals(cell(member, memberIndex, "household_code"))) {
                    break;
                }
                pendingMember = null;
                if (memberRows++ == 0) {
                    firstMemberLine = member.line();
                }
                RowReader memberReader = new RowReader(members.file, memberIndex, member, problems);
                MemberRecord m = MemberRows.parse(memberReader, today);
                if (m == null) {
                    relationsKnown = false;
                    continue;
                }
                if (!numbers.add(m.memberNo())) {
                    problems.add(ExchangeProblem.error(members.file, member.line(), "member_no", String.valueOf(m.memberNo()),
                            ExchangeProblem.DUPLICATE_MEMBER_NO, "member_no is used twice in household " + code, code));
                }
                if (m.isHead() && ++heads > 1) {
                    problems.add(ExchangeProblem.error(members.file, member.line(), "relation", "head", ExchangeProblem.HEAD_COUNT,
                            "household " + code + " must have exactly one head, it has more", code, heads));
                }
                memberRecords.add(m);
                lines.add(member.line());
            }
        } catch (TableException e) {
            problems.add(e.problem());
            stopped = true;
        }
        if (memberRows == 0 && !stopped) {
            Table.Row next = peekMember();
            String where = next == null ? "members.csv ends before it" : "line " + next.line() + " of " + members.file
                    + " belongs to household " + cell(next, memberIndex, "household_code") + " of commune "
                    + cell(next, memberIndex, "commune_code");
            problems.add(ExchangeProblem.error(households.file, row.line(), "household_code", code, ExchangeProblem.NO_MEMBERS,
                    "the household has no member rows where a bulk import expects them (" + where
                            + "; members must follow the order of " + households.file + ")", members.file));
            stopped = next != null;
        } else if (heads == 0 && relationsKnown && memberRows > 0) {
            problems.add(ExchangeProblem.error(members.file, firstMemberLine, "relation", "", ExchangeProblem.HEAD_COUNT,
                    "household " + code + " must have exactly one head, it has 0", code, 0));
        }
        boolean ok = record != null && problems.stream().noneMatch(ExchangeProblem::isError);
        if (!ok) {
            return new Entry(null, row.line(), problems, List.of());
        }
        // the members by number, each with its line
        Integer[] order = new Integer[memberRecords.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> memberRecords.get(i).memberNo()));
        List<MemberRecord> sorted = new ArrayList<>(order.length);
        List<Integer> sortedLines = new ArrayList<>(order.length);
        for (int i : order) {
            sorted.add(memberRecords.get(i));
            sortedLines.add(lines.get(i));
        }
        return new Entry(new HouseholdData(record, sorted), row.line(), problems, List.copyOf(sortedLines));
    }

    private Entry stop(ExchangeProblem problem) {
        stopped = true;
        return new Entry(null, problem.line(), List.of(problem), List.of());
    }

    private ExchangeProblem outOfOrder(Table.Row member, String why) {
        String code = cell(member, memberIndex, "household_code");
        return ExchangeProblem.error(members.file, member.line(), "household_code", code, ExchangeProblem.UNKNOWN_HOUSEHOLD,
                "household " + code + " of commune " + cell(member, memberIndex, "commune_code") + " is not the next one of "
                        + households.file + " (" + why + "; a bulk import needs members in the order of the households)",
                code, cell(member, memberIndex, "commune_code"), households.file);
    }

    private Table.Row peekMember() {
        if (pendingMember == null) {
            do {
                pendingMember = members.next();
            } while (pendingMember != null && pendingMember.isBlank());
        }
        return pendingMember;
    }

    private static String cell(Table.Row row, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        return i == null ? "" : row.cell(i).trim();
    }

    private Map<String, Integer> header(Rows rows, List<String> known, Set<String> required) {
        try {
            Table.Row header = rows.next();
            if (header == null) {
                headerProblems.add(ExchangeProblem.error(rows.file, 1, "", "", ExchangeProblem.UNREADABLE_FILE,
                        "the file is empty (no header row)", "empty"));
                return null;
            }
            Table table = new Table(rows.file, header.cells().stream().map(String::trim).toList(), List.of());
            List<ExchangeProblem> problems = new ArrayList<>();
            Map<String, Integer> index = HouseholdFileReader.header(table, known, required, problems);
            headerProblems.addAll(problems);
            return problems.stream().anyMatch(ExchangeProblem::isError) ? null : new ColumnIndex(index);
        } catch (TableException e) {
            headerProblems.add(e.problem());
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try (households; members) {
            // closes both
        }
    }

    /**
     * CSV rows one at a time (UTF-8 only, optional BOM, RFC 4180), with their first line numbers, read from the bytes
     * ({@link CsvByteRows}: the rows commons-csv reads, at a fraction of its cost).
     */
    private static final class Rows implements Closeable {
        private final String file;
        private final CsvByteRows rows;

        Rows(String file, InputStream in) {
            this.file = file;
            try {
                this.rows = new CsvByteRows(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next row, or {@code null} at the end; unreadable text throws {@link TableException}. */
        Table.Row next() {
            try {
                List<String> cells = rows.next();
                return cells == null ? null : new Table.Row((int) rows.line(), cells);
            } catch (CsvByteRows.NotUtf8Exception e) {
                throw new TableException(ExchangeProblem.error(file, (int) rows.line(), "", "", ExchangeProblem.NOT_UTF8,
                        "the file is not UTF-8 text; save it as \"CSV UTF-8\""));
            } catch (IOException e) {
                String reason = String.valueOf(e.getMessage());
                throw new TableException(ExchangeProblem.error(file, (int) rows.line(), "", "",
                        ExchangeProblem.UNREADABLE_FILE, "the file cannot be read as CSV: " + reason, reason));
            }
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }
}
