package vn.giamngheo.budget;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.budget.rules.BudgetChecker;
import vn.giamngheo.budget.rules.BudgetColumn;
import vn.giamngheo.budget.rules.BudgetRow;
import vn.giamngheo.budget.rules.BudgetStage;
import vn.giamngheo.budget.rules.BudgetTree;
import vn.giamngheo.budget.rules.FundingSource;
import vn.giamngheo.table.CheckReport;
import vn.giamngheo.table.Finding;
import vn.giamngheo.table.PrintedNumber;
import vn.giamngheo.table.Table;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.programme.InvalidProgrammeException;
import vn.giamngheo.programme.ProgrammeCatalogue;
import vn.giamngheo.programme.ProgrammeItem;
import vn.giamngheo.programme.ProgrammeProblem;
import vn.giamngheo.programme.ProgrammeUnits;

/**
 * Import of a budget table (exchange-format §5, CSV or XLSX with the same columns) into one stage of a
 * unit's budget lines for a year: all or nothing. The table must pass {@link BudgetChecker} without
 * error; every row without sub-rows must name a leaf item of the period's catalogue (by its number as
 * plans print it, "Dự án 3", "Tiểu dự án 1" under its project, by its name or by its code). Optional
 * columns {@code central_investment} and {@code central_recurrent} split the central budget; what they
 * leave of {@code central} is stored as central, not split. The stage of every item of the period not in
 * the file becomes 0. Every problem names its line and column.
 */
@Service
public class BudgetImport {

    static final String INVESTMENT = "central_investment";
    static final String RECURRENT = "central_recurrent";

    private final BudgetLines lines;
    private final ProgrammeCatalogue catalogue;
    private final ProgrammeUnits units;
    private final AuditLog audit;

    BudgetImport(BudgetLines lines, ProgrammeCatalogue catalogue, ProgrammeUnits units, AuditLog audit) {
        this.lines = lines;
        this.catalogue = catalogue;
        this.units = units;
        this.audit = audit;
    }

    /** What was stored. */
    public record Result(int rows, int items, BigDecimal total) {
    }

    @Transactional
    public Result importTable(long unitId, int year, String periodCode, BudgetStage stage, Table table, CurrentUser user) {
        ProgrammeUnits.Unit unit = units.editable(unitId, user);
        catalogue.period(periodCode);
        Map<Long, Map<FundingSource, BigDecimal>> cells = read(table, periodCode, unit.provinceCode());
        lines.saveStage(unitId, year, periodCode, stage, cells, user);
        BigDecimal total = cells.values().stream().flatMap(m -> m.values().stream()).reduce(BigDecimal.ZERO, BigDecimal::add);
        audit.record("IMPORT", "budget_line", String.valueOf(unitId), unit.provinceCode(),
                table.source() + ": " + stage.code() + " " + year + " " + periodCode + ", " + cells.size() + " items, total "
                        + PrintedNumber.showAmount(total));
        return new Result(table.rows().size(), cells.size(), total);
    }

    /** The amounts of the file by leaf item and source, or every problem of the file. */
    Map<Long, Map<FundingSource, BigDecimal>> read(Table table, String periodCode) {
        return read(table, periodCode, null);
    }

