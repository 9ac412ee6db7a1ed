package vn.giamngheo.security;

/**
 * The part of the country a user may see and change: the subtree of their unit. Household-level
 * queries filter on {@link #provinceCode()} (the partition key) and on the unit path prefix.
 *
 * @param unitId       the user's unit, or null for the whole country
 * @param unitPath     materialised path of the unit ({@code /12/345/}), or null for the whole country
 * @param provinceCode province of the unit, or null for the whole country
 */
public record AccessScope(Long unitId, String unitPath, String provinceCode) {

    public static final AccessScope NATIONAL = new AccessScope(null, null, null);

    public boolean national() {
        return unitId == null;
    }

    public boolean contains(String path) {
        return national() || (path != null && path.startsWith(unitPath));
    }
}
