package vn.giamngheo.budget.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.giamngheo.table.PrintedNumber;

/**
 * One row of a budget table placed in the tree given by the codes. {@code amounts} holds the readable
 * cells (blank is 0); a cell that is not a number is absent, and no sum involving it is checked.
 */
public final class BudgetRow {

    /** What a row is, from its code (see {@link BudgetTree}). */
    public enum Kind {
        GRAND_TOTAL, GROUP, ITEM, SUB_ITEM, DETAIL
    }

    private final int line;
    private final String code;
    private final String item;
    private final Kind kind;
    private final Map<BudgetColumn, PrintedNumber> amounts;
    private final List<BudgetRow> children = new ArrayList<>();
    private BudgetRow parent;

    BudgetRow(int line, String code, String item, Kind kind, Map<BudgetColumn, PrintedNumber> amounts) {
        this.line = line;
        this.code = code;
        this.item = item;
        this.kind = kind;
        this.amounts = new EnumMap<>(amounts);
    }

    void addChild(BudgetRow child) {
        children.add(child);
        child.parent = this;
    }

    /** For a second grand total: the same children, whose parent stays the first grand total. */
    void addChildKeepingParent(BudgetRow child) {
        children.add(child);
    }

    public int line() {
        return line;
    }

    public String code() {
        return code;
    }

    public String item() {
        return item;
    }

    /** {@code code item}, as the row is named in findings. */
    public String label() {
        return code.isEmpty() ? item : code + ". " + item;
    }

    public Kind kind() {
        return kind;
    }

    public List<BudgetRow> children() {
        return List.copyOf(children);
    }

    public Optional<BudgetRow> parent() {
        return Optional.ofNullable(parent);
    }

    public Optional<PrintedNumber> amount(BudgetColumn column) {
        return Optional.ofNullable(amounts.get(column));
    }

    public boolean isComplete() {
        return amounts.size() == BudgetColumn.values().length;
    }

    /** {@code total − (central + local + bank + mobilised)}, absent when a cell is unreadable. */
    public Optional<BigDecimal> rowDifference() {
        if (!isComplete()) {
            return Optional.empty();
        }
        BigDecimal sources = BudgetColumn.SOURCES.stream().map(c -> amounts.get(c).value())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(amounts.get(BudgetColumn.TOTAL).value().subtract(sources));
    }

    @Override
    public String toString() {
        return line + ":" + kind + ":" + label();
    }
}
