package vn.giamngheo.programme;

/**
 * One lead or coordinating agency of a programme item: a named agency ({@code agencyId}) and/or a function
 * ({@code functionCode}) that resolves, for a province on a day, to the province's agency carrying it.
 * {@code role} is {@code lead} or {@code partner}.
 */
public record ItemAgency(Long agencyId, String functionCode, String role) {

    public static final String LEAD = "lead";
    public static final String PARTNER = "partner";
}
