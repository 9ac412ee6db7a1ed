package vn.giamngheo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;

/**
 * A commune officer of commune A walks every household endpoint (pages, API, search, export) aiming at a
 * household of commune B and gets none of its data; so does a helper of commune B not assigned to it.
 */
@org.junit.jupiter.api.Tag("database")
@SpringBootTest
class AccessScopeWalkTest {

    @Autowired org.springframework.web.context.WebApplicationContext context;
    MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;

    RegistryFixture fixture;
    CurrentUser officerA;
    Household householdOfB;
    String secretName;
    String secretId;
    String hiddenSpouse;

    @BeforeEach
    void setUp() {
        mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        fixture = new RegistryFixture(jdbc, users);
        String communeA = fixture.communeCode("08", 2);
        String communeB = fixture.communeCode("08", 3);
        officerA = fixture.user(Role.COMMUNE_OFFICER, "commune", communeA);
        CurrentUser officerB = fixture.user(Role.COMMUNE_OFFICER, "commune", communeB);
        var form = RegistryFixture.household(communeB, "B" + System.nanoTime());
        secretName = "Vàng Seo Bí Mật " + System.nanoTime();
        form.getMembers().get(0).setFullName(secretName);
        hiddenSpouse = "Lò Thị Kín " + System.nanoTime();
        form.getMembers().get(1).setFullName(hiddenSpouse);
        secretId = form.getMembers().get(0).getIdNumber();
        householdOfB = registry.create(form, officerB);
    }

    private List<MockHttpServletRequestBuilder> everyEndpointAimingAtB() {
        long id = householdOfB.id();
        String v = String.valueOf(householdOfB.version());
        long communeB = householdOfB.communeId();
        return List.of(
                get("/households/" + id),
                get("/households/" + id + "/edit"),
                get("/households").param("q", secretName),
                get("/households").param("q", secretId),
                get("/api/v1/households/" + id),
                get("/api/v1/households/" + id + "/events"),
                get("/api/v1/households/" + id + "/classification"),
                get("/api/v1/households").param("q", secretName),
                get("/api/v1/households").param("q", secretId),
                get("/api/v1/households").param("communeId", String.valueOf(communeB)),
                get("/api/v1/households/export").param("communeId", String.valueOf(communeB)).param("format", "csv"),
                get("/households/export").param("communeId", String.valueOf(communeB)).param("format", "csv"),
                post("/households/" + id).with(csrf()).param("householdCode", "X").param("version", v),
                post("/households/" + id + "/delete").with(csrf()).param("version", v),
                post("/api/v1/households/" + id + "/dissolve").with(csrf()).contentType("application/json")
                        .content("{\"version\":" + v + ",\"date\":\"2026-01-01\"}"),
                post("/units/" + communeB + "/villages").with(csrf()).param("name", "Thôn Xâm Nhập").param("kind", "thôn"),
                post("/api/v1/units/" + communeB + "/villages").with(csrf()).contentType("application/json")
                        .content("{\"name\":\"Thôn Xâm Nhập\",\"kind\":\"thôn\"}"),
                get("/api/v1/analysis/mpi").param("unitId", String.valueOf(communeB)),
                get("/analysis/mpi").param("unitId", String.valueOf(communeB)),
                get("/analysis/what-if.xlsx").param("unitId", String.valueOf(communeB)).param("candidateStandard", "ND07_2021"),
                post("/api/v1/analysis/what-if").with(csrf()).contentType("application/json")
                        .content("{\"unitId\":" + communeB + ",\"candidateStandard\":\"ND07_2021\"}"),
                get("/audit"),
                get("/api/v1/audit"));
    }

    @Test
    void anOfficerOfAnotherCommuneGetsNoDataThroughAnyEndpoint() throws Exception {
        for (MockHttpServletRequestBuilder request : everyEndpointAimingAtB()) {
            MockHttpServletResponse response = mvc.perform(request.with(user(officerA))).andReturn().getResponse();
            String body = response.getContentAsString();
            String target = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
            // a search page may echo the user's own query; it must not show the household found by it
            assertThat(body).as("%s", target).doesNotContain(hiddenSpouse).doesNotContain(householdOfB.householdCode());
            if (!body.contains("placeholder=")) {
                assertThat(body).as("%s", target).doesNotContain(secretName).doesNotContain(secretId);
            }
            assertThat(response.getStatus()).as("%s", target).isIn(200, 302, 400, 403, 404);
            if (target.contains("export") || target.endsWith(".xlsx")) {
                // compressed files would hide a leak from the text checks: they must be refused outright
                assertThat(response.getStatus()).as("%s", target).isIn(403, 404);
            }
        }
        assertThat(registry.get(householdOfB.id(), fixture.user(Role.ADMINISTRATOR, null, null)).lifeStatus())
                .isEqualTo("active");
        assertThat(jdbc.sql("SELECT count(*) FROM admin_unit WHERE name = 'Thôn Xâm Nhập'").query(Long.class).single()).isZero();
    }

