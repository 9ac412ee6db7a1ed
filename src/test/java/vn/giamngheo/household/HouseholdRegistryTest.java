package vn.giamngheo.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.system.DatabaseOwner;

@org.junit.jupiter.api.Tag("database")
@SpringBootTest
class HouseholdRegistryTest {

    /** the owner (ADR 0009): the guards below are checked beneath the grants, which refuse the application first */
    @Autowired DatabaseOwner databaseOwner;
    @Autowired HouseholdRegistry registry;
    @Autowired HouseholdLifeEvents lifeEvents;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    RegistryFixture fixture;
    String communeA;
    String communeB;
    CurrentUser officer;

    @BeforeEach
    void setUp() {
        fixture = new RegistryFixture(jdbc, users);
        communeA = fixture.communeCode("08", 0);
        communeB = fixture.communeCode("08", 1);
        officer = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", communeA);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    private String code() {
        return "T" + System.nanoTime();
    }

    @Test
    void createdHouseholdIsStoredWithItsMembersAndAudited() {
        Household h = registry.create(RegistryFixture.household(communeA, code()), officer);

        assertThat(h.members()).hasSize(2);
        assertThat(h.provinceCode()).isEqualTo("08");
        assertThat(h.head()).map(Member::fullName).contains("Nguyễn Văn Hùng");
        assertThat(h.members().get(1).birthYearOnly()).isTrue();
        long audits = jdbc.sql("SELECT count(*) FROM audit_log WHERE entity IN ('household', 'household_member') AND action = 'CREATE' "
                        + "AND username = :u AND (entity_id = :id OR after_value ->> 'household_id' = :id)")
                .param("u", officer.getUsername()).param("id", String.valueOf(h.id())).query(Long.class).single();
        assertThat(audits).isEqualTo(3);
    }

