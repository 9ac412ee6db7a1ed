package vn.giamngheo.report;

import java.util.List;
import vn.giamngheo.report.rules.CodeTally;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.RateBands;
import vn.giamngheo.report.rules.Results;

/** The figures of one report request; the parts not asked for are null. */
record ReportSet(ReportContext context, ReportKind kind, Results results, List<RateBands.Band> bands,
                 CodeTally indicators, CodeTally dimensions, CodeTally causes, List<TrendYear> trend) {

    /** One list year of the trend: null counts when the unit did not exist on that year's map. */
    record TrendYear(int year, Counts counts) {
    }
}
