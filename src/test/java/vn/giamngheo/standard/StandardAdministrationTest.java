package vn.giamngheo.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.giamngheo.standard.StandardFixture.DONG_NAI;
import static vn.giamngheo.standard.StandardFixture.TUYEN_QUANG;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.giamngheo.standard.rules.PovertyClassifier;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.standard.rules.PovertyClassifier;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.status.rules.PovertyStatus;
import vn.giamngheo.system.DatabaseOwner;

@Tag("database")
@SpringBootTest
class StandardAdministrationTest {

    static final LocalDate REFERENCE = LocalDate.of(2024, 10, 1);

    /** the owner (ADR 0009): the guards below are checked beneath the grants, which refuse the application first */
    @Autowired DatabaseOwner databaseOwner;
    @Autowired StandardAdministration administration;
    @Autowired StandardRegistry registry;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    RegistryFixture fixture;
    CurrentUser dongNaiOfficer;

    @BeforeEach
    void setUp() {
        fixture = new RegistryFixture(jdbc, users);
        dongNaiOfficer = fixture.loginAs(Role.PROVINCE_OFFICER, "province", DONG_NAI);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    // ---- a provincial standard classifies with its own line and threshold ------------------------------------

    @ParameterizedTest(name = "income {0}, {1} deprivations: national {2}, Đồng Nai {3}")
    @CsvSource({
            "1400000, 2, NEAR_POOR, POOR",
            "1800000, 2, AVERAGE,   POOR",
            "2000000, 2, AVERAGE,   POOR",
            "1400000, 1, NEAR_POOR, NEAR_POOR",
            "1800000, 1, AVERAGE,   NEAR_POOR",
            "1400000, 3, POOR,      POOR",
    })
    void theDongNaiStandardMakesPoorWhatTheNationalOneCallsNearPoor(long income, int deprivations, PovertyStatus national,
                                                                   PovertyStatus provincial) {
        StandardVersion dongNai = StandardFixture.deriveDongNai(administration, dongNaiOfficer);
        PovertyStandard derived = registry.standard(dongNai.code()).orElseThrow();
        PovertyStandard nd07 = registry.standard("ND07_2021").orElseThrow();
        PovertyClassifier classifier = new PovertyClassifier();

        var household = StandardFixture.ruralHousehold(income, deprivations);
        assertThat(classifier.classify(household, nd07, REFERENCE, Area.RURAL).status()).isEqualTo(national);
        assertThat(classifier.classify(household, derived, REFERENCE, Area.RURAL).status()).isEqualTo(provincial);
    }

    @Test
    void aDerivedStandardRecordsItsBaseProvinceAndTheLegalSourceOfEachChangedValue() {
        StandardVersion v = StandardFixture.deriveDongNai(administration, dongNaiOfficer);
        PovertyStandard s = registry.standard(v.code()).orElseThrow();

        assertThat(v.kind()).isEqualTo(StandardVersion.PROVINCIAL);
        assertThat(v.provinceCode()).isEqualTo(DONG_NAI);
        assertThat(v.baseCode()).isEqualTo("ND07_2021");
        assertThat(s.version()).isEqualTo("1");
        assertThat(s.require("income_line_rural").legalSource()).isEqualTo(v.legalBasis());
        assertThat(s.require("income_line_urban").asLong()).isEqualTo(2_000_000L);
        assertThat(s.require("income_line_urban").legalSource()).isEqualTo("Decree 07/2021/NĐ-CP art. 3");
        assertThat(registry.catalog().standard(v.code())).contains(s);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "code in small letters          | dnai_2022 | income_line_rural     | 2000000 | code",
            "code too short                 | DN        | income_line_rural     | 2000000 | code",
            "code of a national standard    | ND07_2021 | income_line_rural     | 2000000 | code",
            "unknown parameter              | NEW       | poverty_line          | 2000000 | parameters.poverty_line",
            "words where a number belongs   | NEW       | income_line_rural     | hai triệu | parameters.income_line_rural",
            "a fraction where a whole one   | NEW       | deprivation_threshold | 2.5     | parameters.deprivation_threshold",
            "the version is the system's    | NEW       | version               | 7       | parameters.version",
            "a threshold above the indicators | NEW     | deprivation_threshold | 13      | deprivation_threshold",
    })
    void aDerivationWithAnInvalidValueIsRefusedNamingTheField(String rule, String code, String parameter, String value,
                                                              String field) {
        String newCode = code.equals("NEW") ? StandardFixture.newCode("DNAI") : code;
        DeriveRequest request = new DeriveRequest(newCode, "Chuẩn Đồng Nai", DONG_NAI, LocalDate.of(2022, 1, 1),
                LocalDate.of(2025, 12, 31), "Nghị quyết HĐND tỉnh", Map.of(parameter, value));

        assertThatThrownBy(() -> administration.derive("ND07_2021", request, dongNaiOfficer))
                .isInstanceOfSatisfying(InvalidStandardException.class,
                        e -> assertThat(e.problems()).extracting(StandardProblem::field).contains(field));
    }