    @Test
    void updateDeleteAndAuditRowsCarryBeforeAndAfterValues() {
        Household h = registry.create(RegistryFixture.household(communeA, code()), officer);
        HouseholdForm form = HouseholdForm.of(h);
        form.setAddress("Thôn Bản Mới");
        Household updated = registry.update(h.id(), form, officer);
        assertThat(updated.version()).isEqualTo(h.version() + 1);

        String after = jdbc.sql("SELECT after_value ->> 'address' FROM audit_log WHERE entity = 'household' AND action = 'UPDATE' AND entity_id = :id"
                        + " AND before_value ->> 'address' IS DISTINCT FROM after_value ->> 'address'")
                .param("id", String.valueOf(h.id())).query(String.class).single();
        assertThat(after).isEqualTo("Thôn Bản Mới");

        registry.delete(h.id(), updated.version(), officer);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'household' AND action = 'DELETE' AND entity_id = :id")
                .param("id", String.valueOf(h.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRows() {
        registry.create(RegistryFixture.household(communeA, code()), officer);
        assertThatThrownBy(() -> JdbcClient.create(databaseOwner.dataSource()).sql("UPDATE audit_log SET username = 'someone-else'").update())
                .hasStackTraceContaining("audit_log is append-only");
        assertThatThrownBy(() -> JdbcClient.create(databaseOwner.dataSource()).sql("DELETE FROM audit_log").update())
                .hasStackTraceContaining("audit_log is append-only");
        assertThatThrownBy(() -> JdbcClient.create(databaseOwner.dataSource()).sql("TRUNCATE audit_log").update())
                .hasStackTraceContaining("audit_log is append-only");
    }

    @Test
    void theSecondOfTwoSimultaneousEditsIsRefusedAndTheFirstIsKept() {
        Household h = registry.create(RegistryFixture.household(communeA, code()), officer);
        HouseholdForm first = HouseholdForm.of(h);
        HouseholdForm second = HouseholdForm.of(h);
        first.setAddress("Sửa lần thứ nhất");
        second.setAddress("Sửa lần thứ hai");

        registry.update(h.id(), first, officer);

        assertThatThrownBy(() -> registry.update(h.id(), second, officer))
                .isInstanceOfSatisfying(ConcurrentEditException.class,
                        e -> assertThat(e.current().address()).isEqualTo("Sửa lần thứ nhất"));
        assertThat(registry.get(h.id(), officer).address()).isEqualTo("Sửa lần thứ nhất");
    }

    @Test
    void twoOfficersSavingAtTheSameMomentCannotBothWin() throws Exception {
        Household h = registry.create(RegistryFixture.household(communeA, code()), officer);
        java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
            for (String address : List.of("Địa chỉ của người thứ nhất", "Địa chỉ của người thứ hai")) {
                outcomes.add(pool.submit(() -> {
                    HouseholdForm form = HouseholdForm.of(h);
                    form.setAddress(address);
                    barrier.await();
                    try {
                        registry.update(h.id(), form, officer);
                        return "saved:" + address;
                    } catch (ConcurrentEditException e) {
                        return "refused";
                    }
                }));
            }
            List<String> results = new java.util.ArrayList<>();
            for (var f : outcomes) {
                results.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn(r -> r.equals("refused")).hasSize(1);
            String winner = results.stream().filter(r -> r.startsWith("saved:")).findFirst().orElseThrow().substring(6);
            Household stored = registry.get(h.id(), officer);
            assertThat(stored.address()).isEqualTo(winner);
            assertThat(stored.version()).isEqualTo(h.version() + 1);
            assertThat(stored.members()).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aProvinceOfficerEditsWithMaskedIdentityNumbersWithoutChangingThem() {
        Household h = registry.create(RegistryFixture.household(communeA, code()), officer);
        CurrentUser province = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        HouseholdForm form = HouseholdForm.of(registry.get(h.id(), province).visibleTo(province.seesIdentityNumbers()));
        assertThat(form.getMembers().get(0).getIdNumber()).startsWith("********");
        form.setAddress("Sửa bởi cán bộ tỉnh");

        Household saved = registry.update(h.id(), form, province);

        assertThat(saved.members()).extracting(Member::idNumber)
                .containsExactlyElementsOf(h.members().stream().map(Member::idNumber).toList());
        assertThat(saved.address()).isEqualTo("Sửa bởi cán bộ tỉnh");
    }

    @Test
    void anIdentityNumberIsUniqueAcrossTheWholeRegistry() {
        Household h = registry.create(RegistryFixture.household(communeA, code()), officer);
        HouseholdForm other = RegistryFixture.household(communeA, code());
        other.getMembers().get(0).setIdNumber(h.members().get(0).idNumber());

        assertThatThrownBy(() -> registry.create(other, officer))
                .isInstanceOfSatisfying(InvalidHouseholdException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("members[0].idNumber", "validation.id-number-taken")));
    }

    @Test
    void everyBrokenRuleIsReportedAndNothingIsStored() {
        HouseholdForm bad = RegistryFixture.household(communeA, code());
        bad.getMembers().get(1).setRelation("head");
        bad.getMembers().get(0).setIdNumber("12345");
        bad.getMembers().get(1).setBirthDate("2999-01-01");
        bad.setWaterSource("lake");
        long before = jdbc.sql("SELECT count(*) FROM household").query(Long.class).single();

        assertThatThrownBy(() -> registry.create(bad, officer))
                .isInstanceOfSatisfying(InvalidHouseholdException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey)
                        .containsExactlyInAnyOrder("validation.one-head", "validation.id-number",
                                "validation.birth-date-future", "validation.code-list"));
        assertThat(jdbc.sql("SELECT count(*) FROM household").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aCommuneOfficerCannotRegisterAHouseholdInAnotherCommune() {
        assertThatThrownBy(() -> registry.create(RegistryFixture.household(communeB, code()), officer))
                .isInstanceOfSatisfying(InvalidHouseholdException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("validation.commune-outside-scope"));
    }

    @Test
    void aHouseholdKeepsItsIdentityThroughAMoveAndRecordsSplitsMergesAndDissolution() {
        CurrentUser province = fixture.loginAs(Role.PROVINCE_OFFICER, "province", "08");
        HouseholdForm form = RegistryFixture.household(communeA, code());
        form.getMembers().add(RegistryFixture.member(3, "Nguyễn Văn Nam", "child", "2004-05-06"));
        Household h = registry.create(form, province);

        Household founded = lifeEvents.split(h.id(), h.version(), Set.of(3), 3, null, code(), java.time.LocalDate.of(2026, 3, 1),
                "con trai lập gia đình", province);
        assertThat(founded.members()).extracting(Member::fullName).containsExactly("Nguyễn Văn Nam");
        assertThat(registry.get(h.id(), province).members()).hasSize(2);

        String otherProvinceCommune = fixture.communeCode("01", 0);
        Household current = registry.get(founded.id(), province);
        lifeEvents.move(founded.id(), current.version(), otherProvinceCommune, null, java.time.LocalDate.of(2026, 6, 1), null, province);
        CurrentUser national = fixture.user(Role.ADMINISTRATOR, null, null);
        Household moved = registry.get(founded.id(), national);
        assertThat(moved.provinceCode()).isEqualTo("01");
        assertThat(moved.communeCode()).isEqualTo(otherProvinceCommune);
        assertThat(moved.members()).hasSize(1);
        assertThatThrownBy(() -> registry.get(founded.id(), province)).isInstanceOf(HouseholdNotFoundException.class);

        Household partner = registry.create(RegistryFixture.household(communeA, code()), province);
        Household original = registry.get(h.id(), province);
        Household merged = lifeEvents.merge(partner.id(), partner.version(), original.id(), java.time.LocalDate.of(2026, 7, 1), null, province);
        assertThat(merged.members()).hasSize(4);
        assertThat(merged.members().stream().filter(Member::head).count()).isEqualTo(1);
        assertThat(registry.get(partner.id(), province).lifeStatus()).isEqualTo("merged");

        lifeEvents.dissolve(merged.id(), merged.version(), java.time.LocalDate.of(2026, 8, 1), "giải thể", province);
        assertThat(lifeEvents.events(h.id(), province)).extracting(HouseholdLifeEvents.HouseholdEvent::type)
                .containsExactly("split_into", "absorbed", "dissolved");
        assertThat(lifeEvents.events(founded.id(), national)).extracting(HouseholdLifeEvents.HouseholdEvent::type)
                .containsExactly("split_from", "moved");
        assertThat(List.of(moved.id())).containsExactly(founded.id());
    }

    @Test
    void aHouseholdWithRecordsThatReferToItMovesWithinAndAcrossProvincesAndTheRecordsFollow() {
        CurrentUser province = fixture.loginAs(Role.PROVINCE_OFFICER, "province", "08");
        Household h = registry.create(RegistryFixture.household(communeA, code()), province);
        // a benefit record refers to the household (province_code, id): it once blocked the move's delete
        jdbc.sql("""
                        INSERT INTO benefit_record (province_code, household_id, member_no, policy_id, benefit_date, source, recorded_by)
                        VALUES ('08', :h, 1, (SELECT id FROM support_policy WHERE code = 'BHYT_POOR'), DATE '2026-02-01', 'form', 'test')""")
                .param("h", h.id()).update();

        lifeEvents.move(h.id(), h.version(), communeB, null, java.time.LocalDate.of(2026, 5, 1), null, province);
        Household within = registry.get(h.id(), province);
        assertThat(within.communeCode()).isEqualTo(communeB);
        assertThat(within.members()).extracting(Member::fullName).containsExactlyElementsOf(
                h.members().stream().map(Member::fullName).toList());
        assertThat(within.version()).isEqualTo(h.version() + 1);

        String otherProvinceCommune = fixture.communeCode("01", 1);
        lifeEvents.move(h.id(), within.version(), otherProvinceCommune, null, java.time.LocalDate.of(2026, 6, 1), null, province);
        Household across = registry.get(h.id(), fixture.user(Role.ADMINISTRATOR, null, null));
        assertThat(across.provinceCode()).isEqualTo("01");
        assertThat(across.communeCode()).isEqualTo(otherProvinceCommune);
        assertThat(across.members()).hasSameSizeAs(h.members());
        assertThat(jdbc.sql("SELECT province_code FROM benefit_record WHERE household_id = :h").param("h", h.id())
                .query(String.class).list()).containsExactly("01");
        assertThat(jdbc.sql("SELECT count(*) FROM household WHERE id = :h").param("h", h.id()).query(Long.class).single())
                .isEqualTo(1);
        // the tables carried over are read from the catalog: every module's reference to a household is among them
        assertThat(lifeEvents.references()).extracting(HouseholdLifeEvents.Reference::table)
                .contains("benefit_record", "review_application", "escape_registration", "helper_assignment",
                        "livelihood_participant")
                .doesNotContain("household_member");
        assertThat(lifeEvents.references()).allSatisfy(r -> assertThat(r.provinceColumn()).isEqualTo("province_code"));
    }
}
