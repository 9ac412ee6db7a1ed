package vn.giamngheo.analysis;

import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaFilter;

/**
 * The unit an analysis covers: a commune, a province or (unit id {@code null}) the whole country.
 *
 * @param path materialised path of the unit; {@code null} for the country
 */
record AnalysisArea(Long unitId, String code, String name, String level, String provinceCode, String path) {

    static final String COUNTRY = "country";

    static AnalysisArea of(AdminUnit unit) {
        return new AnalysisArea(unit.id(), unit.code(), unit.fullName(), unit.level(), unit.provinceCode(), unit.path());
    }

    static AnalysisArea country() {
        return new AnalysisArea(null, "VN", "Việt Nam", COUNTRY, null, null);
    }

    public boolean isCountry() {
        return unitId == null;
    }

    /** The area condition of the unit's subtree. */
    AreaFilter filter() {
        return AreaFilter.under(path, provinceCode);
    }

    /** How audit entries and file names name the unit. */
    String label() {
        return isCountry() ? "country" : level + " " + code;
    }
}