    /** A helper of B's own commune, not assigned to the household: refused everywhere (HelperAccessWalkTest walks all). */
    @Test
    void aHelperOfTheSameCommuneNotAssignedToTheHouseholdGetsNothing() throws Exception {
        CurrentUser helper = fixture.user(Role.HELPER, "commune", householdOfB.communeCode());
        List<MockHttpServletRequestBuilder> requests = new java.util.ArrayList<>(everyEndpointAimingAtB());
        requests.add(get("/escape/households/" + householdOfB.id()));
        requests.add(get("/api/v1/escape/households/" + householdOfB.id() + "/assignments"));
        requests.add(get("/api/v1/support/households/" + householdOfB.id() + "/benefits"));
        for (MockHttpServletRequestBuilder request : requests) {
            MockHttpServletResponse response = mvc.perform(request.with(user(helper))).andReturn().getResponse();
            String target = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
            assertThat(response.getContentAsString()).as("%s", target).doesNotContain(secretName).doesNotContain(hiddenSpouse)
                    .doesNotContain(householdOfB.householdCode());
            assertThat(response.getStatus()).as("%s", target).isIn(403, 404);
        }
        assertThat(registry.get(householdOfB.id(), fixture.user(Role.ADMINISTRATOR, null, null)).lifeStatus())
                .isEqualTo("active");
    }

    /** An agency officer of B's province: refused everywhere (AgencyOfficerAccessWalkTest walks all). */
    @Test
    void anAgencyOfficerOfTheProvinceGetsNothing() throws Exception {
        vn.giamngheo.task.TaskFixture agencies = new vn.giamngheo.task.TaskFixture(jdbc, users);
        String province = jdbc.sql("SELECT province_code FROM admin_unit WHERE code = :c AND level = 'commune' AND valid_to IS NULL")
                .param("c", householdOfB.communeCode()).query(String.class).single();
        CurrentUser agencyOfficer = agencies.officer(agencies.agency(province, "Sở thử"));
        for (MockHttpServletRequestBuilder request : everyEndpointAimingAtB()) {
            MockHttpServletResponse response = mvc.perform(request.with(user(agencyOfficer))).andReturn().getResponse();
            String target = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
            assertThat(response.getContentAsString()).as("%s", target).doesNotContain(secretName).doesNotContain(hiddenSpouse)
                    .doesNotContain(householdOfB.householdCode());
            assertThat(response.getStatus()).as("%s", target).isIn(403, 404);
        }
    }

    @Test
    void theOwnCommuneOfficerSeesTheHousehold() throws Exception {
        CurrentUser officerB = fixture.user(Role.COMMUNE_OFFICER, "commune", householdOfB.communeCode());
        String body = mvc.perform(get("/api/v1/households/" + householdOfB.id()).with(user(officerB)))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains(secretName).contains(secretId);
        String why = mvc.perform(get("/api/v1/households/" + householdOfB.id() + "/classification").with(user(officerB)))
                .andReturn().getResponse().getContentAsString();
        assertThat(why).contains("\"status\"").contains("\"lines\"").contains("ND351_2025");
    }

    @Test
    void aProvinceOfficerSeesTheHouseholdButNotTheFullIdentityNumber() throws Exception {
        CurrentUser province = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        String body = mvc.perform(get("/api/v1/households/" + householdOfB.id()).with(user(province)))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains(secretName).doesNotContain(secretId).contains("********" + secretId.substring(8));
    }

    @Test
    void theOfficerOfTheCommuneAddsAVillage() throws Exception {
        CurrentUser officerB = fixture.user(Role.COMMUNE_OFFICER, "commune", householdOfB.communeCode());
        String name = "Thôn Nà Mới " + System.nanoTime() % 100000;
        assertThat(mvc.perform(post("/api/v1/units/" + householdOfB.communeId() + "/villages").with(user(officerB)).with(csrf())
                .contentType("application/json").content("{\"name\":\"" + name + "\",\"kind\":\"thôn\"}"))
                .andReturn().getResponse().getStatus()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'admin_unit' AND action = 'CREATE' AND after_value ->> 'name' = :n")
                .param("n", name).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anonymousUsersAreSentToTheLoginPageOrGet401() throws Exception {
        assertThat(mvc.perform(get("/households")).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(mvc.perform(get("/api/v1/households")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        CurrentUser officerB = fixture.user(Role.COMMUNE_OFFICER, "commune", householdOfB.communeCode());
        assertThat(mvc.perform(post("/households/" + householdOfB.id() + "/delete").with(user(officerB))
                .param("version", "0")).andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
