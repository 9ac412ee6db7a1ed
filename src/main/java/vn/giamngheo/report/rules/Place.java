package vn.giamngheo.report.rules;

/**
 * Where a group of households lies on the units of the report's date: a commune (and a village of it, when
 * recorded) or, when the data cannot say which commune, only a province ({@code communeId} null) or
 * nothing at all (both null).
 *
 * @param how how the place was found ({@link Method})
 */
public record Place(Long communeId, Long villageId, Long provinceId, Method how) {

    /** How a recorded commune was carried to the report's units. */
    public enum Method {
        /** the recorded commune exists on the report's date */
        SAME,
        /** the recorded commune became exactly one commune (merged whole, or its only part) */
        SUCCESSOR,
        /** the recorded commune was split: the recorded village lies in one of its successors */
        VILLAGE,
        /** the recorded commune was split: the register's current commune is one of its successors */
        REGISTER,
        /** one commune of the report's date came from exactly one old commune */
        PREDECESSOR,
        /** the data cannot say which commune: counted in the province (or the country) only */
        UNPLACED
    }

    public boolean placed() {
        return communeId != null;
    }
}
