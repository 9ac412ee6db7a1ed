package vn.giamngheo.field.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.standard.DeriveRequest;
import vn.giamngheo.standard.ParameterChange;
import vn.giamngheo.standard.StandardAdministration;
import vn.giamngheo.standard.StandardRegistry;
import vn.giamngheo.standard.StandardVersion;
import vn.giamngheo.standard.rules.PovertyStandard;

/**
 * {@code GET /api/v1/field/standards/{code}}: the standard as the registry holds it now, for officers and helpers,
 * a province's own standard only in that province (404 elsewhere, as an unknown code), cached by its ETag; and when a province officer changes a line
 * through the registry, the served document and the device's classifier follow it, household for household.
 */
@org.junit.jupiter.api.Tag("database")
@SpringBootTest
class FieldStandardApiTest {

    static final String DONG_NAI = "75";
    static final String TUYEN_QUANG = "08";

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired StandardAdministration administration;
    @Autowired StandardRegistry registry;

    MockMvc mvc;
    RegistryFixture fixture;
    CurrentUser dongNaiOfficer;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        fixture = new RegistryFixture(jdbc, users);
        dongNaiOfficer = fixture.user(Role.PROVINCE_OFFICER, "province", DONG_NAI);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse fetch(String code, CurrentUser who, String ifNoneMatch) throws Exception {
        var request = get("/api/v1/field/standards/" + code).with(user(who));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JsClassifier.JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aCommuneOfficerAndAHelperGetTheNationalStandardWithEverythingTheClassifierNeeds() throws Exception {
        String commune = fixture.communeCode(TUYEN_QUANG, 4);
        for (CurrentUser who : List.of(fixture.user(Role.COMMUNE_OFFICER, "commune", commune),
                fixture.user(Role.HELPER, "commune", commune))) {
            MockHttpServletResponse response = fetch("ND07_2021", who, null);
            assertThat(response.getStatus()).as(who.role().name()).isEqualTo(200);
            JsonNode d = json(response);
            PovertyStandard stored = registry.standard("ND07_2021").orElseThrow();
            assertThat(d.get("parameters").get("income_line_rural").asString())
                    .isEqualTo(stored.require("income_line_rural").value());
            assertThat(d.get("parameters").size()).isEqualTo(stored.allParameters().size());
            assertThat(d.get("version").asInt()).isEqualTo(registry.latest("ND07_2021").orElseThrow().version().version());
            assertThat(d.get("ruleShape").asString()).isEqualTo("income_gate");
            assertThat(d.get("messages").get("vi").get("classification.reason.income-at-or-below-line").asString())
                    .contains("{0,number,integer}").contains("đồng");
            assertThat(d.get("messages").get("en").get("classification.status.poor").asString()).isEqualTo("poor");
            assertThat(d.get("numberFormats").get("vi").get("decimalSeparator").asString()).isEqualTo(",");
            assertThat(d.get("numberFormats").get("vi").get("groupingSeparator").asString()).isEqualTo(".");
            assertThat(d.get("codeLists").get("info_devices").get(0).get("code").asString()).isEqualTo("tv");
            assertThat(d.get("sources").get("income_line_rural").get("legalSource").asString()).contains("07/2021");
            assertThat(d.get("codes").get("status").get("NEAR_POOR").asString()).isEqualTo("near_poor");
            assertThat(response.getHeader("ETag")).isEqualTo("\"" + d.get("etag").asString() + "\"");
            assertThat(response.getHeader("Cache-Control")).contains("private");

            // the device's cached copy is still good: 304 without a body
            MockHttpServletResponse again = fetch("ND07_2021", who, response.getHeader("ETag"));
            assertThat(again.getStatus()).isEqualTo(304);
            assertThat(again.getContentAsString()).isEmpty();
        }
    }

    @Test
    void anUnknownStandardOrAnotherProvincesOwnIsNotFound() throws Exception {
        StandardVersion own = administration.derive("ND07_2021", new DeriveRequest("FLD_T" + System.nanoTime() % 100_000,
                "Chuẩn nghèo tỉnh Đồng Nai (thử)", DONG_NAI, LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31),
                "Nghị quyết HĐND tỉnh Đồng Nai (thử)", Map.of("income_line_rural", "2000000")), dongNaiOfficer);
        CurrentUser tuyenQuang = fixture.user(Role.COMMUNE_OFFICER, "commune", fixture.communeCode(TUYEN_QUANG, 4));
        CurrentUser dongNai = fixture.user(Role.COMMUNE_OFFICER, "commune", fixture.communeCode(DONG_NAI, 1));

        MockHttpServletResponse unknown = fetch("NO_SUCH_STANDARD", tuyenQuang, null);
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentType()).startsWith("application/problem+json");
        MockHttpServletResponse other = fetch(own.code(), tuyenQuang, null);
        assertThat(other.getStatus()).isEqualTo(404);
        assertThat(other.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("2000000");
        assertThat(fetch(own.code(), dongNai, null).getStatus()).isEqualTo(200);
        // an agency officer gets 403 here as everywhere outside their paths: AgencyOfficerAccessWalkTest walks it
    }

