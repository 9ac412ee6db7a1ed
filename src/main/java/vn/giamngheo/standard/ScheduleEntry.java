package vn.giamngheo.standard;

/**
 * The standard that applies to the lists of the years {@code yearFrom}–{@code yearTo} (inclusive), nationally
 * ({@code provinceCode} null) or in one province, where it overrides the national schedule.
 */
public record ScheduleEntry(long id, int yearFrom, int yearTo, String provinceCode, String standardCode,
                            String legalBasis, String createdBy) {

    public boolean covers(int year) {
        return yearFrom <= year && year <= yearTo;
    }

    public boolean national() {
        return provinceCode == null;
    }
}
