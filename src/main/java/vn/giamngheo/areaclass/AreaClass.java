package vn.giamngheo.areaclass;

import java.util.Locale;

/**
 * A class of areas the programme targets (xã nghèo, xã/thôn đặc biệt khó khăn, khu vực I/II/III, bãi ngang ven biển
 * và hải đảo, an toàn khu), one row of the catalogue {@code area_class}.
 *
 * @param code        stable code used by reports, goals and imports ({@code poor_commune}, {@code region_3}, …)
 * @param appliesTo   {@code commune}, {@code village} or {@code both}
 * @param legalSource the decision(s) that define the class, null when none is recorded
 * @param sortOrder   position in lists
 */
public record AreaClass(String code, String appliesTo, String nameVi, String nameEn, String legalSource,
                        int sortOrder) {

    public static final String COMMUNE = "commune";
    public static final String VILLAGE = "village";
    public static final String BOTH = "both";

    /** The name in the reader's language: Vietnamese unless the locale is another language. */
    public String name(Locale locale) {
        return locale == null || "vi".equals(locale.getLanguage()) ? nameVi : nameEn;
    }

    /** Whether a unit of this level (commune or village) may hold the class. */
    public boolean appliesToLevel(String level) {
        return BOTH.equals(appliesTo) || appliesTo.equals(level);
    }
}