    @Test
    void validityDatesMustBeInOrder() {
        DeriveRequest request = new DeriveRequest(StandardFixture.newCode("DNAI"), "Chuẩn Đồng Nai", DONG_NAI,
                LocalDate.of(2025, 12, 31), LocalDate.of(2022, 1, 1), "Nghị quyết HĐND tỉnh", Map.of());
        assertThatThrownBy(() -> administration.derive("ND07_2021", request, dongNaiOfficer))
                .isInstanceOfSatisfying(InvalidStandardException.class, e -> assertThat(e.problems())
                        .extracting(StandardProblem::messageKey).containsExactly("standard.problem.dates-ordered"));
    }

    // ---- versions ---------------------------------------------------------------------------------------------

    @Test
    void changingAParameterCreatesVersionTwoAndLeavesVersionOneAsItWas() {
        StandardVersion v1 = StandardFixture.deriveDongNai(administration, dongNaiOfficer);
        PovertyStandard before = registry.standard(v1.code(), 1).orElseThrow();

        StandardVersion v2 = administration.changeParameter(v1.code(), new ParameterChange("income_line_rural",
                "2100000", "Nghị quyết sửa đổi của HĐND tỉnh Đồng Nai", "S", null, 1), dongNaiOfficer);

        assertThat(v2.version()).isEqualTo(2);
        assertThat(registry.standard(v1.code(), 1)).contains(before);
        assertThat(registry.standard(v1.code(), 1).orElseThrow().require("income_line_rural").asLong()).isEqualTo(2_000_000L);
        PovertyStandard latest = registry.standard(v1.code()).orElseThrow();
        assertThat(latest.require("income_line_rural").asLong()).isEqualTo(2_100_000L);
        assertThat(latest.require("income_line_rural").legalSource()).isEqualTo("Nghị quyết sửa đổi của HĐND tỉnh Đồng Nai");
        assertThat(latest.version()).isEqualTo("2");
        assertThat(registry.catalog().standard(v1.code())).contains(latest);
        assertThat(registry.versions(v1.code())).extracting(StandardVersion::version).containsExactly(1, 2);
    }

    @Test
    void theDatabaseRefusesToAlterAStoredVersion() {
        StandardVersion v1 = StandardFixture.deriveDongNai(administration, dongNaiOfficer);
        assertThatThrownBy(() -> JdbcClient.create(databaseOwner.dataSource()).sql("""
                        UPDATE poverty_standard_parameter SET value = '9' WHERE name = 'deprivation_threshold'
                          AND standard_id = (SELECT id FROM poverty_standard WHERE code = :code)""")
                .param("code", v1.code()).update()).rootCause().hasMessageContaining("never changes");
        assertThatThrownBy(() -> JdbcClient.create(databaseOwner.dataSource()).sql("DELETE FROM poverty_standard WHERE code = :code").param("code", v1.code()).update())
                .rootCause().hasMessageContaining("never changes");
    }

    @Test
    void aParameterChangeNeedsALegalSource() {
        StandardVersion v1 = StandardFixture.deriveDongNai(administration, dongNaiOfficer);
        assertThatThrownBy(() -> administration.changeParameter(v1.code(),
                new ParameterChange("income_line_rural", "2100000", " ", "S", null, null), dongNaiOfficer))
                .isInstanceOfSatisfying(InvalidStandardException.class, e -> assertThat(e.problems())
                        .extracting(StandardProblem::field).containsExactly("legalSource"));
        assertThat(registry.versions(v1.code())).hasSize(1);
    }

