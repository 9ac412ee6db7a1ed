package vn.giamngheo.budget.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giamngheo.table.PrintedNumber;
import vn.giamngheo.table.Table;

/**
 * The cost table of a plan (biểu kinh phí) built from budget lines: the grand total first, then groups
 * numbered {@code I}, {@code II}…, their items {@code 1}, {@code 2}… and sub-items {@code 1.1}, {@code 1.2}…
 * — the numbering {@link BudgetTree} reads. Amounts are stored on the leaves only; every other row is
 * the sum of its children, source by source.
 *
 * <p>{@link #toTable(String)} writes it in the columns of exchange-format §5 so that
 * {@link BudgetChecker} checks it like any printed table.
 */
public final class CostTable {

    /** A catalogue entry: an item or sub-item; {@code key} identifies the leaf amounts. */
    public record Node(String key, String name, String leadAgency, List<Node> children) {
        public Node {
            children = List.copyOf(children);
        }

        public boolean isLeaf() {
            return children.isEmpty();
        }
    }

    /** A group of the table, e.g. "Chính sách giảm nghèo chung". */
    public record Group(String name, List<Node> items) {
        public Group {
            items = List.copyOf(items);
        }
    }

    public enum Level {
        TOTAL, GROUP, ITEM, SUB_ITEM
    }

    /** One printed row; {@code key} is the catalogue key for items and sub-items, empty otherwise. */
    public record Row(Level level, String code, String item, String leadAgency, String key,
                      Map<FundingSource, BigDecimal> amounts) {
        public Row {
            Map<FundingSource, BigDecimal> copy = new EnumMap<>(FundingSource.class);
            for (FundingSource s : FundingSource.values()) {
                copy.put(s, amounts.getOrDefault(s, BigDecimal.ZERO));
            }
            amounts = Map.copyOf(copy);
        }

        public BigDecimal amount(FundingSource source) {
            return amounts.get(source);
        }

        /** The amount of a printed column: the sum of its sources, or of all sources for {@code total}. */
        public BigDecimal column(BudgetColumn column) {
            return amounts.entrySet().stream()
                    .filter(e -> column == BudgetColumn.TOTAL || e.getKey().column() == column)
                    .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal total() {
            return column(BudgetColumn.TOTAL);
        }
    }

    public static final String TOTAL_LABEL = "Tổng cộng";
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};

    private final List<Row> rows;

    private CostTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The grand total row. */
    public Row total() {
        return rows.get(0);
    }

    /**
     * Builds the table. Amounts of keys that are not leaves of the groups are ignored (callers store
     * amounts on leaves only).
     */
    public static CostTable build(List<Group> groups, Map<String, Map<FundingSource, BigDecimal>> leafAmounts) {
        if (groups.size() > ROMAN.length) {
            throw new IllegalArgumentException("at most " + ROMAN.length + " groups");
        }
        List<Row> body = new ArrayList<>();
        Map<FundingSource, BigDecimal> grand = new EnumMap<>(FundingSource.class);
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            int at = body.size();
            body.add(null);
            Map<FundingSource, BigDecimal> sum = new EnumMap<>(FundingSource.class);
            for (int i = 0; i < group.items().size(); i++) {
                add(sum, node(group.items().get(i), String.valueOf(i + 1), Level.ITEM, leafAmounts, body));
            }
            body.set(at, new Row(Level.GROUP, ROMAN[g], group.name(), "", "", sum));
            add(grand, sum);
        }
        List<Row> all = new ArrayList<>();
        all.add(new Row(Level.TOTAL, "", TOTAL_LABEL, "", "", grand));
        all.addAll(body);
        return new CostTable(all);
    }

    private static Map<FundingSource, BigDecimal> node(Node node, String code, Level level,
                                                       Map<String, Map<FundingSource, BigDecimal>> leafAmounts, List<Row> body) {
        int at = body.size();
        body.add(null);
        Map<FundingSource, BigDecimal> sum = new EnumMap<>(FundingSource.class);
        if (node.isLeaf()) {
            add(sum, leafAmounts.getOrDefault(node.key(), Map.of()));
        } else {
            for (int i = 0; i < node.children().size(); i++) {
                add(sum, node(node.children().get(i), code + "." + (i + 1), Level.SUB_ITEM, leafAmounts, body));
            }
        }
        body.set(at, new Row(level, code, node.name(), node.leadAgency(), node.key(), sum));
        return sum;
    }

    private static void add(Map<FundingSource, BigDecimal> sum, Map<FundingSource, BigDecimal> amounts) {
        amounts.forEach((s, v) -> sum.merge(s, v, BigDecimal::add));
    }

    /**
     * The table in the columns of exchange-format §5 ({@code code, item, total, central, local, bank,
     * mobilised}), amounts written the Vietnamese way; the header is line 1, row {@code i} is line
     * {@code i + 2}.
     */
    public Table toTable(String source) {
        List<Table.Row> tableRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put("code", r.code());
            cells.put("item", r.item());
            for (BudgetColumn c : BudgetColumn.values()) {
                cells.put(c.header(), PrintedNumber.showAmount(r.column(c)));
            }
            tableRows.add(new Table.Row(i + 2, cells));
        }
        return new Table(source, BudgetTree.REQUIRED_COLUMNS, tableRows);
    }
}
