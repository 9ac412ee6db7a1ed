package vn.giamngheo.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/** A commune with two villages, its staff, and households whose status under every standard is known. */
final class ReviewFixture {

    final RegistryFixture registry;
    final String communeCode;
    final long communeId;
    final long village1;
    final long village2;
    final CurrentUser officer;
    final CurrentUser chair;
    final CurrentUser province;
    private final HouseholdRegistry households;

    ReviewFixture(JdbcClient jdbc, UserAccounts users, GeographyCatalog geography, HouseholdRegistry households, int n) {
        this.registry = new RegistryFixture(jdbc, users);
        this.households = households;
        this.communeCode = registry.communeCode("08", n);
        this.communeId = registry.unitId("commune", communeCode);
        this.village1 = geography.createVillage(communeId, "Nà Hẩu " + n, "thôn").id();
        this.village2 = geography.createVillage(communeId, "Khuổi Lếch " + n, "thôn").id();
        this.chair = registry.user(Role.COMMUNE_CHAIR, "commune", communeCode);
        this.province = registry.user(Role.PROVINCE_OFFICER, "province", "08");
        this.officer = registry.loginAs(Role.COMMUNE_OFFICER, "commune", communeCode);
    }

    /** Income far below every line and at least four deprivations: poor under every standard. */
    Household poor(String code, long village) {
        HouseholdForm f = RegistryFixture.household(communeCode, code);
        f.setVillageId(village);
        f.setIncomePerCapita(600_000L);
        f.setHousingQuality("makeshift");
        f.setWaterSource("surface_water");
        f.setToilet("none");
        f.setInternetUse(false);
        f.getMembers().forEach(m -> m.setHealthInsurance(false));
        return households.create(f, officer);
    }

    /** Income below the lines with no deprivation: near-poor. */
    Household nearPoor(String code, long village) {
        HouseholdForm f = RegistryFixture.household(communeCode, code);
        f.setVillageId(village);
        f.setIncomePerCapita(1_000_000L);
        return households.create(f, officer);
    }

    /** Income far above every line: neither poor nor near-poor. */
    Household comfortable(String code, long village) {
        HouseholdForm f = RegistryFixture.household(communeCode, code);
        f.setVillageId(village);
        f.setIncomePerCapita(9_000_000L);
        return households.create(f, officer);
    }

    /** Makes a household comfortable in the registry (income far above the lines, no deprivation). */
    Household prosper(Household h) {
        HouseholdForm f = HouseholdForm.of(h);
        f.setIncomePerCapita(9_000_000L);
        f.setHousingQuality("durable");
        f.setWaterSource("piped");
        f.setToilet("septic");
        f.setInternetUse(true);
        f.getMembers().forEach(m -> m.setHealthInsurance(true));
        return households.update(h.id(), f, officer);
    }
}
