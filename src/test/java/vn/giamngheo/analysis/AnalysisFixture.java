package vn.giamngheo.analysis;

import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.RegistryFixture;

/** Households with known facts for the analysis tests (rural commune, Decree 07 indicators). */
final class AnalysisFixture {

    private AnalysisFixture() {
    }

    /** A current rural commune of Cà Mau (96) that no other test uses: the n-th by code. */
    static String ruralCommune(JdbcClient jdbc, int n) {
        return jdbc.sql("""
                        SELECT code FROM admin_unit WHERE level = 'commune' AND province_code = '96'
                          AND valid_to IS NULL AND area_type = 'rural' ORDER BY code OFFSET :n LIMIT 1""")
                .param("n", n).query(String.class).single();
    }

    /** No deprivation under Decree 07 (the registry fixture's household) with this income per person. */
    static HouseholdForm household(String commune, String code, long income) {
        HouseholdForm f = RegistryFixture.household(commune, code);
        f.setIncomePerCapita(income);
        return f;
    }

    /**
     * Deprived on {@code count} (2 to 4) Decree 07 indicators, in this order: housing_quality (makeshift),
     * housing_area (10 m² for the household), telecom_use (no internet, no telephone), information_devices (no
     * device, no loudspeaker).
     */
    static HouseholdForm deprived(String commune, String code, long income, int count) {
        HouseholdForm f = household(commune, code, income);
        f.setHousingQuality("makeshift");
        f.setFloorAreaM2(new BigDecimal("10"));
        if (count >= 3) {
            f.setInternetUse(false);
            f.setTelephoneUse(false);
        }
        if (count >= 4) {
            f.setLoudspeakerReach(false);
        }
        return f;
    }

    /** Unclassifiable under Decree 07: no information device and loudspeaker reach not recorded. */
    static HouseholdForm missingLoudspeaker(String commune, String code, long income) {
        HouseholdForm f = household(commune, code, income);
        f.setLoudspeakerReach(null);
        return f;
    }
}
