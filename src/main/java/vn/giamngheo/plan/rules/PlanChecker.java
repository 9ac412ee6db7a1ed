package vn.giamngheo.plan.rules;

import static vn.giamngheo.plan.rules.PlanColumn.HOUSEHOLDS;
import static vn.giamngheo.plan.rules.PlanColumn.POOR;
import static vn.giamngheo.plan.rules.PlanColumn.POOR_END;
import static vn.giamngheo.plan.rules.PlanColumn.POOR_END_RATE;
import static vn.giamngheo.plan.rules.PlanColumn.POOR_POLICY;
import static vn.giamngheo.plan.rules.PlanColumn.POOR_RATE;
import static vn.giamngheo.plan.rules.PlanColumn.POOR_SOCIAL_PROTECTION;
import static vn.giamngheo.plan.rules.PlanColumn.REDUCTION;
import static vn.giamngheo.plan.rules.PlanColumn.REDUCTION_RATE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.giamngheo.table.CheckReport;
import vn.giamngheo.table.Finding;
import vn.giamngheo.table.Messages;
import vn.giamngheo.table.PrintedNumber;
import vn.giamngheo.table.Severity;
import vn.giamngheo.table.Table;

/**
 * Checks a plan target table (exchange-format §4) against its own arithmetic.
 *
 * <p>Precision: a recomputed rate is rounded <b>half-up</b> (as Excel's ROUND and cell display do for
 * non-negative numbers) to the number of decimals printed in that very cell, and must then be equal to
 * the printed value; no other rounding (truncation, half-even) is accepted. The rounding is done once,
 * on the exact quotient, never on an already rounded value.
 *
 * <p>{@code reduction_rate} is accepted under either convention: reduction / households × 100, or the
 * difference of the two printed (rounded) rates {@code poor_rate − poor_end_rate}. A row that only fits
 * the second gets a note naming it; a row fitting neither is an error whose expected value is the first.
 *
 * <p>The total row (any position; unit {@code Tổng số}, {@code Tổng cộng}, {@code Toàn huyện},
 * {@code Toàn tỉnh}, {@code TOTAL}, case- and space-insensitive) must hold the sum of the unit rows in
 * every count column, and its rates are checked against its own counts. A sum relation
 * ({@code poor = poor_policy + poor_social_protection}, {@code poor_end = poor − reduction}) failing on the
 * total row while all its columns equal the unit sums is only a consequence of unit rows that fail it:
 * it is a note with a rule ending in {@code _consequence}, so one slip gives one error.
 */
public final class PlanChecker {

    private static final Set<String> TOTAL_UNITS = Set.of("tổngsố", "tổngcộng", "toànhuyện", "toàntỉnh", "total");

    private PlanChecker() {
    }

    /** Required columns (exchange-format §4) absent from the table; a table missing any cannot be checked. */
    public static List<String> missingColumns(Table table) {
        return PlanColumn.requiredHeaders().stream().filter(h -> !table.hasColumn(h)).toList();
    }

