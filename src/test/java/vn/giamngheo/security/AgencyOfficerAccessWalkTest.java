package vn.giamngheo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import vn.giamngheo.plan.PlanService;
import vn.giamngheo.task.PlanTasks;
import vn.giamngheo.task.TaskFixture;

/**
 * An agency officer (cán bộ cơ quan, đơn vị) of a province walks every endpoint of the application — every mapped path
 * with every method, path variables aimed at a household of their province and at another agency's task — and gets
 * 403 or 404 everywhere outside the agency officer's paths, with none of the household's data; on those paths they
 * see their own agency's tasks only, and the other agency's task and report are not found.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=agency-officer-walk")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyOfficerAccessWalkTest {

    @Autowired WebApplicationContext context;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired PlanService plans;
    @Autowired PlanTasks tasks;

    private MockMvc mvc;
    private CurrentUser officer;
    private Household household;
    private String secretName;
    private long ownTask;
    private long otherTask;

    /** The agency officer's paths (SecurityConfiguration.AGENCY_OFFICER_PATHS) as "METHOD pattern". */
    private static final Set<String> AGENCY_OFFICER_PATHS = Set.of("GET /", "GET /tasks/mine", "GET /tasks/{id}",
            "GET /task-reports/{id}", "GET /api/v1/tasks/mine", "GET /api/v1/tasks/late", "GET /api/v1/tasks/{id}",
            "GET /api/v1/task-reports/{id}", "POST /tasks/{id}/reports", "POST /task-reports/{id}",
            "POST /task-reports/{id}/submit", "POST /api/v1/tasks/{id}/reports", "POST /api/v1/task-reports/{id}",
            "POST /api/v1/task-reports/{id}/submit", "GET /account/password", "POST /account/password");

    @BeforeAll
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        TaskFixture agencies = new TaskFixture(jdbc, users);
        String commune = fixture.communeCode("08", 62);
        CurrentUser communeOfficer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        CurrentUser province = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        var form = RegistryFixture.household(commune, "CQ" + System.nanoTime() % 100000);
        secretName = "Sùng Thị Cơ Quan " + System.nanoTime();
        form.getMembers().get(0).setFullName(secretName);
        household = registry.create(form, communeOfficer);
        long own = agencies.agency("08", "Sở thử của cán bộ");
        long other = agencies.agency("08", "Hội thử khác");
        officer = agencies.officer(own);
        long unit = fixture.unitId("province", "08");
        long plan = plans.create(unit, 2028, 0, 0, "kế hoạch thử", province).id();
        long item = jdbc.sql("""
                        SELECT id FROM programme_item WHERE period_code = '2026-2030' AND province_code IS NULL AND active
                        ORDER BY sort_order, code LIMIT 1""").query(Long.class).single();
        ownTask = tasks.create(plan, new PlanTasks.TaskInput(item, "Nhiệm vụ của cơ quan", null, own, List.of(),
                LocalDate.of(2028, 12, 31), List.of("year"), List.of(new PlanTasks.OutputInput(null, "Lớp", null, "lớp",
                        BigDecimal.TEN, false, Map.of()))), province);
        otherTask = tasks.create(plan, new PlanTasks.TaskInput(item, "Nhiệm vụ bí mật của hội khác", null, other, List.of(),
                LocalDate.of(2028, 12, 31), List.of("year"), List.of(new PlanTasks.OutputInput(null, "Buổi", null, "buổi",
                        BigDecimal.TEN, false, Map.of()))), province);
    }

    @Test
    void everyEndpointOutsideTheAgencyOfficersPathsAnswers403AndLeaksNothing() throws Exception {
        Set<String> walked = new TreeSet<>();
        List<String> open = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    String key = method.name() + " " + pattern.replaceAll("\\{[^}]+}", "{id}");
                    if (AGENCY_OFFICER_PATHS.contains(key) || pattern.startsWith("/login") || pattern.equals("/error")) {
                        continue;
                    }
                    String url = pattern.replaceAll("\\{[^}]+}", String.valueOf(household.id()));
                    var request = request(HttpMethod.valueOf(method.name()), url)
                            .param("communeId", String.valueOf(household.communeId()))
                            .param("unitId", String.valueOf(household.communeId())).with(user(officer)).with(csrf());
                    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                    walked.add(key);
                    String body = response.getContentAsString(StandardCharsets.UTF_8);
                    assertThat(body).as(key).doesNotContain(secretName).doesNotContain(household.householdCode());
                    if (response.getStatus() != 403) {
                        open.add(key + " → " + response.getStatus());
                    }
                }
            }
        }
        assertThat(open).as("endpoints an agency officer reaches").isEmpty();
        assertThat(walked).hasSizeGreaterThan(100).contains("GET /households/{id}", "GET /reports", "GET /plans/{id}/tasks",
                "GET /api/v1/plans/{id}/tasks", "POST /task-reports/{id}/accept", "POST /tasks/{id}", "GET /admin/users",
                "GET /escape/mine");
    }

    @Test
    void onItsPathsTheAgencyOfficerSeesItsAgencysTasksOnly() throws Exception {
        assertThat(mvc.perform(get("/").with(user(officer))).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/tasks/mine");
        String mine = mvc.perform(get("/tasks/mine").with(user(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains("Nhiệm vụ của cơ quan").doesNotContain("Nhiệm vụ bí mật của hội khác")
                .doesNotContain("/households\"");
        assertThat(mvc.perform(get("/tasks/" + ownTask).with(user(officer))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        for (String path : List.of("/tasks/" + otherTask, "/api/v1/tasks/" + otherTask)) {
            MockHttpServletResponse response = mvc.perform(get(path).with(user(officer))).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Nhiệm vụ bí mật");
        }
        assertThat(mvc.perform(post("/api/v1/tasks/" + otherTask + "/reports").with(user(officer)).with(csrf())
                .contentType("application/json").content("{\"kind\":\"year\",\"year\":2028,\"number\":1}"))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        String late = mvc.perform(get("/api/v1/tasks/late").param("date", "2029-06-30").with(user(officer))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(late).contains("\"taskId\":" + ownTask).doesNotContain("\"taskId\":" + otherTask);
        MockHttpServletResponse opened = mvc.perform(post("/api/v1/tasks/" + ownTask + "/reports").with(user(officer))
                .with(csrf()).contentType("application/json").content("{\"kind\":\"year\",\"year\":2028,\"number\":1}"))
                .andReturn().getResponse();
        assertThat(opened.getStatus()).isEqualTo(200);
    }
}
