package vn.giamngheo.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.MemberForm;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Builds what support tests need: households in the register (through the registry), villages, and decided lists
 * written the way the review will write them (review_round → review_decision → household_status).
 */
final class SupportFixture {

    private static final AtomicInteger DECISIONS = new AtomicInteger();

    final JdbcClient jdbc;
    final RegistryFixture registryFixture;
    private final HouseholdRegistry registry;
    private final GeographyCatalog geography;

    SupportFixture(JdbcClient jdbc, UserAccounts users, HouseholdRegistry registry, GeographyCatalog geography) {
        this.jdbc = jdbc;
        this.registryFixture = new RegistryFixture(jdbc, users);
        this.registry = registry;
        this.geography = geography;
    }

    String commune(int n) {
        return registryFixture.communeCode("08", n);
    }

    long communeId(String code) {
        return registryFixture.unitId("commune", code);
    }

    CurrentUser officer(String communeCode) {
        return registryFixture.user(Role.COMMUNE_OFFICER, "commune", communeCode);
    }

    CurrentUser provinceOfficer(String provinceCode) {
        return registryFixture.user(Role.PROVINCE_OFFICER, "province", provinceCode);
    }

    long village(String communeCode, String name) {
        return geography.createVillage(communeId(communeCode), name, "thôn").id();
    }

    /** A household with a head (1980) and a spouse (born 1983, year only) plus the given children (name, birth). */
    Household household(String communeCode, String code, Long villageId, CurrentUser officer, String... children) {
        HouseholdForm form = RegistryFixture.household(communeCode, code);
        form.setVillageId(villageId);
        for (int i = 0; i < children.length; i += 2) {
            MemberForm child = RegistryFixture.member(3 + i / 2, children[i], "child", children[i + 1]);
            form.getMembers().add(child);
        }
        return registry.create(form, officer);
    }

    /**
     * Decides lists of the commune effective from the date: one round, one decision, one household_status row per
     * household. Returns the decision id.
     */
    long decide(String communeCode, LocalDate effectiveFrom, Map<Household, String> statuses) {
        long communeId = communeId(communeCode);
        String province = statuses.keySet().iterator().next().provinceCode();
        int n = DECISIONS.incrementAndGet();
        long round = jdbc.sql("""
                        INSERT INTO review_round (province_code, commune_id, kind, review_year, review_month, list_year,
                            standard_code, standard_version, reference_date, opens_on, decision_due, state, created_by)
                        VALUES (:p, :c, 'monthly', :y, :m, :y, 'ND07_2021', 1, :d, :d, :d, 'decided', 'test')
                        RETURNING id""")
                .param("p", province).param("c", communeId).param("y", 2000 + n % 100).param("m", 1 + n % 12)
                .param("d", effectiveFrom).query(Long.class).single();
        long decision = jdbc.sql("""
                        INSERT INTO review_decision (round_id, province_code, commune_id, number, decided_on, effective_from,
                            list_year, signed_by, recorded_by)
                        VALUES (:r, :p, :c, :number, :d, :d, :y, 'Chủ tịch', 'test') RETURNING id""")
                .param("r", round).param("p", province).param("c", communeId).param("number", "QĐ-" + n)
                .param("d", effectiveFrom).param("y", effectiveFrom.getYear()).query(Long.class).single();
        for (Map.Entry<Household, String> e : statuses.entrySet()) {
            Household h = e.getKey();
            jdbc.sql("""
                            INSERT INTO household_status (province_code, household_id, commune_id, village_id, decision_id,
                                round_id, list_year, effective_from, status, standard_code, standard_version,
                                household_code, head_name, members, area, ethnic_minority, social_protection, merit)
                            VALUES (:p, :h, :c, :v, :decision, :r, :y, :d, :status, 'ND07_2021', 1, :code, 'Chủ hộ',
                                :members, 'rural', false, false, false)""")
                    .param("p", h.provinceCode()).param("h", h.id()).param("c", communeId).param("v", h.villageId())
                    .param("decision", decision).param("r", round).param("y", effectiveFrom.getYear())
                    .param("d", effectiveFrom).param("status", e.getValue()).param("code", h.householdCode())
                    .param("members", h.members().size()).update();
        }
        return decision;
    }

    void revoke(long decisionId) {
        jdbc.sql("UPDATE review_decision SET revoked_on = current_date, revoke_reason = 'trả lại' WHERE id = :id")
                .param("id", decisionId).update();
        jdbc.sql("UPDATE household_status SET revoked = true WHERE decision_id = :id").param("id", decisionId).update();
    }

    /** Records a benefit directly (as the import would). */
    void benefit(Household h, Integer memberNo, String policyCode, String date) {
        jdbc.sql("""
                        INSERT INTO benefit_record (province_code, household_id, member_no, policy_id, benefit_date, source,
                            recorded_by)
                        VALUES (:p, :h, :m, (SELECT id FROM support_policy WHERE code = :code), :d, 'form', 'test')""")
                .param("p", h.provinceCode()).param("h", h.id()).param("m", memberNo).param("code", policyCode)
                .param("d", LocalDate.parse(date)).update();
    }

    static List<String> children(String... nameBirth) {
        return List.of(nameBirth);
    }
}
