package vn.giamngheo.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/** The agencies kernel on the seeded agencies of V45: by id, by area on a day, by function of a province on a day. */
@Tag("database")
@SpringBootTest
class AgenciesTest {

    @Autowired Agencies agencies;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    static final LocalDate DAY_2023 = LocalDate.of(2023, 6, 1);
    static final LocalDate DAY_2026 = LocalDate.of(2026, 6, 1);

    @Test
    void everyCurrentProvinceHasItsDepartmentsByFunction() {
        long provinces = jdbc.sql("SELECT count(*) FROM admin_unit WHERE level = 'province' AND valid_to IS NULL")
                .query(Long.class).single();
        assertThat(provinces).isEqualTo(34);
        for (String function : List.of("poverty_reduction", "vocational_training", "social_protection", "labour",
                "finance", "information", "policy_credit", "front")) {
            long carried = jdbc.sql("""
                            SELECT count(DISTINCT province_code) FROM agency
                            WHERE level = 'province' AND function_code = :f AND valid_to IS NULL""")
                    .param("f", function).query(Long.class).single();
            assertThat(carried).as(function).isEqualTo(34);
        }
    }

    @Test
    void forFunctionResolvesTheAgencyOfTheDay() {
        // (function, province, day, expected code, or null when none)
        Object[][] table = {
                {"poverty_reduction", "01", DAY_2026, "P01.SNNMT"},
                {"labour_social_affairs", "01", DAY_2023, "P01.SLDTBXH"},
                {"labour_social_affairs", "01", DAY_2026, null},
                {"information", "01", DAY_2023, "P01.STTTT"},
                {"information", "01", DAY_2026, "P01.SVHTTDL"},
                {"vocational_training", "79", DAY_2026, "P79.SGDDT"},
                {"poverty_reduction", null, DAY_2026, "BNNMT"},
                {"poverty_reduction", null, DAY_2023, null},
                {"labour_social_affairs", null, DAY_2023, "BLDTBXH"},
                {"no_such_function", "01", DAY_2026, null},
        };
        for (Object[] row : table) {
            var found = agencies.forFunction((String) row[0], (String) row[1], (LocalDate) row[2]).map(Agency::code);
            assertThat(found.orElse(null)).as(row[0] + " " + row[1] + " " + row[2]).isEqualTo(row[3]);
        }
    }

    @Test
    void aDissolvedDepartmentLeadsToItsSuccessorAndKeepsItsHistory() {
        Agency old = agencies.byCode("P02.SLDTBXH").orElseThrow(); // Hà Giang, merged into Tuyên Quang (08)
        assertThat(old.validTo()).isEqualTo(LocalDate.of(2025, 2, 28));
        Agency successor = agencies.get(old.successorId());
        assertThat(successor.code()).isEqualTo("P08.SNNMT");
        assertThat(agencies.history(successor.id())).extracting(Agency::code).contains("P02.SLDTBXH", "P08.SNNMT");
        assertThat(agencies.history(old.id())).extracting(Agency::code).containsExactly("P02.SLDTBXH", "P08.SNNMT");
        assertThat(agencies.get(agencies.byCode("BLDTBXH").orElseThrow().successorId()).code()).isEqualTo("BNV");
    }

    @Test
    void anUnknownAgencyIsNotFound() {
        assertThatThrownBy(() -> agencies.get(-5)).isInstanceOf(AgencyNotFoundException.class);
    }

    @Test
    void aProvinceSeesTheNationalAgenciesAndItsOwnOnly() {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        CurrentUser province = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        List<Agency> seen = agencies.inArea(province.scope(), DAY_2026);
        assertThat(seen).extracting(Agency::code).contains("BNNMT", "P08.SNNMT", "P08.HLHPN")
                .doesNotContain("P01.SNNMT", "BLDTBXH", "P02.SLDTBXH");
        assertThat(seen).allMatch(a -> a.national() || "08".equals(a.provinceCode()));
        assertThat(agencies.inArea(fixture.user(Role.ADMINISTRATOR, null, null).scope(), DAY_2026))
                .extracting(Agency::code).contains("P01.SNNMT", "P08.SNNMT", "BNNMT");
        Agency hanoi = agencies.byCode("P01.SNNMT").orElseThrow();
        assertThat(agencies.visible(hanoi, province.scope())).isFalse();
        assertThat(agencies.visible(agencies.byCode("P08.SNNMT").orElseThrow(), province.scope())).isTrue();
        assertThat(hanoi.name(java.util.Locale.ENGLISH)).startsWith("Department of Agriculture and Environment of ");
        assertThat(hanoi.name(java.util.Locale.forLanguageTag("vi"))).isEqualTo("Sở Nông nghiệp và Môi trường thành phố Hà Nội");
    }
}