    @Test
    void aChangeBasedOnAnOlderVersionIsRefused() {
        StandardVersion v1 = StandardFixture.deriveDongNai(administration, dongNaiOfficer);
        administration.changeParameter(v1.code(), new ParameterChange("income_line_rural", "2100000", "NQ 1", "S", null, 1),
                dongNaiOfficer);
        assertThatThrownBy(() -> administration.changeParameter(v1.code(),
                new ParameterChange("income_line_rural", "2200000", "NQ 2", "S", null, 1), dongNaiOfficer))
                .isInstanceOfSatisfying(StandardConflictException.class, e -> assertThat(e.currentVersion()).isEqualTo(2));
    }

    // ---- schedule ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "lists of {0} → {1}")
    @CsvSource({"2016, QD59_2015", "2021, QD59_2015", "2022, ND07_2021", "2026, ND07_2021", "2027, ND351_2025",
            "2030, ND351_2025"})
    void theNationalScheduleChangesStandardAtTheYearBoundaries(int year, String code) {
        assertThat(registry.standardForList(year, null).code()).isEqualTo(code);
        assertThat(registry.standardForList(year, TUYEN_QUANG).code()).isEqualTo(code);
    }

    @Test
    void noStandardIsScheduledBefore2016() {
        assertThatThrownBy(() -> registry.standardForList(2015, null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aProvincesOwnStandardOverridesTheNationalOneOnlyForItsYearsAndItsLists() {
        String province = "37";
        CurrentUser officer = fixture.loginAs(Role.PROVINCE_OFFICER, "province", province);
        DeriveRequest request = new DeriveRequest(StandardFixture.newCode("NB"), "Chuẩn nghèo tỉnh Ninh Bình", province,
                LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31), "Nghị quyết HĐND tỉnh Ninh Bình",
                Map.of("income_line_rural", "1800000"));
        StandardVersion own = administration.derive("ND07_2021", request, officer);
        administration.setSchedule(new ScheduleChange(2022, 2025, province, own.code(), "Nghị quyết HĐND tỉnh"), officer);

        assertThat(registry.standardForList(2021, province).code()).isEqualTo("QD59_2015");
        assertThat(registry.standardForList(2022, province).code()).isEqualTo(own.code());
        assertThat(registry.standardForList(2025, province).code()).isEqualTo(own.code());
        assertThat(registry.standardForList(2026, province).code()).isEqualTo("ND07_2021");
        assertThat(registry.standardForList(2022, TUYEN_QUANG).code()).isEqualTo("ND07_2021");
        assertThat(registry.standardForList(2022, null).code()).isEqualTo("ND07_2021");

        // a later row for part of the range shortens the earlier one
        administration.setSchedule(new ScheduleChange(2024, 2025, province, "ND07_2021", "Nghị quyết bãi bỏ"), officer);
        assertThat(registry.standardForList(2023, province).code()).isEqualTo(own.code());
        assertThat(registry.standardForList(2024, province).code()).isEqualTo("ND07_2021");
        assertThat(registry.schedule()).filteredOn(e -> province.equals(e.provinceCode()))
                .extracting(e -> e.yearFrom() + "-" + e.yearTo() + " " + e.standardCode())
                .containsExactly("2022-2023 " + own.code(), "2024-2025 ND07_2021");
    }

    @Test
    void aStandardCannotBeScheduledOutsideItsValidityOrInAnotherProvince() {
        StandardVersion dongNai = StandardFixture.deriveDongNai(administration, dongNaiOfficer);
        assertThatThrownBy(() -> administration.setSchedule(new ScheduleChange(2022, 2026, DONG_NAI, dongNai.code(), ""),
                dongNaiOfficer)).isInstanceOfSatisfying(InvalidStandardException.class, e -> assertThat(e.problems())
                .extracting(StandardProblem::messageKey).containsExactly("standard.problem.outside-validity"));
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        assertThatThrownBy(() -> administration.setSchedule(new ScheduleChange(2022, 2025, TUYEN_QUANG, dongNai.code(), ""),
                admin)).isInstanceOfSatisfying(InvalidStandardException.class, e -> assertThat(e.problems())
                .extracting(StandardProblem::messageKey).containsExactly("standard.problem.standard-of-other-province"));
    }

    // ---- audit ------------------------------------------------------------------------------------------------

    @Test
    void derivationsVersionsAndScheduleRowsLeaveAuditRowsNamingTheUser() {
        StandardVersion v1 = StandardFixture.deriveDongNai(administration, dongNaiOfficer);
        administration.changeParameter(v1.code(), new ParameterChange("deprivation_threshold", "3", "NQ sửa đổi", "S",
                null, null), dongNaiOfficer);
        administration.setSchedule(new ScheduleChange(2022, 2025, DONG_NAI, v1.code(), "NQ"), dongNaiOfficer);

        long versions = jdbc.sql("""
                        SELECT count(*) FROM audit_log WHERE entity = 'poverty_standard' AND action = 'CREATE'
                          AND username = :u AND after_value ->> 'code' = :code AND province_code = :p""")
                .param("u", dongNaiOfficer.getUsername()).param("code", v1.code()).param("p", DONG_NAI)
                .query(Long.class).single();
        assertThat(versions).isEqualTo(2);
        long parameters = jdbc.sql("""
                        SELECT count(*) FROM audit_log a WHERE entity = 'poverty_standard_parameter' AND username = :u
                          AND (after_value ->> 'standard_id')::bigint IN (SELECT id FROM poverty_standard WHERE code = :code)""")
                .param("u", dongNaiOfficer.getUsername()).param("code", v1.code()).query(Long.class).single();
        assertThat(parameters).isEqualTo(2L * registry.standard(v1.code()).orElseThrow().parameters().size());
        long schedule = jdbc.sql("""
                        SELECT count(*) FROM audit_log WHERE entity = 'poverty_standard_schedule' AND action = 'CREATE'
                          AND username = :u AND after_value ->> 'standard_code' = :code""")
                .param("u", dongNaiOfficer.getUsername()).param("code", v1.code()).query(Long.class).single();
        assertThat(schedule).isEqualTo(1);
    }

    // ---- who may change what ----------------------------------------------------------------------------------

    @Test
    void aProvinceOfficerCannotChangeANationalStandardNorTheNationalSchedule() {
        assertThatThrownBy(() -> administration.changeParameter("ND07_2021",
                new ParameterChange("income_line_rural", "1600000", "NĐ", "S", null, null), dongNaiOfficer))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.setSchedule(new ScheduleChange(2022, 2026, null, "ND07_2021", ""),
                dongNaiOfficer)).isInstanceOf(AccessDeniedException.class);
        assertThat(registry.versions("ND07_2021")).hasSize(1);
    }

    @Test
    void aProvinceOfficerCannotDeriveNorChangeForAnotherProvince() {
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        DeriveRequest tuyenQuang = new DeriveRequest(StandardFixture.newCode("TQ"), "Chuẩn nghèo tỉnh Tuyên Quang",
                TUYEN_QUANG, LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31), "Nghị quyết HĐND tỉnh Tuyên Quang",
                Map.of("deprivation_threshold", "2"));
        assertThatThrownBy(() -> administration.derive("ND07_2021", tuyenQuang, dongNaiOfficer))
                .isInstanceOf(AccessDeniedException.class);

        StandardVersion other = administration.derive("ND07_2021", tuyenQuang, admin);
        assertThatThrownBy(() -> administration.changeParameter(other.code(),
                new ParameterChange("deprivation_threshold", "3", "NQ", "S", null, null), dongNaiOfficer))
                .isInstanceOf(StandardNotFoundException.class); // outside the officer's area: as if it did not exist
        assertThatThrownBy(() -> administration.setSchedule(new ScheduleChange(2022, 2025, TUYEN_QUANG, other.code(), ""),
                dongNaiOfficer)).isInstanceOf(AccessDeniedException.class);
        assertThat(registry.versions(other.code())).hasSize(1);
    }

    @Test
    void anAdministratorMayChangeAProvincialStandard() {
        StandardVersion v1 = StandardFixture.deriveDongNai(administration, dongNaiOfficer);
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        assertThat(administration.changeParameter(v1.code(), new ParameterChange("income_line_urban", "2500000", "NQ",
                "S", null, null), admin).version()).isEqualTo(2);
    }
}
