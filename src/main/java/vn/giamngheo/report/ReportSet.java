package vn.giamngheo.report;

import java.util.List;
import vn.giamngheo.report.rules.CodeTally;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.Coverage;
import vn.giamngheo.report.rules.RateBands;
import vn.giamngheo.report.rules.Results;

/**
 * The figures of one report request; the parts not asked for are null. {@code coverage}: which communes counted have
 * a recognised list of the year; {@code people}, {@code credit}: the people and the credit and labour-export sections;
 * {@code standard}: the poverty standard scheduled for the list year (null if none);
 * {@code listStandards}: the standard scheduled for each earlier list year some communes are counted on.
 */
record ReportSet(ReportContext context, ReportKind kind, Results results, List<RateBands.Band> bands,
                 CodeTally indicators, CodeTally dimensions, CodeTally causes, List<TrendYear> trend,
                 Coverage coverage, String standard, java.util.Map<Integer, String> listStandards,
                 List<ClassCounts> classes, vn.giamngheo.people.PeopleFigures.Section people,
                 vn.giamngheo.credit.CreditLabourSection.Section credit) {

    /** The figures of a report without the breakdown by class, the people and the credit sections (all null). */
    ReportSet(ReportContext context, ReportKind kind, Results results, List<RateBands.Band> bands, CodeTally indicators,
              CodeTally dimensions, CodeTally causes, List<TrendYear> trend, Coverage coverage, String standard,
              java.util.Map<Integer, String> listStandards) {
        this(context, kind, results, bands, indicators, dimensions, causes, trend, coverage, standard, listStandards, null, null,
                null);
    }

    /** The totals of the report's unit (and group) in the communes and villages holding an area class. */
    record ClassCounts(vn.giamngheo.areaclass.AreaClass areaClass, Counts counts) {
    }

    /**
     * One list year of the trend: null counts when the unit did not exist on that year's map; {@code coverage}: which
     * communes had a recognised list of that year (null with the counts).
     */
    record TrendYear(int year, Counts counts, Coverage coverage) {

        /** Whether the year's poor and near-poor figures are known (some commune of the unit had a list in force). */
        boolean hasData() {
            return counts != null && coverage != null && coverage.hasData();
        }
    }
}
