package db.migration;

import java.util.Map;

/**
 * Known errors of the statistics office's crosswalk table, by source row (see
 * {@code geography/PROVENANCE.md}). The CSV is kept as published; the loader applies these while reading.
 * A correction applies only when the row still holds the wrong value, so a fixed source is not re-broken.
 */
final class CrosswalkCorrections {

    record Fix(String wrong, String right) {
        String apply(String published) {
            return wrong.equals(published) ? right : published;
        }
    }

    /** Old commune codes that the table gets wrong (the code given belongs to another commune). */
    static final Map<Integer, Fix> OLD_COMMUNE_CODE = Map.of(
            912, new Fix("01615", "01651"),    // 01615 is Xã Hồng Quang; Xã Mỹ Hưng (Quảng Hòa) is 01651
            1260, new Fix("02485", "02482"));  // 02485 is Xã Công Đa; Xã Phú Thịnh (Yên Sơn) is 02482

    /** New Xã Ba Chẽ: 06970 in the table, 06978 in Decision 19/2025/QĐ-TTg and the 2025 unit list. */
    static final Fix NEW_COMMUNE_CODE = new Fix("06970", "06978");

    /** Old province codes listed wrongly. */
    static final Map<Integer, Fix> OLD_PROVINCE_CODE = Map.of(
            8914, new Fix("82", "80"),    // Tân An city (794) belongs to Long An, not Tiền Giang
            10030, new Fix("89", "91"),   // Hà Tiên city (900) belongs to Kiên Giang, not An Giang
            6211, new Fix("44", "45"));   // Cồn Cỏ district (471) belongs to old Quảng Trị (45); 44 is the new code

    private CrosswalkCorrections() {
    }

    static String oldCommuneCode(int sourceRow, String published) {
        Fix fix = OLD_COMMUNE_CODE.get(sourceRow);
        return fix == null ? published : fix.apply(published);
    }

    static String newCommuneCode(String published) {
        return NEW_COMMUNE_CODE.apply(published);
    }

    static String oldProvinceCode(int sourceRow, String published) {
        Fix fix = OLD_PROVINCE_CODE.get(sourceRow);
        return fix == null ? published : fix.apply(published);
    }
}
