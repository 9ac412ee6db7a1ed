package vn.giamngheo.household.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import vn.giamngheo.exchange.ExchangeProblem;

/**
 * What an import would do, computed before anything is stored (the preview of the page, the dry run of the API
 * and the command): the households that would be added, changed (each changed field, before → after),
 * left unchanged and refused (every problem with file, line and column), the warnings (members absent from an
 * update file: they stay) and the villages that would be created. Confirming stores exactly this plan: the
 * register is checked again first and the import refused if the plan would now be another one.
 */
public final class ImportPlan {

    /** A value before or after a change, for people: message keys (codes, yes/no), a text, a number or a date. */
    public record Shown(List<String> keys, String text, Number number, LocalDate date) {

        static final Shown NONE = new Shown(List.of("import.value.none"), null, null, null);

        static Shown keys(List<String> keys) {
            return keys.isEmpty() ? NONE : new Shown(List.copyOf(keys), null, null, null);
        }

        static Shown text(String text) {
            return text == null || text.isBlank() ? NONE : new Shown(List.of(), text, null, null);
        }

        static Shown number(Number number) {
            return number == null ? NONE : new Shown(List.of(), null, number, null);
        }

        static Shown date(LocalDate date) {
            return date == null ? NONE : new Shown(List.of(), null, null, date);
        }

        public boolean isNone() {
            return this.equals(NONE);
        }

        /** The value as the command line prints it (codes, plain numbers, ISO dates). */
        public String plain() {
            if (isNone()) {
                return "—";
            }
            if (text != null) {
                return text;
            }
            if (number != null) {
                return number instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : number.toString();
            }
            if (date != null) {
                return date.toString();
            }
            return keys.stream().map(k -> k.substring(k.indexOf('.') + 1)).collect(Collectors.joining(", "));
        }
    }

    /** One changed field of a household ({@code memberNo} null) or of one of its members. */
    public record FieldChange(Integer memberNo, String column, Shown before, Shown after) {

        /** The message key of the field's label. */
        public String labelKey() {
            return "import.field." + column;
        }

        String plain() {
            return (memberNo == null ? "" : "member " + memberNo + " ") + column + ": " + before.plain() + " → " + after.plain();
        }
    }

    public enum Kind { NEW, CHANGED, UNCHANGED }

    /**
     * A household of the file that would be stored: its line, codes, village, members, what changes (update) and
     * the stored household it updates (id and the version the plan was made from).
     */
    public record Entry(Kind kind, int line, String communeCode, String householdCode, String village, int members,
                        List<FieldChange> changes, Long householdId, Integer version) {
    }

    /** A village that would be created with the import. */
    public record NewVillage(String communeCode, String name) {
    }

    private final int year;
    private final ImportOptions options;
    private final String householdsFile;
    private final String membersFile;
    private final List<ImportRow> rows;
    private final List<ExchangeProblem> readerWarnings;
    private final List<ExchangeProblem> problems;
    private final List<Entry> entries;
    private final List<NewVillage> newVillages;

    ImportPlan(int year, ImportOptions options, String householdsFile, String membersFile, List<ImportRow> rows,
               List<ExchangeProblem> readerWarnings, List<ExchangeProblem> problems, List<Entry> entries,
               List<NewVillage> newVillages) {
        this.year = year;
        this.options = options;
        this.householdsFile = householdsFile;
        this.membersFile = membersFile;
        this.rows = List.copyOf(rows);
        this.readerWarnings = List.copyOf(readerWarnings);
        this.problems = List.copyOf(problems);
        this.entries = List.copyOf(entries);
        this.newVillages = List.copyOf(newVillages);
    }

    /** Files that could not be read as households at all (nothing to compare). */
    static ImportPlan unreadable(int year, ImportOptions options, String householdsFile, String membersFile,
                                 List<ExchangeProblem> problems) {
        return new ImportPlan(year, options, householdsFile, membersFile, List.of(), List.of(), problems, List.of(), List.of());
    }

    public int year() { return year; }
    public ImportOptions options() { return options; }
    public String householdsFile() { return householdsFile; }
    public String membersFile() { return membersFile; }
    List<ImportRow> rows() { return rows; }
    List<ExchangeProblem> readerWarnings() { return readerWarnings; }

    /** Every problem: the errors (then nothing can be stored) and the warnings. */
    public List<ExchangeProblem> problems() { return problems; }

    public List<ExchangeProblem> errors() {
        return problems.stream().filter(ExchangeProblem::isError).toList();
    }

    public List<ExchangeProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** Whether confirming would store the files (no error). */
    public boolean wouldStore() {
        return problems.stream().noneMatch(ExchangeProblem::isError);
    }

    public List<Entry> entries() { return entries; }

    public List<Entry> added() { return of(Kind.NEW); }

    public List<Entry> changed() { return of(Kind.CHANGED); }

    public List<Entry> unchanged() { return of(Kind.UNCHANGED); }

    public List<NewVillage> newVillages() { return newVillages; }

    /** How many households of the households file have an error (refused). */
    public int refusedHouseholds() {
        return (int) problems.stream().filter(p -> p.isError() && Objects.equals(p.file(), householdsFile))
                .map(ExchangeProblem::line).distinct().count()
                + (int) problems.stream().filter(p -> p.isError() && !Objects.equals(p.file(), householdsFile))
                .map(p -> p.file() + ":" + p.line()).distinct().count();
    }

    /** Members of the households that would be written. */
    public int memberCount() {
        return entries.stream().filter(e -> e.kind() != Kind.UNCHANGED).mapToInt(Entry::members).sum();
    }

    /** How many fields would change in all. */
    public int changedFields() {
        return entries.stream().mapToInt(e -> e.changes().size()).sum();
    }

    private List<Entry> of(Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    /**
     * What must be the same for a confirmation to store what was previewed: each household's outcome, its
     * changes and the version it was compared with, the villages to create and the errors.
     */
    List<String> fingerprint() {
        List<String> print = new ArrayList<>();
        for (Entry e : entries) {
            print.add(e.kind() + " " + e.line() + " " + e.communeCode() + "/" + e.householdCode() + " v" + e.version()
                    + " " + e.changes().stream().map(FieldChange::plain).collect(Collectors.joining("; ")));
        }
        newVillages.forEach(v -> print.add("village " + v.communeCode() + " " + v.name()));
        errors().forEach(p -> print.add("error " + p.file() + ":" + p.line() + ":" + p.column() + ":" + p.code()));
        return print;
    }

    /** The summary the command line prints: the counts, then one line per changed field. */
    public List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        lines.add("mode: " + options.mode().code());
        lines.add("new: " + added().size() + " households");
        lines.add("changed: " + changed().size() + " households, " + changedFields() + " fields");
        lines.add("unchanged: " + unchanged().size() + " households");
        lines.add("refused: " + refusedHouseholds() + " households, " + errors().size() + " problem(s)");
        lines.add("warnings: " + warnings().size());
        lines.add("new villages: " + newVillages.size());
        for (NewVillage v : newVillages) {
            lines.add("  new village " + v.communeCode() + ": " + v.name());
        }
        for (Entry e : changed()) {
            for (FieldChange c : e.changes()) {
                lines.add("  " + e.communeCode() + "/" + e.householdCode() + " (line " + e.line() + ") " + c.plain());
            }
        }
        return lines;
    }
}
