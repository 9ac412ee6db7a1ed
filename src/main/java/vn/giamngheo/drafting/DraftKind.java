package vn.giamngheo.drafting;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The documents drafted for a plan: the plan itself (sections I–V) and its 6-month and annual reports of results.
 * Each has its narrative sections (written in the page) and the day its figures are read on.
 */
public enum DraftKind {
    PLAN("plan", "document", List.of("situation", "goals", "tasks", "budget", "organisation")),
    HALF_YEAR("half_year", "reports/half-year", List.of("results", "difficulties", "causes", "next_steps")),
    ANNUAL("annual", "reports/annual", List.of("results", "difficulties", "causes", "next_steps"));

    private final String code;
    private final String path;
    private final List<String> sections;

    DraftKind(String code, String path, List<String> sections) {
        this.code = code;
        this.path = path;
        this.sections = sections;
    }

    /** The code stored ({@code plan}, {@code half_year}, {@code annual}). */
    public String code() {
        return code;
    }

    /** The page under the plan: {@code /plans/{id}/} + this. */
    public String path() {
        return path;
    }

    /** The narrative sections, in the order the document prints them. */
    public List<String> sections() {
        return sections;
    }

    public boolean report() {
        return this != PLAN;
    }

    /**
     * The day the figures of the period are read on for a plan of {@code year}: the plan's baseline (1 January);
     * for the 6-month report the lists in force on 1 July; for the annual report those of 1 January of the next
     * year (the periodic review at the end of the year decides them). Never after {@code today}.
     */
    LocalDate asOf(int year, LocalDate today) {
        LocalDate end = switch (this) {
            case PLAN -> LocalDate.of(year, 1, 1);
            case HALF_YEAR -> LocalDate.of(year, 7, 1);
            case ANNUAL -> LocalDate.of(year + 1, 1, 1);
        };
        return end.isAfter(today) ? today : end;
    }

    static Optional<DraftKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    /** The kind of a report page's path segment: {@code half-year} or {@code annual}. */
    static Optional<DraftKind> ofReportPath(String segment) {
        return Arrays.stream(values()).filter(k -> k.report() && k.path.equals("reports/" + segment)).findFirst();
    }
}