    public static boolean isTotalUnit(String unit) {
        return TOTAL_UNITS.contains(Table.nfc(unit).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", ""));
    }

    public static CheckReport check(Table table) {
        if (!missingColumns(table).isEmpty()) {
            throw new IllegalArgumentException("missing columns " + missingColumns(table));
        }
        List<Finding> findings = new ArrayList<>();
        List<PlanRow> rows = readRows(table, findings);
        List<PlanRow> units = rows.stream().filter(r -> !r.total()).toList();
        Map<PlanColumn, BigDecimal> unitSums = sums(units);
        List<PlanRow> totals = rows.stream().filter(PlanRow::total).toList();
        for (PlanRow row : rows) {
            new RowCheck(row, findings, row.total() ? unitSums : Map.of()).run();
        }
        for (int i = 0; i < totals.size(); i++) {
            PlanRow total = totals.get(i);
            if (i > 0) {
                findings.add(total.finding(PlanColumn.UNIT, Severity.WARNING, "multiple_total_rows", total.unit(), "",
                        "plan.multiple_total_rows", List.of(String.valueOf(totals.get(0).line()))));
            }
            checkTotal(total, unitSums, units.size(), findings);
        }
        return new CheckReport(findings, rows.size());
    }

    private static List<PlanRow> readRows(Table table, List<Finding> findings) {
        List<PlanColumn> present = Arrays.stream(PlanColumn.values()).filter(c -> table.hasColumn(c.header())).toList();
        List<PlanRow> rows = new ArrayList<>();
        for (Table.Row r : table.rows()) {
            String unit = r.cell(PlanColumn.UNIT);
            EnumMap<PlanColumn, PrintedNumber> values = new EnumMap<>(PlanColumn.class);
            Set<PlanColumn> unreadable = EnumSet.noneOf(PlanColumn.class);
            List<Finding> cellFindings = new ArrayList<>();
            for (PlanColumn c : present) {
                String text = r.cell(c.header());
                try {
                    PrintedNumber n = c.isRate() ? PrintedNumber.rate(text) : PrintedNumber.count(text);
                    if (n != null) {
                        values.put(c, n);
                    }
                } catch (NumberFormatException e) {
                    unreadable.add(c);
                    cellFindings.add(new Finding(r.line(), unit, c.header(), Severity.ERROR, "not_a_number", text, "",
                            "not_a_number", List.of(Messages.column(c.header()), text)));
                }
            }
            if (values.isEmpty() && unreadable.isEmpty()) {
                continue; // a heading or note line without figures
            }
            findings.addAll(cellFindings);
            PlanRow row = new PlanRow(r.line(), unit, isTotalUnit(unit), values, unreadable);
            for (PlanColumn c : present) {
                if (c.isRequired() && !values.containsKey(c) && !unreadable.contains(c)) {
                    findings.add(row.finding(c.header(), Severity.WARNING, "missing_value", "", "", "missing_value",
                            List.of(Messages.column(c.header()))));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** Per count column, the sum over the unit rows; absent when some unit row has no readable value. */
    private static Map<PlanColumn, BigDecimal> sums(List<PlanRow> units) {
        Map<PlanColumn, BigDecimal> sums = new EnumMap<>(PlanColumn.class);
        for (PlanColumn c : PlanColumn.values()) {
            if (!c.isRate() && !units.isEmpty() && units.stream().allMatch(u -> u.values().containsKey(c))) {
                sums.put(c, units.stream().map(u -> u.values().get(c).value()).reduce(BigDecimal.ZERO, BigDecimal::add));
            }
        }
        return sums;
    }

    private static void checkTotal(PlanRow total, Map<PlanColumn, BigDecimal> unitSums, int unitCount,
            List<Finding> findings) {
        unitSums.forEach((column, sum) -> {
            PrintedNumber printed = total.values().get(column);
            if (printed != null && printed.value().compareTo(sum) != 0) {
                findings.add(total.finding(column.header(), Severity.ERROR, "total_equals_sum_of_units",
                        printed.text(), PrintedNumber.showAmount(sum), "plan.total_equals_sum_of_units",
                        List.of(Messages.column(column.header()), printed.text(), String.valueOf(unitCount),
                                PrintedNumber.showAmount(sum))));
            }
        });
    }

    /** {@code count / households × 100}, rounded half-up once to {@code decimals}. */
    static BigDecimal rate(BigDecimal count, BigDecimal households, int decimals) {
        return count.multiply(BigDecimal.valueOf(100)).divide(households, decimals, RoundingMode.HALF_UP);
    }

    /** The relations of one row. */
    private record RowCheck(PlanRow row, List<Finding> findings, Map<PlanColumn, BigDecimal> unitSums) {

        void run() {
            checkRates();
            checkReductionRate();
            checkSum(POOR_END, POOR, REDUCTION, -1, "poor_end_equals_poor_minus_reduction");
            checkSum(POOR, POOR_POLICY, POOR_SOCIAL_PROTECTION, 1, "poor_equals_groups");
        }

        private PrintedNumber get(PlanColumn c) {
            return row.values().get(c);
        }

        private void checkRates() {
            PrintedNumber households = get(HOUSEHOLDS);
            if (households == null) {
                return;
            }
            boolean rateWithoutBase = false;
            for (PlanColumn rateColumn : PlanColumn.values()) {
                PrintedNumber rate = get(rateColumn);
                PrintedNumber count = rateColumn.isRate() ? get(rateColumn.count()) : null;
                if (rateColumn == REDUCTION_RATE || rate == null || count == null) {
                    continue;
                }
                if (households.value().signum() == 0) {
                    rateWithoutBase = true;
                    continue;
                }
                BigDecimal expected = rate(count.value(), households.value(), rate.decimals());
                if (rate.value().compareTo(expected) != 0) {
                    findings.add(row.finding(rateColumn.header(), Severity.ERROR, "rate_matches_count", rate.text(),
                            rate.show(expected), "plan.rate_matches_count",
                            List.of(Messages.column(rateColumn.header()), rate.text(), count.text(), households.text(),
                                    rate.show(expected))));
                }
            }
            if (rateWithoutBase) {
                findings.add(row.finding(HOUSEHOLDS.header(), Severity.WARNING, "households_zero", households.text(), "",
                        "plan.households_zero", List.of()));
            }
        }

        private void checkReductionRate() {
            PrintedNumber printed = get(REDUCTION_RATE);
            PrintedNumber reduction = get(REDUCTION);
            PrintedNumber households = get(HOUSEHOLDS);
            if (printed == null || reduction == null || households == null || households.value().signum() == 0) {
                return;
            }
            BigDecimal fromCounts = rate(reduction.value(), households.value(), printed.decimals());
            if (printed.value().compareTo(fromCounts) == 0) {
                return;
            }
            PrintedNumber poorRate = get(POOR_RATE);
            PrintedNumber poorEndRate = get(POOR_END_RATE);
            BigDecimal difference = poorRate == null || poorEndRate == null ? null
                    : printed.roundLikePrinted(poorRate.value().subtract(poorEndRate.value()));
            if (difference != null && printed.value().compareTo(difference) == 0) {
                findings.add(row.finding(REDUCTION_RATE.header(), Severity.NOTE, "reduction_rate_difference_of_rates",
                        printed.text(), printed.show(fromCounts), "plan.reduction_rate_difference_of_rates",
                        List.of(printed.text(), poorRate.text(), poorEndRate.text(), printed.show(fromCounts))));
                return;
            }
            findings.add(row.finding(REDUCTION_RATE.header(), Severity.ERROR, "reduction_rate_matches_count",
                    printed.text(), printed.show(fromCounts), "plan.reduction_rate_matches_count",
                    List.of(printed.text(), reduction.text(), households.text(), printed.show(fromCounts),
                            difference == null ? "—" : printed.show(difference))));
        }

        /** {@code whole = a + sign × b}; on the total row a failure explained by the unit sums is a note. */
        private void checkSum(PlanColumn whole, PlanColumn a, PlanColumn b, int sign, String rule) {
            PrintedNumber w = get(whole);
            PrintedNumber x = get(a);
            PrintedNumber y = get(b);
            if (w == null || x == null || y == null) {
                return;
            }
            BigDecimal expected = x.value().add(y.value().multiply(BigDecimal.valueOf(sign)));
            if (w.value().compareTo(expected) == 0) {
                return;
            }
            boolean consequence = row.total() && List.of(whole, a, b).stream()
                    .allMatch(c -> unitSums.containsKey(c) && unitSums.get(c).compareTo(get(c).value()) == 0);
            String shownRule = consequence ? rule + "_consequence" : rule;
            findings.add(row.finding(whole.header(), consequence ? Severity.NOTE : Severity.ERROR, shownRule, w.text(),
                    PrintedNumber.showAmount(expected), "plan." + shownRule,
                    List.of(w.text(), x.text(), y.text(), PrintedNumber.showAmount(expected))));
        }
    }

    /** One row with figures: a commune (unit) or the total. */
    record PlanRow(int line, String unit, boolean total, Map<PlanColumn, PrintedNumber> values,
            Set<PlanColumn> unreadable) {

        Finding finding(String column, Severity severity, String rule, String printed, String expected, String key,
                List<String> args) {
            return new Finding(line, unit, column, severity, rule, printed, expected, key, args);
        }
    }
}
