package vn.giamngheo.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * What-if on a rural commune of seven known households: raising the rural income line of Decree 07 from
 * 1,500,000 to 2,000,000 moves exactly three households from average living standard to poor or near-poor.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatIfTest {

    @Autowired WebApplicationContext context;
    @Autowired HouseholdRegistry registry;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    MockMvc mvc;
    RegistryFixture fixture;
    String commune;
    long communeId;
    CurrentUser officer;
    CurrentUser otherOfficer;
    String prefix;

    @BeforeAll
    void households() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        fixture = new RegistryFixture(jdbc, users);
        commune = AnalysisFixture.ruralCommune(jdbc, 20);
        communeId = fixture.unitId("commune", commune);
        otherOfficer = fixture.user(Role.COMMUNE_OFFICER, "commune", AnalysisFixture.ruralCommune(jdbc, 21));
        officer = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", commune);
        prefix = "WI" + System.nanoTime() % 100000 + "-";
        registry.create(AnalysisFixture.deprived(commune, prefix + "1", 1_200_000, 4), officer);   // poor → poor
        registry.create(AnalysisFixture.household(commune, prefix + "2", 1_800_000), officer);     // average → near-poor
        registry.create(AnalysisFixture.deprived(commune, prefix + "3", 1_950_000, 4), officer);   // average → poor
        registry.create(AnalysisFixture.household(commune, prefix + "4", 2_000_000), officer);     // average → near-poor (at the line)
        registry.create(AnalysisFixture.household(commune, prefix + "5", 2_100_000), officer);     // average → average
        registry.create(AnalysisFixture.household(commune, prefix + "6", 3_000_000), officer);     // not poor → not poor
        registry.create(AnalysisFixture.missingLoudspeaker(commune, prefix + "7", 1_800_000), officer); // unclassifiable
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    private String body(long unitId) {
        return "{\"unitId\": " + unitId + ", \"currentStandard\": \"ND07_2021\", "
                + "\"parameters\": {\"income_line_rural\": \"2000000\"}}";
    }

    private List<Map<String, Object>> householdTable() {
        return jdbc.sql("""
                SELECT id, poverty_status, deprivation_count, classified_standard, classified_at, version, updated_at
                FROM household ORDER BY province_code, id""").query().listOfRows();
    }

    @Test
    void raisingTheRuralLineMovesExactlyTheThreeAverageHouseholdsAtOrBelowItAndStoresNothing() throws Exception {
        List<Map<String, Object>> before = householdTable();
        long audits = jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'WHAT_IF' AND username = :u")
                .param("u", officer.getUsername()).query(Long.class).single();

        mvc.perform(post("/api/v1/analysis/what-if").with(user(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body(communeId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.households").value(7))
                .andExpect(jsonPath("$.currentStandard").value("ND07_2021"))
                .andExpect(jsonPath("$.candidate").value("ND07_2021 with income_line_rural=2000000"))
                .andExpect(jsonPath("$.before.poor").value(1))
                .andExpect(jsonPath("$.before.near_poor").value(0))
                .andExpect(jsonPath("$.before.average").value(4))
                .andExpect(jsonPath("$.before.not_poor").value(1))
                .andExpect(jsonPath("$.before.unclassifiable").value(1))
                .andExpect(jsonPath("$.after.poor").value(2))
                .andExpect(jsonPath("$.after.near_poor").value(2))
                .andExpect(jsonPath("$.after.average").value(1))
                .andExpect(jsonPath("$.after.not_poor").value(1))
                .andExpect(jsonPath("$.after.unclassifiable").value(1))
                .andExpect(jsonPath("$.transitions.average.near_poor").value(2))
                .andExpect(jsonPath("$.transitions.average.poor").value(1))
                .andExpect(jsonPath("$.transitions.average.average").value(1))
                .andExpect(jsonPath("$.transitions.poor.poor").value(1))
                .andExpect(jsonPath("$.transitions.unclassifiable.unclassifiable").value(1))
                .andExpect(jsonPath("$.changed").value(3))
                .andExpect(jsonPath("$.communes.length()").value(1))
                .andExpect(jsonPath("$.communes[0].communeCode").value(commune))
                .andExpect(jsonPath("$.communes[0].changed").value(3))
                .andExpect(jsonPath("$.communes[0].intoPoorOrNearPoor").value(3))
                .andExpect(jsonPath("$.rows[*].householdCode").value(org.hamcrest.Matchers.contains(
                        prefix + "2", prefix + "3", prefix + "4")))
                .andExpect(jsonPath("$.rows[*].to").value(org.hamcrest.Matchers.contains("near_poor", "poor", "near_poor")))
                .andExpect(jsonPath("$.rows[1].deprivationsAfter").value(4))
                .andExpect(jsonPath("$.rows[0].headName").value("Nguyễn Văn Hùng"))
                .andExpect(jsonPath("$.rows[0].idNumber").doesNotExist())
                .andExpect(jsonPath("$.notListed").value(0));

        assertThat(householdTable()).as("poverty status, version and classification of every household")
                .isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'WHAT_IF' AND username = :u"
                        + " AND entity_id = :unit AND detail LIKE '%income_line_rural=2000000%'")
                .param("u", officer.getUsername()).param("unit", "commune " + commune)
                .query(Long.class).single()).isEqualTo(audits + 1);
    }

    @Test
    void aCommuneOfficerCannotRunTheWhatIfOnAnotherCommune() throws Exception {
        mvc.perform(post("/api/v1/analysis/what-if").with(user(otherOfficer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body(communeId)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/analysis/what-if.xlsx").with(user(otherOfficer)).param("unitId", String.valueOf(communeId))
                        .param("currentStandard", "ND07_2021").param("param", "income_line_rural=2000000"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/analysis/mpi").with(user(otherOfficer)).param("unitId", String.valueOf(communeId)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anUnknownParameterOrAValueOfTheWrongKindIsAClearBadRequest() throws Exception {
        mvc.perform(post("/api/v1/analysis/what-if").with(user(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\": " + communeId + ", \"parameters\": {\"income_line_moon\": \"1\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("income_line_moon")));
        mvc.perform(post("/api/v1/analysis/what-if").with(user(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\": " + communeId + ", \"parameters\": {\"deprivation_threshold\": \"two\"}}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theBackgroundRunShowsProgressAndItsXlsxListsTheChangedHouseholdsAsText() throws Exception {
        MvcResult started = mvc.perform(post("/analysis/what-if").with(user(officer)).with(csrf())
                        .param("unitId", String.valueOf(communeId)).param("currentStandard", "ND07_2021")
                        .param("candidateStandard", "").param("parameters", "income_line_rural=2.000.000"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String jobUrl = started.getResponse().getRedirectedUrl();
        assertThat(jobUrl).startsWith("/analysis/what-if/jobs/");
        String page = "";
        for (int i = 0; i < 100 && !page.contains("whatif-result"); i++) {
            Thread.sleep(100);
            page = mvc.perform(get(jobUrl + "/progress").with(user(officer))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
        }
        assertThat(page).contains("whatif-result", prefix + "2", prefix + "3", prefix + "4").doesNotContain(prefix + "5");
        mvc.perform(get(jobUrl + "/progress").with(user(otherOfficer))).andExpect(status().isNotFound());

        String jobId = jobUrl.substring(jobUrl.lastIndexOf('/') + 1);
        byte[] xlsx = mvc.perform(get("/analysis/what-if.xlsx").with(user(officer)).param("job", jobId))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(changedCodesIn(xlsx)).containsExactly(prefix + "2", prefix + "3", prefix + "4");

        byte[] direct = mvc.perform(get("/analysis/what-if.xlsx").with(user(officer))
                        .param("unitId", String.valueOf(communeId)).param("currentStandard", "ND07_2021")
                        .param("param", "income_line_rural=2000000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(changedCodesIn(direct)).containsExactly(prefix + "2", prefix + "3", prefix + "4");
    }

    @Test
    void theFormOffersOnlyTheOfficersOwnCommuneAndDefaultsToTheCurrentListsStandard() throws Exception {
        String page = mvc.perform(get("/analysis/what-if").with(user(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"" + communeId + "\"", "id=\"whatif-form\"", "name=\"_csrf\"");
        assertThat(page.split("<option value=\"\\d+\"", -1)).hasSize(2);
    }

    /** The household codes under the header row, checking every cell is text or a number, never a formula. */
    private List<String> changedCodesIn(byte[] xlsx) throws Exception {
        List<String> codes = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            boolean body = false;
            for (Row row : sheet) {
                row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
                if (row.getCell(0) == null) {
                    continue;
                }
                String first = row.getCell(0).getStringCellValue();
                if (body && row.getCell(5) != null) {
                    codes.add(first);
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Nguyễn Văn Hùng");
                    assertThat(row.getCell(6).getStringCellValue()).isIn("Hộ nghèo", "Hộ cận nghèo");
                    assertThat(row.getCell(5).getStringCellValue()).isEqualTo("Hộ có mức sống trung bình");
                }
                if (first.equals("Mã hộ")) {
                    body = true;
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Chủ hộ");
                }
            }
        }
        return codes;
    }
}
