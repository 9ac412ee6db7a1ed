package vn.giamngheo.budget.rules;

import static vn.giamngheo.budget.rules.BudgetColumn.TOTAL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.giamngheo.table.CheckReport;
import vn.giamngheo.table.Finding;
import vn.giamngheo.table.Messages;
import vn.giamngheo.table.PrintedNumber;
import vn.giamngheo.table.Severity;
import vn.giamngheo.table.Table;

/**
 * Checks a budget table (exchange-format §5): on every row {@code total = central + local + bank +
 * mobilised}; every group, item with sub-items and grand total equals the sum of its children, per
 * column (the tree is described in {@link BudgetTree}).
 *
 * <p><b>One slip, one error.</b> A single mistyped cell breaks its row <em>and</em> the column sum of its
 * parent (or of its children, for a group or the grand total). When a row does not add up and exactly one
 * column is off by the same amount in the neighbouring sums, the checker names that cell: one error
 * {@code cell_does_not_fit} at the row's line and the cell's column, with the value that fits both
 * relations as expected. The sums that are off only because of such a cell are reported at their own
 * line as notes whose rule ends in {@code _consequence}. When the slips cannot be told apart, each broken
 * relation is an error at the line of the row that states it: {@code row_sources_add_up} (column
 * {@code total}), {@code group_sum}, {@code item_sum}, {@code grand_total_sum} (the column that differs).
 */
public final class BudgetChecker {

    private BudgetChecker() {
    }

    public static List<String> missingColumns(Table table) {
        return BudgetTree.REQUIRED_COLUMNS.stream().filter(c -> !table.hasColumn(c)).toList();
    }

    public static CheckReport check(Table table) {
        if (!missingColumns(table).isEmpty()) {
            throw new IllegalArgumentException("missing columns " + missingColumns(table));
        }
        List<Finding> findings = new ArrayList<>();
        BudgetTree tree = BudgetTree.read(table, findings);
        new Run(tree, findings).check();
        return new CheckReport(findings, tree.rows().size());
    }

    private record Cell(BudgetRow row, BudgetColumn column) {
    }

    /** The state of one check: culprit cells found and their corrected values. */
    private static final class Run {
        private final BudgetTree tree;
        private final List<Finding> findings;
        private final Map<Cell, BigDecimal> corrected = new HashMap<>();

        Run(BudgetTree tree, List<Finding> findings) {
            this.tree = tree;
            this.findings = findings;
        }

        void check() {
            for (BudgetRow row : tree.rows()) {
                row.rowDifference().filter(d -> d.signum() != 0).ifPresent(d -> checkRow(row, d));
            }
            for (BudgetRow row : tree.rows()) {
                if (isSum(row)) {
                    checkChildren(row);
                }
            }
        }

        private boolean isSum(BudgetRow row) {
            return !row.children().isEmpty() && !tree.isHeading(row);
        }

        /** {@code parent − Σ children} in one column, with the corrected values when asked. */
        private Optional<BigDecimal> childrenDifference(BudgetRow parent, BudgetColumn column, boolean useCorrected) {
            if (!isSum(parent) || parent.amount(column).isEmpty()
                    || parent.children().stream().anyMatch(c -> c.amount(column).isEmpty())) {
                return Optional.empty();
            }
            BigDecimal sum = parent.children().stream().map(c -> value(c, column, useCorrected))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return Optional.of(value(parent, column, useCorrected).subtract(sum));
        }

        private BigDecimal value(BudgetRow row, BudgetColumn column, boolean useCorrected) {
            BigDecimal printed = row.amount(column).orElseThrow().value();
            return useCorrected ? corrected.getOrDefault(new Cell(row, column), printed) : printed;
        }

        private void checkRow(BudgetRow row, BigDecimal rowDifference) {
            List<BudgetColumn> suspects = new ArrayList<>();
            BudgetRow evidence = null;
            for (BudgetColumn column : BudgetColumn.values()) {
                // a cell too high by d: the row is off by +d (total) or -d (source), its parent's sum by -d,
                // its own children's sum by +d
                BigDecimal d = column == TOTAL ? rowDifference : rowDifference.negate();
                Optional<BigDecimal> up = row.parent().flatMap(p -> childrenDifference(p, column, false));
                Optional<BigDecimal> down = childrenDifference(row, column, false);
                boolean fits = (up.isPresent() || down.isPresent())
                        && up.map(u -> u.compareTo(d.negate()) == 0).orElse(true)
                        && down.map(v -> v.compareTo(d) == 0).orElse(true);
                if (fits) {
                    suspects.add(column);
                    evidence = up.isPresent() ? row.parent().orElseThrow() : row;
                }
            }
            PrintedNumber total = row.amount(TOTAL).orElseThrow();
            if (suspects.size() == 1) {
                BudgetColumn column = suspects.get(0);
                PrintedNumber printed = row.amount(column).orElseThrow();
                BigDecimal d = column == TOTAL ? rowDifference : rowDifference.negate();
                BigDecimal expected = printed.value().subtract(d);
                corrected.put(new Cell(row, column), expected);
                findings.add(new Finding(row.line(), row.label(), column.header(), Severity.ERROR, "cell_does_not_fit",
                        printed.text(), PrintedNumber.showAmount(expected), "budget.cell_does_not_fit",
                        List.of(Messages.column(column.header()), printed.text(), total.text(),
                                PrintedNumber.showAmount(total.value().subtract(rowDifference)),
                                String.valueOf(evidence.line()), evidence.label(), PrintedNumber.showAmount(expected))));
                return;
            }
            BigDecimal sources = total.value().subtract(rowDifference);
            findings.add(new Finding(row.line(), row.label(), TOTAL.header(), Severity.ERROR, "row_sources_add_up",
                    total.text(), PrintedNumber.showAmount(sources), "budget.row_sources_add_up",
                    List.of(total.text(), PrintedNumber.showAmount(sources))));
        }

        private void checkChildren(BudgetRow parent) {
            String rule = switch (parent.kind()) {
                case GRAND_TOTAL -> "grand_total_sum";
                case GROUP -> "group_sum";
                default -> "item_sum";
            };
            for (BudgetColumn column : BudgetColumn.values()) {
                Optional<BigDecimal> printedDifference = childrenDifference(parent, column, false);
                if (printedDifference.isEmpty() || printedDifference.get().signum() == 0) {
                    continue;
                }
                PrintedNumber printed = parent.amount(column).orElseThrow();
                if (childrenDifference(parent, column, true).orElseThrow().signum() == 0) {
                    String culprits = culpritLines(parent, column);
                    findings.add(new Finding(parent.line(), parent.label(), column.header(), Severity.NOTE,
                            rule + "_consequence", printed.text(), "", "budget." + rule + "_consequence",
                            List.of(Messages.column(column.header()), culprits)));
                } else {
                    BigDecimal sum = printed.value().subtract(printedDifference.get());
                    findings.add(new Finding(parent.line(), parent.label(), column.header(), Severity.ERROR, rule,
                            printed.text(), PrintedNumber.showAmount(sum), "budget." + rule,
                            List.of(Messages.column(column.header()), printed.text(), PrintedNumber.showAmount(sum))));
                }
            }
        }

        private String culpritLines(BudgetRow parent, BudgetColumn column) {
            List<BudgetRow> involved = new ArrayList<>();
            involved.add(parent);
            involved.addAll(parent.children());
            return involved.stream().filter(r -> corrected.containsKey(new Cell(r, column)))
                    .map(r -> String.valueOf(r.line())).collect(Collectors.joining(", "));
        }
    }
}
