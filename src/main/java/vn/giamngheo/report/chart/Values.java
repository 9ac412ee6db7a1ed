package vn.giamngheo.report.chart;

import vn.giamngheo.format.Formats;

/** What a chart's values are and how a reader sees them: shares (fractions, shown as rates) or counts. */
public enum Values {
    /** Fractions (0.125), written as a rate with two decimals ("12,50%"); axis ticks with at most two. */
    SHARE,
    /** Whole numbers, written with thousands separators. */
    COUNT;

    /** A value as printed beside its bar or point. */
    String value(Formats f, double v) {
        return this == SHARE ? f.rate(v * 100, 2) : f.count(v);
    }

    /** An axis tick. */
    String tick(Formats f, double v) {
        return this == SHARE ? f.upTo(v * 100, 2) + "%" : f.upTo(v, 2);
    }

    /** The smallest axis step worth showing (a count axis does not tick in fractions). */
    double minimumStep() {
        return this == SHARE ? 0.0001 : 1;
    }
}
