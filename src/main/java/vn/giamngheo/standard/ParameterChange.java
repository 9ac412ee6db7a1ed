package vn.giamngheo.standard;

/**
 * A new value of one parameter, which creates a new version of the standard.
 *
 * @param legalSource     the act that sets the new value (required)
 * @param confidence      S, S2 or ? (S when absent)
 * @param expectedVersion the version the user saw; when given and no longer the latest, the change is refused
 */
public record ParameterChange(String name, String value, String legalSource, String confidence, String note,
                              Integer expectedVersion) {
}
