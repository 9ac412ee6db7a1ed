package vn.giamngheo.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import vn.giamngheo.credit.CreditLabourSection;
import vn.giamngheo.credit.Loans;
import vn.giamngheo.labour.Workers;
import vn.giamngheo.report.view.ReportTable;
import vn.giamngheo.report.view.ReportTable.Column;
import vn.giamngheo.report.view.ReportTable.Kind;
import vn.giamngheo.report.view.ReportTable.Line;
import vn.giamngheo.report.view.ReportTable.LineType;

/**
 * The credit and labour-export section of the report set as two tables: policy loans by unit, with a section for all
 * programmes then one per lending programme (loans with a balance, households, outstanding and overdue balances in
 * million đồng, the overdue share, loans and amount disbursed in the period); and workers abroad by unit, for all
 * countries then per destination country (abroad on the day, departed and back in the period). Amounts are summed in
 * đồng and rounded to million đồng for the table only.
 */
final class CreditTables {

    static final String ALL = "all";

    private CreditTables() {
    }

    /** A unit's row: name and the unit's id (null: households without a village). */
    private record Unit(Long id, String name) {
    }

    static List<ReportTable> of(CreditLabourSection.Section s, String title, List<String> subtitles,
                                Function<String, String> label, List<String> notes, Locale locale) {
        List<Column> loanColumns = List.of(new Column(null, label.apply("report.col.no"), Kind.CENTERED, 5),
                new Column(null, label.apply("report.col.unit"), Kind.TEXT, 28),
                new Column(label.apply("report.credit.col.outstandingGroup"), label.apply("report.credit.col.loans"), Kind.INTEGER, 10),
                new Column(label.apply("report.credit.col.outstandingGroup"), label.apply("report.credit.col.households"), Kind.INTEGER, 10),
                new Column(label.apply("report.credit.col.outstandingGroup"), label.apply("report.credit.col.balance"), Kind.INTEGER, 12),
                new Column(label.apply("report.credit.col.outstandingGroup"), label.apply("report.credit.col.overdue"), Kind.INTEGER, 12),
                new Column(label.apply("report.credit.col.outstandingGroup"), label.apply("report.credit.col.overdueShare"), Kind.PERCENT, 9),
                new Column(label.apply("report.credit.col.disbursedGroup"), label.apply("report.credit.col.loans"), Kind.INTEGER, 10),
                new Column(label.apply("report.credit.col.disbursedGroup"), label.apply("report.credit.col.amount"), Kind.INTEGER, 12));
        Map<Long, Unit> units = new LinkedHashMap<>();
        s.loans().forEach(r -> units.putIfAbsent(r.unitId(), new Unit(r.unitId(), r.unitName())));
        List<Line> loanLines = new ArrayList<>();
        List<String> programmes = new ArrayList<>(List.of(ALL));
        s.programmes().forEach(p -> programmes.add(p.code()));
        for (String programme : programmes) {
            String name = ALL.equals(programme) ? label.apply("report.credit.programme.all")
                    : s.programmes().stream().filter(p -> p.code().equals(programme)).findFirst()
                    .map(p -> "en".equals(locale.getLanguage()) ? p.nameEn() : p.nameVi()).orElse(programme);
            loanLines.add(Line.section(name));
            Map<Long, long[]> byUnit = new LinkedHashMap<>();
            units.keySet().forEach(u -> byUnit.put(u, new long[6]));
            long[] total = new long[6];
            for (Loans.ProgrammeRow r : s.loans()) {
                if (ALL.equals(programme) || r.programme().equals(programme)) {
                    long[] v = {r.loans(), r.households(), r.outstanding(), r.overdue(), r.disbursed(), r.disbursedAmount()};
                    add(byUnit.get(r.unitId()), v);
                    add(total, v);
                }
            }
            int no = 0;
            for (Map.Entry<Long, long[]> e : byUnit.entrySet()) {
                if (!ALL.equals(programme) && e.getValue()[0] == 0 && e.getValue()[4] == 0) {
                    continue;
                }
                Unit u = units.get(e.getKey());
                String unitName = u.id() == null ? label.apply("report.row.noVillage") : u.name();
                loanLines.add(new Line(LineType.ROW, loans(String.valueOf(++no), unitName, e.getValue()), u.id()));
            }
            loanLines.add(new Line(LineType.TOTAL, loans("", label.apply("report.credit.total"), total), null));
        }
        if (units.isEmpty()) {
            loanLines.clear();
        }

        List<Column> workerColumns = List.of(loanColumns.get(0), loanColumns.get(1),
                new Column(null, label.apply("report.labour.col.abroad"), Kind.INTEGER, 12),
                new Column(label.apply("report.labour.col.periodGroup"), label.apply("report.labour.col.departed"), Kind.INTEGER, 12),
                new Column(label.apply("report.labour.col.periodGroup"), label.apply("report.labour.col.returned"), Kind.INTEGER, 12));
        Map<Long, Unit> workerUnits = new LinkedHashMap<>();
        s.workers().forEach(r -> workerUnits.putIfAbsent(r.unitId(), new Unit(r.unitId(), r.unitName())));
        List<Line> workerLines = new ArrayList<>();
        List<String> countries = new ArrayList<>(List.of(ALL));
        s.countries().forEach(c -> countries.add(c.code()));
        for (String country : countries) {
            String name = ALL.equals(country) ? label.apply("report.labour.country.all")
                    : s.countries().stream().filter(c -> c.code().equals(country)).findFirst()
                    .map(c -> "en".equals(locale.getLanguage()) ? c.nameEn() : c.nameVi()).orElse(country);
            workerLines.add(Line.section(name));
            Map<Long, long[]> byUnit = new LinkedHashMap<>();
            workerUnits.keySet().forEach(u -> byUnit.put(u, new long[3]));
            long[] total = new long[3];
            for (Workers.CountryRow r : s.workers()) {
                if (ALL.equals(country) || r.country().equals(country)) {
                    long[] v = {r.abroad(), r.departed(), r.returned()};
                    add(byUnit.get(r.unitId()), v);
                    add(total, v);
                }
            }
            int no = 0;
            for (Map.Entry<Long, long[]> e : byUnit.entrySet()) {
                long[] v = e.getValue();
                if (!ALL.equals(country) && v[0] + v[1] + v[2] == 0) {
                    continue;
                }
                Unit u = workerUnits.get(e.getKey());
                String unitName = u.id() == null ? label.apply("report.row.noVillage") : u.name();
                workerLines.add(new Line(LineType.ROW, Arrays.asList(String.valueOf(++no), unitName, v[0], v[1], v[2]), u.id()));
            }
            workerLines.add(new Line(LineType.TOTAL, Arrays.asList("", label.apply("report.labour.total"), total[0], total[1],
                    total[2]), null));
        }
        if (workerUnits.isEmpty()) {
            workerLines.clear();
        }
        return List.of(new ReportTable(title + " — " + label.apply("report.credit.table.loans"), subtitles, loanColumns,
                        loanLines, notes),
                new ReportTable(title + " — " + label.apply("report.credit.table.workers"), subtitles, workerColumns,
                        workerLines, notes));
    }

    private static void add(long[] into, long[] v) {
        for (int i = 0; i < v.length; i++) {
            into[i] += v[i];
        }
    }

    /** A loans line: counts, and amounts rounded to million đồng (half up); the share from the đồng amounts. */
    private static List<Object> loans(String no, String name, long[] v) {
        return Arrays.asList(no, name, v[0], v[1], million(v[2]), million(v[3]), v[2] == 0 ? null : (double) v[3] / v[2],
                v[4], million(v[5]));
    }

    /** Đồng to million đồng, half up. */
    static long million(long dong) {
        return (dong + 500_000) / 1_000_000;
    }
}
