package vn.giamngheo.escape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * The commune officer sees a poor household without a helper, adds an organisation, assigns a helper who has a
 * user account and records a visit; the helper sees the household among theirs; the household leaves the list of
 * unassigned households. Bad requests are refused with reasons; other areas see nothing.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=helper-journey")
class HelperJourneyTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;

    @Test
    void anOfficerAssignsAHelperAndRecordsAVisitAndTheHelperSeesTheHousehold() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 61);
        long communeId = fixture.unitId("commune", commune);
        CurrentUser officer = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", commune);
        CurrentUser helper = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        String code = "J" + System.nanoTime() % 100_000_000;
        long household = registry.create(RegistryFixture.household(commune, code), officer).id();
        new DecisionFixture(jdbc, events, tx).baseline("08", communeId, 2026, Map.of(household, "poor"));

        assertThat(page(mvc, "/escape/unassigned", officer)).contains(code);

        mvc.perform(post("/escape/organisations").with(user(officer)).with(csrf())
                .param("kind", "womens_union").param("name", "Hội Liên hiệp Phụ nữ xã " + code));
        long organisation = jdbc.sql("SELECT id FROM helper_organisation WHERE name = :n").param("n", "Hội Liên hiệp Phụ nữ xã " + code)
                .query(Long.class).single();
        assertThat(page(mvc, "/escape/organisations", officer)).contains("Hội Liên hiệp Phụ nữ xã " + code);

        MvcResult assigned = mvc.perform(post("/escape/households/" + household + "/assignments").with(user(officer)).with(csrf())
                .param("organisationId", String.valueOf(organisation)).param("helperName", "Hoàng Thị Mai")
                .param("helperPhone", "0912 345 678").param("helperUsername", helper.getUsername())
                .param("assignedOn", "2026-03-01")).andReturn();
        assertThat(assigned.getResponse().getRedirectedUrl()).isEqualTo("/escape/households/" + household);
        assertThat(assigned.getFlashMap().get("problems")).isNull();
        long assignment = jdbc.sql("SELECT id FROM helper_assignment WHERE household_id = :h AND ended_on IS NULL")
                .param("h", household).query(Long.class).single();

        mvc.perform(post("/escape/assignments/" + assignment + "/visits").with(user(officer)).with(csrf())
                .param("visitedOn", "2026-03-15").param("note", "Hướng dẫn làm chuồng bò, lập kế hoạch vay vốn"));
        String householdPage = page(mvc, "/escape/households/" + household, officer);
        assertThat(householdPage).contains("Hoàng Thị Mai", "Hướng dẫn làm chuồng bò", "id=\"registration-form\"");

        String mine = page(mvc, "/escape/mine", helper);
        assertThat(mine).contains(code, "15/03/2026");
        assertThat(page(mvc, "/escape/mine", officer)).doesNotContain(code);
        assertThat(page(mvc, "/escape/unassigned", officer)).doesNotContain(code);

        // a visit before the assignment is refused with its reason, nothing stored
        MvcResult early = mvc.perform(post("/escape/assignments/" + assignment + "/visits").with(user(officer)).with(csrf())
                .param("visitedOn", "2026-02-01").param("note", "trước khi phân công")).andReturn();
        assertThat(early.getFlashMap().get("problems")).asList().hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM helper_visit WHERE assignment_id = :a").param("a", assignment)
                .query(Long.class).single()).isEqualTo(1);

        // the audit log has the assignment, by the officer
        assertThat(jdbc.sql("SELECT username FROM audit_log WHERE entity = 'helper_assignment' AND entity_id = :id AND action = 'CREATE'")
                .param("id", String.valueOf(assignment)).query(String.class).single()).isEqualTo(officer.getUsername());

        // registration through the page, the overview and the XLSX report
        MvcResult registered = mvc.perform(post("/escape/households/" + household + "/registrations").with(user(officer)).with(csrf())
                .param("listYear", "2027").param("registeredOn", "2026-03-20").param("goal", "Thoát nghèo nhờ nuôi bò")
                .param("causes", "lack_capital").param("expectedToEscape", "true")).andReturn();
        assertThat(registered.getFlashMap().get("problems")).isNull();
        assertThat(page(mvc, "/escape?listYear=2027", officer)).contains(code, "Thoát nghèo nhờ nuôi bò");
        byte[] xlsx = mvc.perform(get("/escape/report.xlsx").param("listYear", "2027").with(user(officer)))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheet("Đăng ký thoát nghèo").getRow(3).getCell(4).getStringCellValue()).isEqualTo("Số hộ đăng ký thoát nghèo");
            assertThat(wb.getSheet("Đăng ký thoát nghèo").getRow(4).getCell(4).getNumericCellValue()).isEqualTo(1.0);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'EXPORT' AND entity = 'escape_registration'")
                .query(Long.class).single()).isPositive();

        // other areas: 404 for the household page and the API
        CurrentUser stranger = fixture.user(Role.COMMUNE_OFFICER, "commune", fixture.communeCode("08", 62));
        assertThat(mvc.perform(get("/escape/households/" + household).with(user(stranger))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/escape/assignments/" + assignment).with(user(stranger))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Autowired HelperAssignments helpers;
    @Autowired java.time.Clock clock;

    /** The list as it was read before issue 26 (status and head read for every household of the area). */
    static final String UNASSIGNED_BEFORE = """
            SELECT * FROM (
                SELECT h.id, h.province_code, h.household_code, c.code AS commune_code, c.full_name AS commune_name,
                       v.name AS village_name,
                       (SELECT m.full_name FROM household_member m WHERE m.province_code = h.province_code
                          AND m.household_id = h.id AND m.relation = 'head') AS head_name,
                       (SELECT s.status FROM status_of(h.province_code, h.id, :onDate) s) AS decided_status
                FROM household h
                JOIN admin_unit c ON c.id = h.commune_id
                LEFT JOIN admin_unit v ON v.id = h.village_id
                WHERE h.province_code = :p AND c.path LIKE :path
                  AND h.life_status = 'active'
                  AND NOT EXISTS (SELECT 1 FROM helper_assignment a WHERE a.province_code = h.province_code
                                  AND a.household_id = h.id AND a.ended_on IS NULL)
            ) x WHERE decided_status = ANY (:statuses)
            ORDER BY commune_code, household_code LIMIT :limit""";

    @Test
    void theUnassignedListIsTheSameAsReadBefore() {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 62);
        long communeId = fixture.unitId("commune", commune);
        CurrentUser officer = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", commune);
        String prefix = "U" + System.nanoTime() % 10_000_000;
        Map<Long, String> statuses = new java.util.LinkedHashMap<>();
        String[] kinds = {"poor", "near_poor", "not_poor", null};
        for (int i = 0; i < 24; i++) {
            long h = registry.create(RegistryFixture.household(commune, prefix + String.format("%02d", 23 - i)), officer).id();
            if (kinds[i % 4] != null) {
                statuses.put(h, kinds[i % 4]);
            }
            if (i % 5 == 4) {
                jdbc.sql("UPDATE household SET life_status = 'dissolved' WHERE id = :h").param("h", h).update();
            }
        }
        new DecisionFixture(jdbc, events, tx).baseline("08", communeId, 2026, statuses);
        long assigned = statuses.keySet().iterator().next();
        jdbc.sql("""
                        INSERT INTO helper_organisation (province_code, unit_id, kind, name, created_by)
                        VALUES ('08', :c, 'womens_union', :n, 'test')""").param("c", communeId).param("n", "Hội " + prefix).update();
        jdbc.sql("""
                        INSERT INTO helper_assignment (province_code, household_id, commune_id, organisation_id, helper_name,
                            assigned_on, created_by)
                        VALUES ('08', :h, :c, (SELECT min(id) FROM helper_organisation), 'Người giúp', DATE '2026-02-01', 'test')""")
                .param("h", assigned).param("c", communeId).update();
        assertThat(jdbc.sql("SELECT count(*) FROM helper_assignment WHERE household_id = :h").param("h", assigned)
                .query(Long.class).single()).isEqualTo(1);
        String path = jdbc.sql("SELECT path FROM admin_unit WHERE id = :c").param("c", communeId).query(String.class).single();
        int compared = 0;
        for (java.util.Set<String> asked : java.util.List.of(java.util.Set.of("poor"), java.util.Set.of("near_poor"),
                HelperAssignments.UNASSIGNED_STATUSES)) {
            for (int limit : new int[] {1, 3, 100}) {
                java.util.List<HelperRecords.Unassigned> now = helpers.unassigned(officer.scope(), asked, limit);
                java.util.List<HelperRecords.Unassigned> before = jdbc.sql(UNASSIGNED_BEFORE).param("p", "08")
                        .param("path", path + "%").param("onDate", java.time.LocalDate.now(clock))
                        .param("statuses", asked.toArray(String[]::new)).param("limit", limit)
                        .query((rs, i) -> new HelperRecords.Unassigned(rs.getLong("id"), rs.getString("province_code"),
                                rs.getString("household_code"), rs.getString("head_name"), rs.getString("commune_code"),
                                rs.getString("commune_name"), rs.getString("village_name"), rs.getString("decided_status")))
                        .list();
                assertThat(now).as(asked + " limit " + limit).isEqualTo(before).isNotEmpty();
                compared += now.size();
            }
        }
        assertThat(compared).isGreaterThan(10);
        assertThat(helpers.unassigned(officer.scope(), java.util.Set.of("poor"), 100)).extracting(HelperRecords.Unassigned::householdId)
                .doesNotContain(assigned);
    }

    @Test
    void theApiRefusesBadInputWithReasonsAndStoresNothing() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 63);
        CurrentUser officer = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", commune);
        long household = registry.create(RegistryFixture.household(commune, "K" + System.nanoTime() % 100_000_000), officer).id();

        MockHttpServletResponse notPoor = mvc.perform(post("/api/v1/escape/registrations").with(user(officer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"householdId\":" + household + ",\"listYear\":2027,\"registeredOn\":\"2026-03-01\",\"goal\":\"\","
                        + "\"causes\":[\"bad_luck\"]}")).andReturn().getResponse();
        assertThat(notPoor.getStatus()).isEqualTo(400);
        assertThat(notPoor.getContentAsString()).contains("\"field\":\"goal\"", "\"field\":\"causes\"", "\"field\":\"householdId\"");

        MockHttpServletResponse badJson = mvc.perform(post("/api/v1/escape/assignments").with(user(officer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"householdId\": \"x\"")).andReturn().getResponse();
        assertThat(badJson.getStatus()).isEqualTo(400);

        MockHttpServletResponse noOrganisation = mvc.perform(post("/api/v1/escape/assignments").with(user(officer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"householdId\":" + household + ",\"organisationId\":999999,\"helperName\":\"\",\"helperPhone\":\"abc\"}"))
                .andReturn().getResponse();
        assertThat(noOrganisation.getStatus()).isEqualTo(400);
        assertThat(noOrganisation.getContentAsString()).contains("\"field\":\"organisationId\"", "\"field\":\"helperName\"",
                "\"field\":\"helperPhone\"");
        assertThat(jdbc.sql("SELECT count(*) FROM escape_registration WHERE household_id = :h").param("h", household)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM helper_assignment WHERE household_id = :h").param("h", household)
                .query(Long.class).single()).isZero();

        CurrentUser viewer = fixture.user(Role.MINISTRY_VIEWER, null, null);
        assertThat(mvc.perform(post("/api/v1/escape/organisations").with(user(viewer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"other\",\"name\":\"X\"}")).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    private static String page(MockMvc mvc, String url, CurrentUser user) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(user(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }
}
