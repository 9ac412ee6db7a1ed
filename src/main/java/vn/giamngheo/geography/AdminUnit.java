package vn.giamngheo.geography;

import java.time.LocalDate;

/**
 * An administrative unit as it was on some date (names and types can change while the unit keeps its identity).
 *
 * @param level        province, district, commune or village
 * @param unitType     the Vietnamese type: Tỉnh, Thành phố trực thuộc trung ương, Huyện, Phường, Xã, thôn…
 * @param areaType     urban, rural or special for a commune; for a village its commune's; null for provinces
 *                     and districts
 * @param provinceCode the code of the unit's province in the unit's own era
 * @param validFrom    first day of validity, null when before the records start
 * @param validTo      last day of validity, null when still valid
 */
public record AdminUnit(long id, String code, String level, String name, String fullName, String nameEn,
                        String unitType, String areaType, Long parentId, String provinceCode, String regionName,
                        LocalDate validFrom, LocalDate validTo, String path) {

    public static final String PROVINCE = "province";
    public static final String DISTRICT = "district";
    public static final String COMMUNE = "commune";
    public static final String VILLAGE = "village";

    public boolean existsOn(LocalDate date) {
        return (validFrom == null || !validFrom.isAfter(date)) && (validTo == null || !validTo.isBefore(date));
    }

    public boolean isCurrent() {
        return validTo == null;
    }

    /**
     * The message key of the unit's type, in the reader's language: {@code geography.type.} and the Vietnamese type
     * without diacritics ("Thành phố trực thuộc trung ương" → {@code geography.type.thanh-pho-truc-thuoc-trung-uong}).
     */
    public String unitTypeKey() {
        return typeKey(unitType);
    }

    /** The message key of a Vietnamese unit type (see {@link #unitTypeKey()}). */
    public static String typeKey(String unitType) {
        return vn.giamngheo.format.TextKeys.of("geography.type.", unitType);
    }
}