    /** As {@link #read(Table, String)}, on the national items and the province's own ({@code null}: national only). */
    Map<Long, Map<FundingSource, BigDecimal>> read(Table table, String periodCode, String provinceCode) {
        List<String> missing = BudgetChecker.missingColumns(table);
        if (!missing.isEmpty()) {
            throw new InvalidProgrammeException(ProgrammeProblem.atLine(1, "", "programme.import.missing-columns",
                    String.join(", ", missing)));
        }
        List<ProgrammeProblem> problems = new ArrayList<>();
        CheckReport report = BudgetChecker.check(table);
        for (Finding f : report.findings()) {
            if (f.isError()) {
                problems.add(new ProgrammeProblem(f.line(), f.column(), "programme.import.finding", List.of(f.message(Locale.forLanguageTag("vi")))));
            }
        }
        BudgetTree tree = BudgetTree.read(table, new ArrayList<>());
        List<ProgrammeItem> items = catalogue.itemsOf(periodCode, provinceCode);
        Map<Integer, Table.Row> byLine = new HashMap<>();
        table.rows().forEach(r -> byLine.put(r.line(), r));
        Map<Long, Map<FundingSource, BigDecimal>> cells = new HashMap<>();
        Map<Long, Integer> lineOfItem = new HashMap<>();
        for (BudgetRow row : tree.rows()) {
            if (row.kind() != BudgetRow.Kind.ITEM) {
                continue;
            }
            match(row, null, items, byLine, cells, lineOfItem, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidProgrammeException(problems);
        }
        return cells;
    }

    private void match(BudgetRow row, ProgrammeItem parent, List<ProgrammeItem> items, Map<Integer, Table.Row> byLine,
                       Map<Long, Map<FundingSource, BigDecimal>> cells, Map<Long, Integer> lineOfItem,
                       List<ProgrammeProblem> problems) {
        List<ProgrammeItem> candidates = items.stream()
                .filter(i -> parent == null ? i.parentId() == null : Long.valueOf(parent.id()).equals(i.parentId())).toList();
        List<ProgrammeItem> found = matches(row.item(), candidates);
        if (found.size() != 1) {
            problems.add(ProgrammeProblem.atLine(row.line(), "item", found.isEmpty() ? "programme.import.item-unknown"
                    : "programme.import.item-ambiguous", row.item()));
            return;
        }
        ProgrammeItem item = found.get(0);
        boolean itemHasChildren = items.stream().anyMatch(i -> Long.valueOf(item.id()).equals(i.parentId()));
        List<BudgetRow> subRows = row.children();
        if (!subRows.isEmpty()) {
            if (!itemHasChildren) {
                problems.add(ProgrammeProblem.atLine(row.line(), "item", "programme.import.item-no-sub-items", row.item()));
                return;
            }
            for (BudgetRow sub : subRows) {
                match(sub, item, items, byLine, cells, lineOfItem, problems);
            }
            return;
        }
        if (itemHasChildren) {
            problems.add(ProgrammeProblem.atLine(row.line(), "item", "programme.import.item-needs-sub-items", row.item()));
            return;
        }
        Integer earlier = lineOfItem.putIfAbsent(item.id(), row.line());
        if (earlier != null) {
            problems.add(ProgrammeProblem.atLine(row.line(), "item", "programme.import.item-twice", row.item(), String.valueOf(earlier)));
            return;
        }
        amounts(row, byLine.get(row.line()), problems).ifPresent(a -> cells.put(item.id(), a));
    }

    private static Optional<Map<FundingSource, BigDecimal>> amounts(BudgetRow row, Table.Row cellsRow, List<ProgrammeProblem> problems) {
        if (!row.isComplete()) {
            return Optional.empty(); // the checker has reported the unreadable cell
        }
        Map<FundingSource, BigDecimal> a = new EnumMap<>(FundingSource.class);
        BigDecimal central = value(row, BudgetColumn.CENTRAL);
        BigDecimal investment = split(cellsRow, INVESTMENT, row.line(), problems);
        BigDecimal recurrent = split(cellsRow, RECURRENT, row.line(), problems);
        if (investment == null || recurrent == null) {
            return Optional.empty();
        }
        BigDecimal unsplit = central.subtract(investment).subtract(recurrent);
        if (unsplit.signum() < 0) {
            problems.add(ProgrammeProblem.atLine(row.line(), INVESTMENT, "programme.import.split-exceeds-central",
                    PrintedNumber.showAmount(investment.add(recurrent)), PrintedNumber.showAmount(central)));
            return Optional.empty();
        }
        a.put(FundingSource.CENTRAL_INVESTMENT, investment);
        a.put(FundingSource.CENTRAL_RECURRENT, recurrent);
        a.put(FundingSource.CENTRAL_UNSPLIT, unsplit);
        a.put(FundingSource.LOCAL, value(row, BudgetColumn.LOCAL));
        a.put(FundingSource.BANK, value(row, BudgetColumn.BANK));
        a.put(FundingSource.MOBILISED, value(row, BudgetColumn.MOBILISED));
        for (Map.Entry<FundingSource, BigDecimal> e : a.entrySet()) {
            if (e.getValue().signum() < 0) {
                problems.add(ProgrammeProblem.atLine(row.line(), e.getKey().column().header(), "programme.import.negative",
                        PrintedNumber.showAmount(e.getValue())));
                return Optional.empty();
            }
            if (e.getValue().stripTrailingZeros().scale() > 3 || e.getValue().compareTo(BudgetLines.MAX_AMOUNT) > 0) {
                problems.add(ProgrammeProblem.atLine(row.line(), e.getKey().column().header(), "programme.import.amount-range",
                        PrintedNumber.showAmount(e.getValue())));
                return Optional.empty();
            }
        }
        return Optional.of(a);
    }

    private static BigDecimal value(BudgetRow row, BudgetColumn column) {
        return row.amount(column).orElseThrow().value();
    }

    private static BigDecimal split(Table.Row cells, String column, int line, List<ProgrammeProblem> problems) {
        String text = cells == null ? "" : cells.cell(column);
        try {
            return PrintedNumber.amount(text).value();
        } catch (NumberFormatException e) {
            problems.add(ProgrammeProblem.atLine(line, column, "programme.import.not-a-number", text));
            return null;
        }
    }

    /** Candidates a printed row names: by number ("Dự án 3…"), exact name, code, or else one containing the other. */
    static List<ProgrammeItem> matches(String printed, List<ProgrammeItem> candidates) {
        String text = normalise(printed);
        List<ProgrammeItem> exact = candidates.stream().filter(i -> {
            String shortName = normalise(i.shortNameVi());
            return text.equals(normalise(i.nameVi())) || text.equals(normalise(i.printedName()))
                    || text.equals(normalise(i.code())) || text.equals(normalise(i.nameEn()))
                    || (!shortName.isEmpty() && (text.equals(shortName) || text.startsWith(shortName + " ")));
        }).toList();
        if (!exact.isEmpty() || text.length() < 8) {
            return exact;
        }
        return candidates.stream().filter(i -> {
            String name = normalise(i.nameVi());
            return text.contains(name) || name.contains(text);
        }).toList();
    }

    static String normalise(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
