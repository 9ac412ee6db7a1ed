package vn.giamngheo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;

/**
 * A helper (người giúp đỡ) of a commune walks every endpoint of the application — every mapped path with every
 * method, path variables aimed at a household of their own commune that is not assigned to them — and gets 403 or
 * 404 everywhere outside the few helper paths, with none of the household's data; on those paths they see the
 * household assigned to them, read-only, and record their own visits only.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=support2-helper-walk")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelperAccessWalkTest {

    @Autowired WebApplicationContext context;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;

    private MockMvc mvc;
    private CurrentUser helper;
    private CurrentUser otherHelper;
    private Household notAssigned;
    private Household assigned;
    private long assignment;
    private String secretName;

    @BeforeAll
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 61);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        helper = fixture.user(Role.HELPER, "commune", commune);
        otherHelper = fixture.user(Role.HELPER, "commune", commune);
        var form = RegistryFixture.household(commune, "KGD" + System.nanoTime() % 100000);
        secretName = "Vàng Thị Không Giao " + System.nanoTime();
        form.getMembers().get(0).setFullName(secretName);
        notAssigned = registry.create(form, officer);
        assigned = registry.create(RegistryFixture.household(commune, "CGD" + System.nanoTime() % 100000), officer);
        long organisation = jdbc.sql("""
                        INSERT INTO helper_organisation (province_code, unit_id, kind, name, created_by)
                        VALUES ('08', :u, 'womens_union', 'Hội Phụ nữ xã thử', 'test') RETURNING id""")
                .param("u", assigned.communeId()).query(Long.class).single();
        assignment = assign(assigned, organisation, helper);
        assign(notAssigned, organisation, otherHelper);
    }

    private long assign(Household h, long organisation, CurrentUser who) {
        return jdbc.sql("""
                        INSERT INTO helper_assignment (province_code, household_id, commune_id, organisation_id, helper_name,
                            helper_user_id, assigned_on, created_by)
                        VALUES (:p, :h, :c, :o, :n, :u, DATE '2026-01-05', 'test') RETURNING id""")
                .param("p", h.provinceCode()).param("h", h.id()).param("c", h.communeId()).param("o", organisation)
                .param("n", who.getFullName()).param("u", who.id()).query(Long.class).single();
    }

    /** The helper paths (SecurityConfiguration.HELPER_PATHS) as "METHOD pattern". */
    private static final Set<String> HELPER_PATHS = Set.of("GET /", "GET /escape/mine", "GET /escape/households/{id}",
            "GET /api/v1/escape/assignments/mine", "GET /api/v1/escape/assignments/{id}",
            "POST /escape/assignments/{id}/visits", "POST /api/v1/escape/assignments/{id}/visits",
            // every logged-in user changes their own password (issue 17)
            "GET /account/password", "POST /account/password",
            // the field app's sync (issue 25): the services check the helper's assigned villages (FieldSyncTest)
            "GET /api/v1/field/assignments", "GET /api/v1/field/rounds/{id}/package", "POST /api/v1/field/changes",
            "GET /api/v1/field/conflicts", "GET /api/v1/field/conflicts/{id}", "POST /api/v1/field/conflicts/{id}",
            "GET /field/conflicts", "GET /field/conflicts/{id}", "POST /field/conflicts/{id}",
            "GET /field/households/{id}/panel", "GET /field/households/{id}/photo",
            // the field app's poverty standard, for the classifier on the helper's device (issue 25)
            "GET /api/v1/field/standards/{id}",
            // the field app itself (issue 25): its shell, texts and questionnaire, precache list and the way back after a login
            "GET /field", "GET /field/", "GET /field/app/session", "GET /field/app/precache.js", "GET /field/relogin");

    @Test
    void everyEndpointOutsideTheHelperPathsAnswers403AndLeaksNothing() throws Exception {
        Set<String> walked = new TreeSet<>();
        List<String> open = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    String key = method.name() + " " + pattern.replaceAll("\\{[^}]+}", "{id}");
                    if (HELPER_PATHS.contains(key) || pattern.startsWith("/login") || pattern.equals("/error")) {
                        continue;
                    }
                    String url = pattern.replaceAll("\\{[^}]+}", String.valueOf(notAssigned.id()));
                    var request = request(HttpMethod.valueOf(method.name()), url).param("communeId",
                            String.valueOf(notAssigned.communeId())).param("unitId", String.valueOf(notAssigned.communeId()))
                            .with(user(helper)).with(csrf());
                    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                    walked.add(key);
                    String body = response.getContentAsString(StandardCharsets.UTF_8);
                    assertThat(body).as(key).doesNotContain(secretName).doesNotContain(notAssigned.householdCode());
                    if (response.getStatus() != 403) {
                        open.add(key + " → " + response.getStatus());
                    }
                }
            }
        }
        assertThat(open).as("endpoints a helper reaches").isEmpty();
        // the walk covered the application, not a handful of paths
        assertThat(walked).hasSizeGreaterThan(100).contains("GET /households/{id}", "GET /reports", "GET /support/coverage",
                "POST /api/v1/support/benefits", "GET /escape/report.xlsx", "GET /admin/users");
    }

    @Test
    void onTheHelperPathsTheHelperSeesOnlyTheHouseholdAssignedToThem() throws Exception {
        assertThat(mvc.perform(get("/").with(user(helper))).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/escape/mine");
        String mine = mvc.perform(get("/escape/mine").with(user(helper))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains(assigned.householdCode()).doesNotContain(notAssigned.householdCode())
                .doesNotContain("/households\"");
        MockHttpServletResponse page = mvc.perform(get("/escape/households/" + assigned.id()).with(user(helper)))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains(assigned.householdCode())
                .contains("/escape/assignments/" + assignment + "/visits")    // the helper's own visit form
                .doesNotContain("/registrations\"").doesNotContain("/assignments\"").doesNotContain("/end\"");
        // the household of another helper: not found, page or API
        assertThat(mvc.perform(get("/escape/households/" + notAssigned.id()).with(user(helper))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        long othersAssignment = jdbc.sql("SELECT id FROM helper_assignment WHERE household_id = :h")
                .param("h", notAssigned.id()).query(Long.class).single();
        assertThat(mvc.perform(get("/api/v1/escape/assignments/" + othersAssignment).with(user(helper))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/api/v1/escape/assignments/" + othersAssignment + "/visits").with(user(helper)).with(csrf())
                .contentType("application/json").content("{\"visitedOn\":\"2026-02-01\",\"note\":\"x\"}"))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        // the register's page of the assigned household is closed to the helper (read-only escape page only)
        assertThat(mvc.perform(get("/households/" + assigned.id()).with(user(helper))).andReturn().getResponse().getStatus())
                .isEqualTo(403);

        // the helper records a visit on their own assignment
        MockHttpServletResponse visit = mvc.perform(post("/api/v1/escape/assignments/" + assignment + "/visits")
                .with(user(helper)).with(csrf()).contentType("application/json")
                .content("{\"visitedOn\":\"2026-02-01\",\"note\":\"Hướng dẫn trồng ngô\"}")).andReturn().getResponse();
        assertThat(visit.getStatus()).isEqualTo(201);
        assertThat(mvc.perform(post("/escape/assignments/" + assignment + "/visits").param("visitedOn", "2026-02-02")
                .param("note", "Thăm lần hai").with(user(helper)).with(csrf())).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/escape/households/" + assigned.id());
        assertThat(jdbc.sql("SELECT count(*) FROM helper_visit WHERE assignment_id = :a AND recorded_by = :u")
                .param("a", assignment).param("u", helper.getUsername()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anAdministratorCreatesAHelperOnlyOnACommune() throws Exception {
        CurrentUser admin = new RegistryFixture(jdbc, users).user(Role.ADMINISTRATOR, null, null);
        String name = "giupdo-" + System.nanoTime() % 100000;
        mvc.perform(post("/admin/users").with(user(admin)).with(csrf()).param("username", name).param("fullName", "Lò Thị Giúp")
                .param("role", "HELPER").param("unitLevel", "province").param("unitCode", "08").param("password", "mat-khau-2026"));
        assertThat(users.findByUsername(name)).isEmpty();
        mvc.perform(post("/admin/users").with(user(admin)).with(csrf()).param("username", name).param("fullName", "Lò Thị Giúp")
                .param("role", "HELPER").param("unitLevel", "commune").param("unitCode", assigned.communeCode())
                .param("password", "mat-khau-2026"));
        assertThat(users.findByUsername(name)).get().extracting(CurrentUser::role).isEqualTo(Role.HELPER);
    }
}
