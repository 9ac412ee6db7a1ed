package vn.giamngheo.report;

import java.util.Locale;

/** Which map a report is drawn on: the units of its own year, or today's units through the crosswalk. */
enum Boundaries {
    OWN, TODAY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Boundaries parse(String text) {
        if (text == null || text.isBlank()) {
            return TODAY;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "own" -> OWN;
            case "today" -> TODAY;
            default -> throw new InvalidReportException("boundaries must be own or today, not '" + text + "'");
        };
    }
}
