package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.geography.UnitOutsideAreaException;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.Unit;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Every report on the year's own boundaries and on today's, for a province officer (tinh), a commune officer (xa)
 * and the ministry (bo), for 2024 (before the 2025 reform: today's units did not exist) and 2026: a unit formed
 * later is drawn through the units it was formed from; a unit that did not exist is refused in words.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBoundariesTest {

    static final String PROVINCE = "96";

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired GeographyCatalog geography;
    @Autowired ReportService reports;

    MockMvc mvc;
    ReportFixture data;
    CurrentUser tinh;
    CurrentUser xa;
    CurrentUser bo;

    @BeforeAll
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        data = new ReportFixture(jdbc, geography, PROVINCE).generate(240);
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        tinh = fixture.user(Role.PROVINCE_OFFICER, "province", PROVINCE);
        String name = "xa-boundaries" + System.nanoTime() % 1_000_000;
        users.create(name, "password-123", "Xã Báo Cáo", Role.COMMUNE_OFFICER, data.c1);
        xa = users.findByUsername(name).orElseThrow();
        bo = ReportServiceTest.nationalUser(users);
    }

    List<Long> oldProvinces() {
        return jdbc.sql("SELECT predecessor_id FROM unit_succession WHERE successor_id = :p ORDER BY predecessor_id")
                .param("p", data.provinceId).query(Long.class).list();
    }

    Counts total(Long unit, int year, String boundaries, CurrentUser who) {
        return reports.compute(reports.context(unit, year, boundaries, who), ReportKind.RESULTS).results().total().all();
    }

    @Test
    void aProvinceOfficerGetsTheOldProvincesOfHisProvinceOnTheMapOf2024() {
        List<Long> old = oldProvinces();
        assertThat(old).as("today's province was formed from provinces of 2024").isNotEmpty();
        for (Long unit : java.util.Arrays.asList(null, data.provinceId)) {
            ReportContext ctx = reports.context(unit, 2024, "own", tinh);
            assertThat(ctx.unit().id()).isEqualTo(data.provinceId);
            assertThat(ctx.roots()).extracting(Unit::id).containsExactlyInAnyOrderElementsOf(old);
            ReportSet set = reports.compute(ctx, ReportKind.RESULTS);
            // the rows are the old provinces, each with the figures of its own report
            Counts sum = Counts.ZERO;
            for (var row : set.results().rows()) {
                assertThat(row.key().unit()).isNotNull();
                assertThat(old).contains(row.key().unit().id());
                assertThat(row.all()).isEqualTo(total(row.key().unit().id(), 2024, "own", bo));
                sum = sum.plus(row.all());
            }
            assertThat(set.results().total().all()).isEqualTo(sum);
            assertThat(sum.poor()).as("the fixture has poor households in 2024").isPositive();
            // the same households as on today's map: nobody is dropped or counted twice
            assertThat(sum).isEqualTo(total(data.provinceId, 2024, "today", tinh));
            assertThat(set.results().total().all()).isEqualTo(total(data.provinceId, 2024, "own", bo));
        }
        // every report kind of the set
        for (ReportKind kind : ReportKind.values()) {
            assertThat(reports.compute(reports.context(null, 2024, "own", tinh), kind).kind()).isEqualTo(kind);
        }
        // 2026: today's province is on its own map
        ReportContext own2026 = reports.context(null, 2026, "own", tinh);
        assertThat(own2026.roots()).isEmpty();
        assertThat(total(null, 2026, "own", tinh)).isEqualTo(total(null, 2026, "today", tinh));
        // an old province of the area, asked directly
        assertThat(reports.context(old.get(0), 2024, "own", tinh).unit().id()).isEqualTo(old.get(0));
    }

    @Test
    void aCommuneOfficerGetsTheOldCommunesOfHisCommune() {
        ReportContext ctx = reports.context(null, 2024, "own", xa);
        assertThat(ctx.unit().id()).isEqualTo(data.c1);
        List<Long> formedFrom = jdbc.sql("SELECT predecessor_id FROM unit_succession WHERE successor_id = :c")
                .param("c", data.c1).query(Long.class).list();
        assertThat(ctx.roots()).extracting(Unit::id).contains(data.oldSplit)
                .containsExactlyInAnyOrderElementsOf(formedFrom);
        Counts own = reports.compute(ctx, ReportKind.RESULTS).results().total().all();
        Counts sum = Counts.ZERO;
        for (Long old : formedFrom) {
            sum = sum.plus(total(old, 2024, "own", bo));
        }
        assertThat(own).isEqualTo(sum);
        assertThat(own.households()).isPositive();
        // the old commune itself, and the old villages' commune, are in his area on their own map
        assertThat(reports.context(data.oldSplit, 2024, "own", xa).roots()).isEmpty();
        for (String boundaries : List.of("own", "today")) {
            for (int year : List.of(2024, 2026)) {
                assertThat(reports.compute(reports.context(null, year, boundaries, xa), ReportKind.RESULTS).results())
                        .as("%s %d", boundaries, year).isNotNull();
            }
        }
        // an old commune that became another commune is not in his area
        assertThatThrownBy(() -> reports.context(data.oldWhole, 2024, "own", xa)).isInstanceOf(UnitOutsideAreaException.class);
        assertThatThrownBy(() -> reports.context(data.provinceId, 2024, "own", xa)).isInstanceOf(UnitOutsideAreaException.class);
    }

    @Test
    void theMinistryOnBothMapsAndBothYears() {
        for (String boundaries : List.of("own", "today")) {
            for (int year : List.of(2024, 2026)) {
                Counts national = total(null, year, boundaries, bo);
                assertThat(national.households()).as("%s %d", boundaries, year).isPositive();
                assertThat(total(data.provinceId, year, boundaries, bo)).isEqualTo(total(data.provinceId, year, boundaries, tinh));
            }
        }
        assertThat(total(null, 2024, "own", bo)).isEqualTo(total(null, 2024, "today", bo));
    }

    @Test
    void aUnitThatDidNotExistIsRefusedInWords() {
        // a village founded now (the fixture's) did not exist in 2024 and came from no unit of that map
        assertThatThrownBy(() -> reports.context(data.vA, 2024, "own", tinh))
                .isInstanceOfSatisfying(UnitNotOnMapException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.REPORT_UNIT_NOT_YET);
                    assertThat(e.errorArgs()[1]).isEqualTo("2024");
                    assertThat((String) e.errorArgs()[2]).contains(name(data.oldSplit));
                });
        // an old commune on today's map, and on the map of 2026
        for (String boundaries : List.of("today", "own")) {
            assertThatThrownBy(() -> reports.context(data.oldSplit, 2026, boundaries, tinh))
                    .isInstanceOfSatisfying(UnitNotOnMapException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.REPORT_UNIT_ENDED);
                        assertThat((String) e.errorArgs()[2]).contains(name(data.c1), name(data.c2));
                    });
        }
    }

    @Test
    void pagesExportsAndApiAnswerOnTheOldBoundariesAndRefuseInWords() throws Exception {
        String html = mvc.perform(get("/reports").param("year", "2024").param("boundaries", "own").with(user(tinh)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"report-formed-from\"", "chưa được thành lập năm 2024");
        for (Long old : oldProvinces()) {
            assertThat(html).contains("href=\"/reports?unit=" + old + "&amp;year=2024&amp;boundaries=own");
        }
        for (ReportKind kind : ReportKind.values()) {
            mvc.perform(get("/reports").param("unit", String.valueOf(data.provinceId)).param("year", "2024")
                    .param("boundaries", "own").param("report", kind.code()).with(user(tinh))).andExpect(status().isOk());
            mvc.perform(get("/api/v1/reports/" + kind.code()).param("year", "2024").param("boundaries", "own")
                    .with(user(tinh))).andExpect(status().isOk()).andExpect(jsonPath("$.unitId").value(data.provinceId));
        }
        for (String format : List.of("xlsx", "csv", "pdf")) {
            mvc.perform(get("/reports/export").param("year", "2024").param("boundaries", "own").param("format", format)
                    .with(user(tinh))).andExpect(status().isOk());
            mvc.perform(get("/reports/export").param("year", "2024").param("boundaries", "own").param("format", format)
                    .with(user(xa))).andExpect(status().isOk());
        }
        // refused in words: the problem of the API and the page, in both languages
        mvc.perform(get("/api/v1/reports/results").param("unit", String.valueOf(data.oldSplit)).param("year", "2026")
                        .param("boundaries", "today").with(user(tinh)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("GN-3002"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString(name(data.oldSplit)),
                        org.hamcrest.Matchers.containsString("nay thuộc"),
                        org.hamcrest.Matchers.containsString(name(data.c1)))));
        mvc.perform(get("/api/v1/reports/results").param("unit", String.valueOf(data.vA)).param("year", "2024")
                        .param("boundaries", "own").param("lang", "en").with(user(tinh)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("GN-3001"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("did not exist yet in 2024")));
        String page = mvc.perform(get("/reports").param("unit", String.valueOf(data.vA)).param("year", "2024")
                        .param("boundaries", "own").with(user(tinh)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("chưa được thành lập năm 2024; năm đó thuộc", name(data.oldSplit));
    }

    String name(long id) {
        return jdbc.sql("SELECT full_name FROM admin_unit WHERE id = :id").param("id", id).query(String.class).single();
    }
}
