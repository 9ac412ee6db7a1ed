package vn.giamngheo.movement;

import vn.giamngheo.security.AccessScope;

/**
 * The unit whose movements are counted: a commune, a district, a province or (unit id {@code null}) the country.
 *
 * @param path materialised path of the unit; {@code null} for the country
 */
public record MovementArea(Long unitId, String code, String name, String level, String provinceCode, String path) {

    static MovementArea country() {
        return new MovementArea(null, "VN", "Việt Nam", "country", null, null);
    }

    public boolean isCountry() {
        return unitId == null;
    }

    /** LIKE pattern of the paths of the units inside. */
    String pathPattern() {
        return isCountry() ? "%" : new AccessScope(unitId, path, provinceCode).pathPattern();
    }
}
