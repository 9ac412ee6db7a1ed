package vn.giamngheo.drafting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giamngheo.plan.Plan;
import vn.giamngheo.plan.rules.PlanChecker;
import vn.giamngheo.plan.rules.PlanColumn;
import vn.giamngheo.status.rules.PovertyStatus;
import vn.giamngheo.table.CheckReport;
import vn.giamngheo.table.Table;

/**
 * One line of the drafted target table as plans print it: a commune's plan (or the unit's own when it has none
 * below it), or the total of the lines. Poor households split into those who can escape with policy support and those
 * under social protection; near-poor households with their own target.
 *
 * <p>Printed columns (A, B, then numbered with their formula): A no., B unit, 1 households, 2 poor, 3 = 2/1,
 * 4 poor reduction, 5 = 4/1, 6 = 2 − 4 poor at the end, 7 = 6/1, 8 poor who can escape, 9 = 8/1, 10 poor under social
 * protection, 11 = 10/1, 12 near-poor, 13 = 12/1, 14 near-poor reduction, 15 = 12 − 14, 16 = 15/1.
 */
record TargetLine(String code, String unit, boolean total, long households, long poor, long reduction, long poorPolicy,
                  long poorSocialProtection, long nearPoor, long nearPoorReduction) {

    /** The label each numbered column prints under its title: its number and formula. */
    static final List<String> NUMBERS = List.of("A", "B", "1", "2", "3 = 2/1", "4", "5 = 4/1", "6 = 2 − 4", "7 = 6/1", "8",
            "9 = 8/1", "10", "11 = 10/1", "12", "13 = 12/1", "14", "15 = 12 − 14", "16 = 15/1");

    /** The figure keys of a line's values, in the order of the numbered columns 1–16. */
    static final List<String> KEYS = keys();

    /** The codes of exchange-format §4 ({@link PlanColumn}) and the near-poor columns after them. */
    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (PlanColumn c : PlanColumn.values()) {
            keys.add(c.header());
        }
        String near = PovertyStatus.NEAR_POOR.code();
        keys.addAll(List.of(near, near + "_rate", near + "_reduction", near + "_end", near + "_end_rate"));
        return List.copyOf(keys);
    }

    static TargetLine of(Plan p) {
        return new TargetLine(p.unitCode(), p.unitName(), false, p.households(), p.poor(), p.poorReduction(),
                p.poorPolicy(), p.poorSocialProtection(), p.nearPoor(), p.nearPoorReduction());
    }

    /** The lines of a plan: its communes' (or units') plans with households, then their total; or the plan alone. */
    static List<TargetLine> of(Plan plan, List<Plan> children) {
        List<TargetLine> lines = new ArrayList<>();
        List<Plan> shown = children.stream().filter(c -> c.households() > 0 || c.poor() > 0).toList();
        if (shown.isEmpty()) {
            lines.add(of(plan));
            return lines;
        }
        TargetLine total = new TargetLine("total", "", true, 0, 0, 0, 0, 0, 0, 0);
        for (Plan c : shown) {
            TargetLine l = of(c);
            lines.add(l);
            total = total.plus(l);
        }
        lines.add(total);
        return lines;
    }

    TargetLine plus(TargetLine o) {
        return new TargetLine(code, unit, true, households + o.households, poor + o.poor, reduction + o.reduction,
                poorPolicy + o.poorPolicy, poorSocialProtection + o.poorSocialProtection, nearPoor + o.nearPoor,
                nearPoorReduction + o.nearPoorReduction);
    }

    /** The values of the columns 1–16: counts as {@code Long}, rates (per cent, two decimals) as {@code BigDecimal}. */
    List<Number> values() {
        long poorEnd = poor - reduction;
        long nearPoorEnd = nearPoor - nearPoorReduction;
        return List.of(households, poor, rate(poor), reduction, rate(reduction), poorEnd, rate(poorEnd), poorPolicy,
                rate(poorPolicy), poorSocialProtection, rate(poorSocialProtection), nearPoor, rate(nearPoor),
                nearPoorReduction, nearPoorEnd, rate(nearPoorEnd));
    }

    /** The values by key ({@link #KEYS}). */
    Map<String, Number> byKey() {
        Map<String, Number> m = new LinkedHashMap<>();
        List<Number> v = values();
        for (int i = 0; i < KEYS.size(); i++) {
            m.put(KEYS.get(i), v.get(i));
        }
        return m;
    }

    /** count / households × 100, half up to two decimals; 0 without households (as {@link Plan} rates). */
    BigDecimal rate(long count) {
        if (households == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(households), 2, RoundingMode.HALF_UP);
    }

    /**
     * The plan checker (the code of {@code check-plan}) on the lines as printed: the columns of exchange-format §4
     * with the values in machine format; the total line is named {@code Tổng số}.
     */
    static CheckReport check(List<TargetLine> lines) {
        List<String> columns = new ArrayList<>();
        columns.add(PlanColumn.UNIT);
        for (PlanColumn c : PlanColumn.values()) {
            columns.add(c.header());
        }
        List<Table.Row> rows = new ArrayList<>();
        int line = 1;
        for (TargetLine l : lines) {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put(PlanColumn.UNIT, l.total ? "Tổng số" : l.unit);
            Map<String, Number> v = l.byKey();
            for (PlanColumn c : PlanColumn.values()) {
                cells.put(c.header(), plain(v.get(c.header())));
            }
            rows.add(new Table.Row(++line, cells));
        }
        return PlanChecker.check(new Table("drafted target table", columns, rows));
    }

    static String plain(Number n) {
        return n instanceof BigDecimal d ? d.toPlainString() : String.valueOf(n);
    }
}
