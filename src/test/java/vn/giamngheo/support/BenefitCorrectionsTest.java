package vn.giamngheo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.support.rules.CoverageFigures;
import vn.giamngheo.support.rules.CoveragePeriod;

/**
 * Benefit records are corrected by voiding them with a reason: one record or a whole imported file in one
 * transaction; voided records stay listed but no longer count in coverage or leakage; the API records and voids
 * inside the caller's area only (404 outside, 403 for read-only roles) and explains a refusal in the user's language.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=support2-void")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenefitCorrectionsTest {

    private static final LocalDate ON = LocalDate.of(2026, 6, 30);

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired GeographyCatalog geography;
    @Autowired CoverageService coverage;
    @Autowired BenefitRecords benefits;
    @Autowired BenefitCorrections corrections;

    private SupportFixture fixture;
    private MockMvc mvc;
    private String commune;
    private CurrentUser officer;
    private CurrentUser otherOfficer;
    private Household poor;
    private Household notListed;

    @BeforeAll
    void lists() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        fixture = new SupportFixture(jdbc, users, registry, geography);
        commune = fixture.commune(51);
        officer = fixture.officer(commune);
        otherOfficer = fixture.officer(fixture.commune(52));
        poor = fixture.household(commune, "VD-1", null, officer);
        notListed = fixture.household(commune, "VD-2", null, officer);
        Household electricityOnly = fixture.household(commune, "VD-3", null, officer);
        fixture.decide(commune, LocalDate.of(2025, 1, 1), Map.of(poor, "poor", electricityOnly, "poor"));
    }

    private CoverageFigures electricity() {
        return coverage.coverage(fixture.communeId(commune), "ELECTRICITY", CoveragePeriod.onDate(ON), officer.scope())
                .policies().get(0).total();
    }

    private MockHttpServletResponse postJson(String url, String json, CurrentUser as) throws Exception {
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(json).with(user(as)).with(csrf()))
                .andReturn().getResponse();
    }

    @Test
    void aRecordAddedThroughTheApiCountsUntilItIsVoidedWithAReasonAndStaysListed() throws Exception {
        CoverageFigures before = electricity();
        MockHttpServletResponse added = postJson("/api/v1/support/benefits", """
                {"householdCode": "VD-1", "communeCode": "%s", "policyCode": "ELECTRICITY", "benefitDate": "2026-02-01",
                 "amount": 150000, "referenceNo": "TD-1"}""".formatted(commune), officer);
        assertThat(added.getStatus()).isEqualTo(201);
        long id = ((Number) JsonPath.read(added.getContentAsString(), "$.id")).longValue();
        assertThat(electricity().received()).isEqualTo(before.received() + 1);

        // a reason is required: 400 in the user's language, nothing changed
        MockHttpServletResponse noReason = postJson("/api/v1/support/benefits/" + id + "/void", "{\"reason\": \"  \"}", officer);
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(noReason.getContentAsString(StandardCharsets.UTF_8)).contains("Hãy ghi lý do huỷ.");
        MockHttpServletResponse english = mvc.perform(post("/api/v1/support/benefits/" + id + "/void").param("lang", "en")
                .contentType(MediaType.APPLICATION_JSON).content("{}").with(user(officer)).with(csrf())).andReturn().getResponse();
        assertThat(english.getContentAsString()).contains("Give the reason of the void.");
        // outside the area: not found; a read-only role: forbidden
        assertThat(postJson("/api/v1/support/benefits/" + id + "/void", "{\"reason\": \"sai\"}", otherOfficer).getStatus())
                .isEqualTo(404);
        CurrentUser viewer = fixture.registryFixture.user(Role.MINISTRY_VIEWER, null, null);
        assertThat(postJson("/api/v1/support/benefits/" + id + "/void", "{\"reason\": \"sai\"}", viewer).getStatus())
                .isEqualTo(403);
        assertThat(electricity().received()).isEqualTo(before.received() + 1);

        MockHttpServletResponse voided = postJson("/api/v1/support/benefits/" + id + "/void",
                "{\"reason\": \"ghi nhầm hộ\"}", officer);
        assertThat(voided.getStatus()).isEqualTo(200);
        assertThat(electricity()).isEqualTo(before);
        String listed = mvc.perform(get("/api/v1/support/households/" + poor.id() + "/benefits").with(user(officer)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(listed, "$[?(@.id == " + id + ")].voidReason")).containsExactly("ghi nhầm hộ");
        assertThat(JsonPath.<List<String>>read(listed, "$[?(@.id == " + id + ")].voidedBy"))
                .containsExactly(officer.getUsername());
        // voiding twice is refused; the same benefit can be recorded again correctly
        assertThat(postJson("/api/v1/support/benefits/" + id + "/void", "{\"reason\": \"lại\"}", officer).getStatus())
                .isEqualTo(400);
        assertThat(benefits.add(new BenefitEntry("VD-1", commune, "", "ELECTRICITY", "2026-02-01", "150000", "TD-1", ""),
                officer).accepted()).isTrue();
        // the audit trigger kept the change
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'benefit_record' AND action = 'UPDATE' "
                + "AND entity_id = :id").param("id", String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aWholeImportedFileIsVoidedInOneTransactionAndItsLeakageDisappears() throws Exception {
        String file = "sai-" + System.nanoTime() + ".csv";
        String csv = """
                household_code,commune_code,member_no,policy_code,benefit_date,amount,reference_no
                VD-2,%1$s,,ELECTRICITY,2026-03-01,100000,F1
                VD-3,%1$s,,ELECTRICITY,2026-03-01,100000,F2
                """.formatted(commune);
        CoverageFigures before = electricity();
        BenefitImportResult result = benefits.importFile(file,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), officer);
        assertThat(result.stored()).isEqualTo(2);
        CoverageFigures imported = electricity();
        assertThat(imported.leakage()).isEqualTo(before.leakage() + 1);   // VD-2 is on no list
        assertThat(imported.received()).isEqualTo(before.received() + 1);

        BenefitCorrections.ImportedFile listed = corrections.imports(officer.scope(), file, 10).get(0);
        assertThat(listed.records()).isEqualTo(2);
        assertThat(mvc.perform(get("/support/benefits").with(user(officer))).andReturn().getResponse().getContentAsString())
                .contains("id=\"benefit-imports\"").contains(file);
        assertThat(corrections.voidImport(file, null, "tệp của xã khác", officer)).isEqualTo(2);
        assertThat(electricity()).isEqualTo(before);
        assertThat(corrections.imports(officer.scope(), file, 10).get(0).wholeVoided()).isTrue();
        assertThat(corrections.ofHousehold(notListed.id(), officer.scope())).allMatch(BenefitRecord::voided);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'VOID' AND entity_id = :f").param("f", file)
                .query(Long.class).single()).isEqualTo(1);
        // another commune's officer does not find the file
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> corrections.voidImport(file, null, "x", otherOfficer))
                .isInstanceOf(SupportNotFoundException.class);
    }

    @Test
    void theApiRefusesABadBenefitWithEveryProblemInWordsAndAnotherCommunesHouseholdIsNotFound() throws Exception {
        MockHttpServletResponse bad = postJson("/api/v1/support/benefits", """
                {"householdCode": "VD-1", "communeCode": "%s", "policyCode": "NO_SUCH", "benefitDate": "2026-13-01"}"""
                .formatted(commune), officer);
        assertThat(bad.getStatus()).isEqualTo(400);
        String body = bad.getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(body, "$.problems[*].field")).contains("policy_code", "benefit_date");
        assertThat(body).doesNotContain("support.benefit.");
        assertThat(postJson("/api/v1/support/benefits", "{not json", officer).getStatus()).isEqualTo(400);
        assertThat(mvc.perform(get("/api/v1/support/households/" + poor.id() + "/benefits").with(user(otherOfficer)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/support/households/abc/benefits").with(user(officer)))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void thePageStrikesThroughAVoidedRecordAndOffersTheVoidToEditors() throws Exception {
        BenefitImportResult r = benefits.add(new BenefitEntry("VD-3", commune, "", "HOUSING", "2026-01-15", "", "NH-1", ""),
                officer);
        long id = r.ids().get(0);
        String page = mvc.perform(get("/support/benefits").param("householdId", String.valueOf(notListed.id()))
                .with(user(officer))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"benefit-table\"");
        MockHttpServletResponse done = mvc.perform(post("/support/benefits/" + id + "/void").param("reason", "trùng")
                .with(user(officer)).with(csrf())).andReturn().getResponse();
        assertThat(done.getStatus()).isEqualTo(302);
        String after = mvc.perform(get("/support/benefits").with(user(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).containsPattern("class=\"voided\"[^>]*id=\"benefit-" + id + "\"|id=\"benefit-" + id
                + "\"[^>]*class=\"voided\"");
        assertThat(after).contains("trùng").contains("/support/benefits?householdId=");
    }
}