    @Test
    void aLineChangedThroughTheRegistryIsServedAtOnceAndTheDeviceDecidesAsTheServer() throws Exception {
        StandardVersion v1 = administration.derive("ND07_2021", new DeriveRequest("FLD_T" + System.nanoTime() % 100_000,
                "Chuẩn nghèo tỉnh Đồng Nai (thử)", DONG_NAI, LocalDate.of(2022, 1, 1), LocalDate.of(2025, 12, 31),
                "Nghị quyết HĐND tỉnh Đồng Nai (thử)", Map.of("income_line_rural", "2000000", "deprivation_threshold", "2")),
                dongNaiOfficer);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", fixture.communeCode(DONG_NAI, 1));
        MockHttpServletResponse before = fetch(v1.code(), officer, null);
        assertThat(json(before).get("parameters").get("income_line_rural").asString()).isEqualTo("2000000");

        StandardVersion v2 = administration.changeParameter(v1.code(), new ParameterChange("income_line_rural", "2150000",
                "Nghị quyết sửa đổi của HĐND tỉnh Đồng Nai (thử)", "S", null, 1), dongNaiOfficer);
        administration.changeParameter(v1.code(), new ParameterChange("deprivation_threshold", "3",
                "Nghị quyết sửa đổi của HĐND tỉnh Đồng Nai (thử)", "S", null, v2.version()), dongNaiOfficer);

        // the cached copy is stale: the full document again, with the new values and a new tag
        MockHttpServletResponse after = fetch(v1.code(), officer, before.getHeader("ETag"));
        assertThat(after.getStatus()).isEqualTo(200);
        assertThat(after.getHeader("ETag")).isNotEqualTo(before.getHeader("ETag"));
        FieldStandardDocument served = JsClassifier.JSON.readValue(after.getContentAsString(StandardCharsets.UTF_8),
                FieldStandardDocument.class);
        assertThat(served.version()).isEqualTo(3);
        assertThat(served.parameters()).containsEntry("income_line_rural", "2150000").containsEntry("deprivation_threshold", "3")
                .containsEntry("version", "3");

        // the boundary cases follow the new line and threshold, and both classifiers follow them alike
        PovertyStandard stored = registry.standard(v1.code()).orElseThrow();
        List<ParityCases.Case> cases = ParityCases.of(stored, LocalDate.of(2024, 10, 1), 40, 99);
        assertThat(cases).anyMatch(c -> "2150000".equals(c.household().get("income_per_capita")));
        Parity.Outcome outcome = Parity.check(List.of(new Parity.Suite(stored, served, cases)));
        assertThat(outcome.differences()).isEmpty();
        assertThat(outcome.statuses()).containsKeys("poor", "near_poor");
    }
}
