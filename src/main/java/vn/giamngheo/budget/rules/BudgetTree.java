package vn.giamngheo.budget.rules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.giamngheo.table.Finding;
import vn.giamngheo.table.Messages;
import vn.giamngheo.table.PrintedNumber;
import vn.giamngheo.table.Severity;
import vn.giamngheo.table.Table;

/**
 * The item tree of a budget table, read from the {@code code} column (exchange-format §5):
 * <ul>
 * <li>a Roman numeral ({@code I}, {@code II}, {@code IV.}) is a <b>group</b>; the grand total is the sum of
 * the groups (and of items standing before the first group, if any);</li>
 * <li>an Arabic number ({@code 1}, {@code 2.}) is an <b>item</b> of the current group, which is the sum of
 * its items; numbering restarts in each group;</li>
 * <li>{@code 1.1}, {@code 1.2.3} is a <b>sub-item</b> of the item (or sub-item) numbered by its prefix in the
 * current group, and a single lower-case letter ({@code a}, {@code b)}) a sub-item of the last item: an
 * item with sub-items is their sum;</li>
 * <li>{@code -}, {@code +}, {@code *} (an "of which" line) and unknown codes are <b>details</b>: checked on
 * their own row only, never added to a sum;</li>
 * <li>the <b>grand total</b> is a row whose item is {@code Tổng cộng}, {@code Tổng số}, {@code Tổng} or
 * {@code TOTAL}, or a row without code standing before every coded row or after the last one; a row
 * without code elsewhere is a detail (with a warning).</li>
 * </ul>
 * A row with none of the five amounts filled in is a heading: it still opens its group or item, but its
 * own sums are not checked. Otherwise a blank amount is 0.
 */
public final class BudgetTree {

    private static final Pattern ROMAN = Pattern.compile("(?=[IVXLC])C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");
    private static final Pattern ARABIC = Pattern.compile("\\d+");
    private static final Pattern DOTTED = Pattern.compile("\\d+(\\.\\d+)+");
    private static final Pattern LETTER = Pattern.compile("[a-zđ]");
    private static final Pattern BULLET = Pattern.compile("[-+*•–]");
    private static final Set<String> TOTAL_ITEMS = Set.of("tổngcộng", "tổngsố", "tổng", "total", "tổngkinhphí");
    static final List<String> REQUIRED_COLUMNS = List.of("code", "item", "total", "central", "local", "bank", "mobilised");

    private final List<BudgetRow> rows;
    private final List<BudgetRow> grandTotals;
    private final List<BudgetRow> headings;

    private BudgetTree(List<BudgetRow> rows, List<BudgetRow> grandTotals, List<BudgetRow> headings) {
        this.rows = rows;
        this.grandTotals = grandTotals;
        this.headings = headings;
    }

    /** Rows with figures, in file order. */
    public List<BudgetRow> rows() {
        return rows;
    }

    public List<BudgetRow> grandTotals() {
        return grandTotals;
    }

    boolean isHeading(BudgetRow row) {
        return headings.contains(row);
    }

