package vn.giamngheo.report;

import java.util.Locale;

/** The reports of the set. Movements are computed by {@code vn.giamngheo.movement} (not part of this package). */
enum ReportKind {
    RESULTS, DEPRIVATIONS, CAUSES, BANDS, TRENDS, PEOPLE, CREDIT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ReportKind parse(String text) {
        if (text == null || text.isBlank()) {
            return RESULTS;
        }
        for (ReportKind k : values()) {
            if (k.code().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new InvalidReportException("report must be one of results, deprivations, causes, bands, trends, people, credit, not '"
                + text + "'");
    }
}
