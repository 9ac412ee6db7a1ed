package vn.giamngheo.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** Builds a {@link HouseholdRecord} from a row of households.csv, reporting every invalid cell. */
final class HouseholdRows {

    private HouseholdRows() {
    }

    /** The record, or {@code null} when the row has errors (they are in the reader's problem list). */
    static HouseholdRecord parse(RowReader r) {
        String code = r.requiredText("household_code");
        String commune = r.requiredText("commune_code");
        if (commune != null && !Digits.exactly(commune, 5)) {
            r.error("commune_code", commune, ExchangeProblem.INVALID_COMMUNE_CODE,
                    "the commune code must have 5 digits (zero-padded text)");
        }
        String village = r.text("village");
        Area area = r.optionalEnum("area", Area.class);
        String address = r.text("address");
        LocalDate referenceDate = r.optionalDate("reference_date");
        Long income = r.optionalWholeNumber("income_per_capita", 0);
        BigDecimal b1 = r.optionalDecimal("b1_score");
        if (r.raw("income_per_capita").isEmpty() && r.raw("b1_score").isEmpty()) {
            r.error("income_per_capita", "", ExchangeProblem.NO_INCOME_BASIS,
                    "either income_per_capita or b1_score is required");
        }
        HousingQuality housing = r.requiredEnum("housing_quality", HousingQuality.class);
        BigDecimal floor = r.requiredDecimal("floor_area_m2");
        WaterSource water = r.requiredEnum("water_source", WaterSource.class);
        Toilet toilet = r.requiredEnum("toilet", Toilet.class);
        Boolean internet = r.requiredBoolean("internet_use");
        Boolean telephone = r.optionalBoolean("telephone_use");
        Set<InfoDevice> devices = r.enumSet("info_devices", InfoDevice.class);
        Boolean loudspeaker = r.optionalBoolean("loudspeaker_reach");
        Boolean waste = r.optionalBoolean("waste_treatment");
        Set<PovertyCause> causes = r.enumSet("causes", PovertyCause.class);
        Boolean minority = r.optionalBoolean("ethnic_minority");
        Boolean merit = r.optionalBoolean("merit_household");
        Boolean protection = r.optionalBoolean("social_protection");
        if (r.hasErrors() || code == null || commune == null || (income == null && b1 == null) || housing == null
                || floor == null || water == null || toilet == null || internet == null) {
            return null;
        }
        return new HouseholdRecord(code, commune, village, area, address, referenceDate, income, b1, housing, floor,
                water, toilet, internet, telephone, devices, loudspeaker, waste, causes, minority, merit, protection);
    }
}