    /** Builds the tree; unreadable amounts and doubtful codes are added to {@code findings}. */
    public static BudgetTree read(Table table, List<Finding> findings) {
        List<Raw> raws = new ArrayList<>();
        for (Table.Row r : table.rows()) {
            raws.add(Raw.of(r, findings));
        }
        List<BudgetRow> rows = new ArrayList<>();
        List<BudgetRow> headings = new ArrayList<>();
        List<BudgetRow> roots = new ArrayList<>();
        List<BudgetRow> grandTotals = new ArrayList<>();
        BudgetRow group = null;
        BudgetRow lastItem = null;
        Map<String, BudgetRow> numbered = new HashMap<>();
        for (int i = 0; i < raws.size(); i++) {
            Raw raw = raws.get(i);
            BudgetRow.Kind kind = raw.kind(raws.subList(0, i), raws.subList(i + 1, raws.size()));
            BudgetRow parent = null;
            String warning = null;
            List<String> warningArgs = List.of();
            switch (kind) {
                case GROUP -> numbered.clear();
                case ITEM -> parent = group;
                case SUB_ITEM -> {
                    if (DOTTED.matcher(raw.code).matches()) {
                        String prefix = raw.code.substring(0, raw.code.lastIndexOf('.'));
                        parent = numbered.get(prefix);
                        warningArgs = List.of(prefix, raw.code);
                    } else {
                        parent = lastItem;
                        warningArgs = List.of("", raw.code);
                    }
                    if (parent == null) {
                        kind = BudgetRow.Kind.DETAIL;
                        warning = "budget.parent_not_found";
                    }
                }
                case DETAIL -> {
                    if (raw.code.isEmpty()) {
                        warning = "budget.uncoded_row";
                    } else if (!BULLET.matcher(raw.code).matches()) {
                        warning = "budget.code_unknown";
                        warningArgs = List.of(raw.code);
                    }
                }
                default -> {
                }
            }
            if (kind == BudgetRow.Kind.DETAIL && !raw.hasFigures) {
                continue; // a heading or note line without figures
            }
            BudgetRow row = new BudgetRow(raw.line, raw.code, raw.item, kind, raw.amounts);
            if (warning != null) {
                findings.add(new Finding(raw.line, row.label(), "code", Severity.WARNING, warning.substring(7), raw.code,
                        "", warning, warningArgs));
            }
            switch (kind) {
                case GRAND_TOTAL -> grandTotals.add(row);
                case GROUP -> {
                    roots.add(row);
                    group = row;
                    lastItem = null;
                }
                case ITEM -> {
                    numbered.put(raw.code, row);
                    lastItem = row;
                }
                case SUB_ITEM -> {
                    if (DOTTED.matcher(raw.code).matches()) {
                        numbered.put(raw.code, row);
                    }
                }
                default -> {
                }
            }
            if (kind == BudgetRow.Kind.ITEM && parent == null) {
                roots.add(row);
            } else if (parent != null) {
                parent.addChild(row);
            }
            if (!raw.hasFigures) {
                headings.add(row);
            }
            rows.add(row);
        }
        for (int i = 0; i < grandTotals.size(); i++) {
            BudgetRow total = grandTotals.get(i);
            roots.forEach(i == 0 ? total::addChild : total::addChildKeepingParent);
            if (i > 0) {
                findings.add(new Finding(total.line(), total.label(), "item", Severity.WARNING, "multiple_grand_totals",
                        total.item(), "", "budget.multiple_grand_totals",
                        List.of(String.valueOf(grandTotals.get(0).line()))));
            }
        }
        return new BudgetTree(List.copyOf(rows), List.copyOf(grandTotals), List.copyOf(headings));
    }

    /** One table row before it is placed in the tree. */
    private record Raw(int line, String code, String item, Map<BudgetColumn, PrintedNumber> amounts,
            boolean hasFigures) {

        static Raw of(Table.Row r, List<Finding> findings) {
            String code = Normalizer.normalize(r.cell("code"), Normalizer.Form.NFC).strip().replaceAll("[.)]$", "")
                    .strip();
            String item = r.cell("item");
            Map<BudgetColumn, PrintedNumber> amounts = new EnumMap<>(BudgetColumn.class);
            boolean hasFigures = false;
            for (BudgetColumn c : BudgetColumn.values()) {
                String text = r.cell(c.header());
                hasFigures |= !text.isBlank();
                try {
                    amounts.put(c, PrintedNumber.amount(text));
                } catch (NumberFormatException e) {
                    findings.add(new Finding(r.line(), code.isEmpty() ? item : code + ". " + item, c.header(),
                            Severity.ERROR, "not_a_number", text, "", "not_a_number",
                            List.of(Messages.column(c.header()), text)));
                }
            }
            return new Raw(r.line(), code, item, amounts, hasFigures);
        }

        boolean isTotalItem() {
            return TOTAL_ITEMS.contains(item.toLowerCase(Locale.ROOT).replaceAll("[\\s:]+", ""));
        }

        boolean isCoded() {
            return !code.isEmpty() && !isTotalItem();
        }

        BudgetRow.Kind kind(List<Raw> before, List<Raw> after) {
            if (isTotalItem()) {
                return BudgetRow.Kind.GRAND_TOTAL;
            }
            if (code.isEmpty()) {
                boolean first = before.stream().noneMatch(Raw::isCoded);
                boolean last = after.stream().noneMatch(Raw::isCoded);
                return hasFigures && (first || last) ? BudgetRow.Kind.GRAND_TOTAL : BudgetRow.Kind.DETAIL;
            }
            if (ROMAN.matcher(code).matches()) {
                return BudgetRow.Kind.GROUP;
            }
            if (ARABIC.matcher(code).matches()) {
                return BudgetRow.Kind.ITEM;
            }
            if (DOTTED.matcher(code).matches() || LETTER.matcher(code).matches()) {
                return BudgetRow.Kind.SUB_ITEM;
            }
            return BudgetRow.Kind.DETAIL;
        }
    }
}
