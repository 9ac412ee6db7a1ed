package vn.giamngheo.movement;

import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaFilter;

/**
 * The unit whose movements are counted: a commune, a district, a province or (unit id {@code null}) the country.
 *
 * @param path materialised path of the unit; {@code null} for the country
 */
public record MovementArea(Long unitId, String code, String name, String level, String provinceCode, String path) {

    static MovementArea of(AdminUnit unit) {
        return new MovementArea(unit.id(), unit.code(), unit.fullName(), unit.level(), unit.provinceCode(), unit.path());
    }

    static MovementArea country() {
        return new MovementArea(null, "VN", "Việt Nam", "country", null, null);
    }

    public boolean isCountry() {
        return unitId == null;
    }

    /** The area condition of the units inside. */
    AreaFilter filter() {
        return AreaFilter.under(path, provinceCode);
    }
}
