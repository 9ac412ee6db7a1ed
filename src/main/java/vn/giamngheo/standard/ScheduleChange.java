package vn.giamngheo.standard;

/**
 * The standard for the lists of the years {@code yearFrom}–{@code yearTo}, nationally ({@code provinceCode}
 * blank) or in one province; rows it overlaps are shortened or replaced.
 */
public record ScheduleChange(Integer yearFrom, Integer yearTo, String provinceCode, String standardCode,
                             String legalBasis) {
}
