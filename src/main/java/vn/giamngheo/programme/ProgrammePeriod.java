package vn.giamngheo.programme;

/** A programme period (e.g. 2021–2025) whose catalogue plans budget against. */
public record ProgrammePeriod(String code, int yearFrom, int yearTo, String nameVi, String nameEn, String legalBasis) {
}
