package vn.giamngheo.field.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.review.OpenRound;
import vn.giamngheo.review.ReviewRounds;
import vn.giamngheo.review.rules.RoundKind;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.status.rules.PovertyStatus;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The field sync end to end through the API (issue 25 point 2): the assignment, the package, and every outcome of a
 * change — applied (audited under the officer with the capture time), duplicate, rejected with problems per field,
 * conflict (then resolved field by field), a household of another village (404), a helper outside their assignment,
 * an expired session (401 problem, no redirect), a photo of the wrong type — and the re-classification notice.
 */
@Tag("database")
@SpringBootTest
class FieldSyncTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired GeographyCatalog geography;
    @Autowired ReviewRounds rounds;
    @Autowired JsonMapper json;

    MockMvc mvc;
    RegistryFixture fixture;
    String commune;
    long village1;
    long village2;
    CurrentUser officer;
    CurrentUser helper;
    long roundId;
    Household inVillage1;
    Household inVillage2;

    @BeforeEach
    void commune() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        fixture = new RegistryFixture(jdbc, users);
        commune = fixture.communeCode("12", 15);
        long communeId = fixture.unitId("commune", commune);
        String tag = String.valueOf(System.nanoTime() % 1_000_000);
        village1 = geography.createVillage(communeId, "Bản Phố " + tag, "thôn").id();
        village2 = geography.createVillage(communeId, "Na Hang " + tag, "thôn").id();
        officer = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", commune);
        helper = fixture.user(Role.HELPER, "commune", commune);
        roundId = rounds.search(officer, communeId, null, null).stream()
                .filter(r -> !r.decided()).map(r -> r.id()).findFirst()
                .orElseGet(() -> rounds.open(new OpenRound(communeId, RoundKind.PERIODIC, 2026, null, null), officer).id());
        inVillage1 = create("FS1-" + tag, village1, 9_000_000L);
        inVillage2 = create("FS2-" + tag, village2, 9_000_000L);
    }

    private Household create(String code, long village, long income) {
        HouseholdForm f = RegistryFixture.household(commune, code);
        f.setVillageId(village);
        f.setIncomePerCapita(income);
        return registry.create(f, officer);
    }

    @Test
    void anOfficerDownloadsTheVillagesOfTheRoundAndAChangeIsAppliedOnceWithItsCaptureTimeAudited() throws Exception {
        List<Map<String, Object>> assignments = read(mvc.perform(get("/api/v1/field/assignments").with(user(officer))).andReturn(), List.class);
        Map<String, Object> round = assignments.stream().filter(a -> ((Number) a.get("roundId")).longValue() == roundId).findFirst().orElseThrow();
        assertThat((List<Map<String, Object>>) round.get("villages")).extracting(v -> ((Number) v.get("id")).longValue())
                .contains(village1, village2);

        MvcResult pkg = mvc.perform(get("/api/v1/field/rounds/" + roundId + "/package").param("village", String.valueOf(village1))
                .with(user(officer))).andReturn();
        assertThat(pkg.getResponse().getStatus()).isEqualTo(200);
        Map<String, Object> body = read(pkg, Map.class);
        assertThat(body.get("retentionDays")).isEqualTo(14);
        assertThat(body.get("maskIdentity")).isEqualTo(false);
        List<Map<String, Object>> households = (List<Map<String, Object>>) body.get("households");
        assertThat(households).extracting(h -> ((Number) h.get("id")).longValue()).containsExactly(inVillage1.id());
        Map<String, Object> data = (Map<String, Object>) households.get(0).get("data");
        Map<String, Object> household = (Map<String, Object>) data.get("household");
        assertThat(household.get("household_code")).isEqualTo(inVillage1.householdCode());
        assertThat(household.get("income_per_capita")).isEqualTo("9000000");
        assertThat(((Map<String, Object>) households.get(0).get("classification")).get("status")).isEqualTo(PovertyStatus.NOT_POOR.code());

        MvcResult gzipped = mvc.perform(get("/api/v1/field/rounds/" + roundId + "/package").param("village", String.valueOf(village1))
                .header("Accept-Encoding", "gzip").with(user(officer))).andReturn();
        assertThat(gzipped.getResponse().getHeader("Content-Encoding")).isEqualTo("gzip");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.getResponse().getContentAsByteArray()))) {
            Map<String, Object> unzipped = json.readValue(in.readAllBytes(), Map.class);
            assertThat((List<?>) unzipped.get("households")).hasSameSizeAs(households);
        }

        household.put("income_per_capita", "500000");
        household.put("housing_quality", "makeshift");
        household.put("water_source", "surface_water");
        household.put("toilet", "none");
        household.put("internet_use", "no");
        ((List<Map<String, Object>>) data.get("members")).forEach(m -> m.put("health_insurance", "no"));
        data.put("deviceClassification", Map.of("status", PovertyStatus.NOT_POOR.code()));
        UUID change = UUID.randomUUID();
        Map<String, Object> result = send(officer, change, "household.update", inVillage1.id(), inVillage1.version(), data);
        assertThat(result.get("outcome")).isEqualTo("applied");
        assertThat(result.get("newVersion")).isEqualTo(inVillage1.version() + 1);
        assertThat(((Map<String, Object>) result.get("classification")).get("status")).isEqualTo(PovertyStatus.POOR.code());
        assertThat(result.get("reclassified")).isEqualTo(true);
        assertThat((String) result.get("notice")).isNotBlank();
        assertThat(registry.get(inVillage1.id(), officer).incomePerCapita()).isEqualTo(500_000L);

        List<String> audit = jdbc.sql("""
                        SELECT username || ' ' || detail FROM audit_log WHERE entity = 'household' AND entity_id = :id
                        AND action = 'UPDATE' AND detail LIKE '%' || :change || '%'""")
                .param("id", String.valueOf(inVillage1.id())).param("change", change.toString()).query(String.class).list();
        assertThat(audit).isNotEmpty().allSatisfy(line -> assertThat(line)
                .startsWith(officer.getUsername()).contains("captured at 2026-12-01T08:30:00Z"));

        Map<String, Object> again = send(officer, change, "household.update", inVillage1.id(), inVillage1.version(), data);
        assertThat(again.get("outcome")).isEqualTo("duplicate");
        assertThat(registry.get(inVillage1.id(), officer).version()).isEqualTo(inVillage1.version() + 1);
    }

    @Test
    void aChangeThatBreaksARuleIsRejectedWithProblemsPerFieldAndStoresNothing() throws Exception {
        Map<String, Object> data = Map.of("household", Map.of("housing_quality", "castle", "floor_area_m2", "-3"),
                "members", List.of(Map.of("member_no", "1", "birth_date", "2099-01-01")));
        Map<String, Object> result = send(officer, UUID.randomUUID(), "household.update", inVillage1.id(), inVillage1.version(), data);
        assertThat(result.get("outcome")).isEqualTo("rejected");
        assertThat((List<Map<String, String>>) result.get("problems")).extracting(p -> p.get("field"))
                .contains("household.housing_quality", "household.floor_area_m2", "members[0].birth_date");
        assertThat(registry.get(inVillage1.id(), officer).version()).isEqualTo(inVillage1.version());
    }

    @Test
    void aHouseholdChangedOnTheServerSinceIsAConflictResolvedFieldByField() throws Exception {
        HouseholdForm other = HouseholdForm.of(inVillage1);
        other.setAddress("Nhà mới sửa");
        Household changed = registry.update(inVillage1.id(), other, officer);

        Map<String, Object> data = Map.of("household", Map.of("income_per_capita", "1200000", "address", "Xóm trên"));
        UUID change = UUID.randomUUID();
        Map<String, Object> result = send(officer, change, "household.update", inVillage1.id(), inVillage1.version(), data);
        assertThat(result.get("outcome")).isEqualTo("conflict");
        assertThat(registry.get(inVillage1.id(), officer).address()).isEqualTo("Nhà mới sửa");

        List<Map<String, Object>> open = read(mvc.perform(get("/api/v1/field/conflicts").with(user(officer))).andReturn(), List.class);
        assertThat(open).extracting(c -> c.get("changeId")).contains(change.toString());
        Map<String, Object> view = read(mvc.perform(get("/api/v1/field/conflicts/" + change).with(user(officer))).andReturn(), Map.class);
        assertThat((List<Map<String, Object>>) view.get("fields")).extracting(f -> f.get("field"))
                .containsExactlyInAnyOrder("household.income_per_capita", "household.address");

        String page = mvc.perform(get("/field/conflicts/" + change).with(user(officer)).header("Accept-Language", "vi"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("name=\"choice:household.address\"", "name=\"choice:household.income_per_capita\"",
                "Nhà mới sửa", "Xóm trên", "name=\"version\"", "name=\"householdVersion\"");
        assertThat(mvc.perform(get("/field/conflicts/" + change).with(user(helper))).andReturn().getResponse().getStatus())
                .isEqualTo(404);

        MvcResult stale = mvc.perform(post("/api/v1/field/conflicts/" + change).with(user(officer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("keep", "merge",
                        "choices", Map.of("household.income_per_capita", "mine"), "householdVersion", inVillage1.version(),
                        "version", view.get("version"))))).andReturn();
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);

        MvcResult merged = mvc.perform(post("/api/v1/field/conflicts/" + change).with(user(officer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("keep", "merge",
                        "choices", Map.of("household.income_per_capita", "mine", "household.address", "theirs"),
                        "householdVersion", changed.version(), "version", view.get("version"))))).andReturn();
        assertThat(merged.getResponse().getStatus()).isEqualTo(200);
        Household now = registry.get(inVillage1.id(), officer);
        assertThat(now.incomePerCapita()).isEqualTo(1_200_000L);
        assertThat(now.address()).isEqualTo("Nhà mới sửa");
        assertThat(jdbc.sql("SELECT resolution || ' ' || resolved_by FROM field_change WHERE change_id = :c").param("c", change)
                .query(String.class).single()).isEqualTo("merged " + officer.getUsername());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'household' AND entity_id = :id AND detail LIKE :d")
                .param("id", String.valueOf(inVillage1.id())).param("d", "%" + change + "%conflict resolved: merge%")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void aHelperReachesOnlyTheVillagesAssignedToThem() throws Exception {
        assertThat(this.<List<Object>>read(mvc.perform(get("/api/v1/field/assignments").with(user(helper))).andReturn(), List.class)).isEmpty();
        var assignment = jdbc.sql("SELECT version FROM field_assignment_set WHERE round_id = :r").param("r", roundId)
                .query(Integer.class).optional().orElse(0);
        FieldAssignments service = context.getBean(FieldAssignments.class);
        service.assign(roundId, Map.of(village1, java.util.Set.of(helper.id())), assignment, officer);

        List<Map<String, Object>> mine = read(mvc.perform(get("/api/v1/field/assignments").with(user(helper))).andReturn(), List.class);
        assertThat(mine).singleElement().satisfies(a -> assertThat((List<Map<String, Object>>) a.get("villages"))
                .extracting(v -> ((Number) v.get("id")).longValue()).containsExactly(village1));
        Map<String, Object> pkg = read(mvc.perform(get("/api/v1/field/rounds/" + roundId + "/package")
                .param("village", String.valueOf(village1)).with(user(helper))).andReturn(), Map.class);
        assertThat(pkg.get("maskIdentity")).isEqualTo(true);
        assertThat(mvc.perform(get("/api/v1/field/rounds/" + roundId + "/package").param("village", String.valueOf(village2))
                .with(user(helper))).andReturn().getResponse().getStatus()).isEqualTo(404);

        MvcResult outside = mvc.perform(post("/api/v1/field/changes").with(user(helper)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(batch(UUID.randomUUID(), "household.update", inVillage2.id(),
                        inVillage2.version(), Map.of("household", Map.of("address", "x"))))).andReturn();
        assertThat(outside.getResponse().getStatus()).isEqualTo(404);
        assertThat(registry.get(inVillage2.id(), officer).address()).isNotEqualTo("x");

        Map<String, Object> inside = send(helper, UUID.randomUUID(), "household.update", inVillage1.id(), inVillage1.version(),
                Map.of("household", Map.of("address", "Đầu bản")));
        assertThat(inside.get("outcome")).isEqualTo("applied");
        assertThat(registry.get(inVillage1.id(), officer).address()).isEqualTo("Đầu bản");
    }

    @Test
    void theCommuneAssignsVillagesOnItsPageWithAVersionCheck() throws Exception {
        // reached from the round's page while its households are gathered, and the conflicts from the menu
        String state = jdbc.sql("SELECT state FROM review_round WHERE id = :r").param("r", roundId).query(String.class).single();
        String roundPage = mvc.perform(get("/reviews/" + roundId).with(user(officer)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(roundPage).contains("href=\"/field/conflicts\"");
        assertThat(roundPage.contains("href=\"/field/rounds/" + roundId + "/assignments\"")).as(state)
                .isEqualTo(state.equals("preparing") || state.equals("collecting"));
        String page = mvc.perform(get("/field/rounds/" + roundId + "/assignments").with(user(officer)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("name=\"village:" + village1 + "\"", "name=\"version\"");
        int version = jdbc.sql("SELECT version FROM field_assignment_set WHERE round_id = :r").param("r", roundId)
                .query(Integer.class).optional().orElse(0);
        mvc.perform(post("/field/rounds/" + roundId + "/assignments").with(user(officer)).with(csrf())
                .param("version", String.valueOf(version)).param("village:" + village2, String.valueOf(helper.id())));
        assertThat(jdbc.sql("SELECT count(*) FROM field_assignment WHERE round_id = :r AND village_id = :v AND user_id = :u")
                .param("r", roundId).param("v", village2).param("u", helper.id()).query(Long.class).single()).isEqualTo(1);
        MvcResult stale = mvc.perform(post("/field/rounds/" + roundId + "/assignments").with(user(officer)).with(csrf())
                .param("version", String.valueOf(version)).param("village:" + village2, "")).andReturn();
        assertThat(stale.getFlashMap().get("problems")).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM field_assignment WHERE round_id = :r AND village_id = :v AND user_id = :u")
                .param("r", roundId).param("v", village2).param("u", helper.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'field_assignment' AND username = :u")
                .param("u", officer.getUsername()).query(Long.class).single()).isPositive();
        assertThat(mvc.perform(get("/field/rounds/" + roundId + "/assignments").with(user(helper))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void anExpiredSessionIsAProblemNotTheLoginPage() throws Exception {
        SecurityContextHolder.clearContext();
        MvcResult r = mvc.perform(post("/api/v1/field/changes").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(batch(UUID.randomUUID(), "household.update", inVillage1.id(), 0, Map.of()))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(401);
        assertThat(r.getResponse().getContentType()).contains("application/problem+json");
        assertThat(r.getResponse().getRedirectedUrl()).isNull();
        assertThat(mvc.perform(get("/api/v1/field/assignments")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void aPhotoIsStoredOnlyWhenItsContentIsAJpegOrPngAndAPositionWithItsTime() throws Exception {
        Map<String, String> exportBefore = exportOfCommune();
        String notImage = Base64.getEncoder().encodeToString("GIF89a not a photo".getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> wrong = send(officer, UUID.randomUUID(), "household.photo", inVillage1.id(), null, Map.of("base64", notImage));
        assertThat(wrong.get("outcome")).isEqualTo("rejected");
        assertThat((List<Map<String, String>>) wrong.get("problems")).extracting(p -> p.get("field")).containsExactly("photo");

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        Map<String, Object> ok = send(officer, UUID.randomUUID(), "household.photo", inVillage1.id(), null,
                Map.of("base64", Base64.getEncoder().encodeToString(png)));
        assertThat(ok.get("outcome")).isEqualTo("applied");
        assertThat(jdbc.sql("SELECT content_type FROM household_photo WHERE household_id = :h").param("h", inVillage1.id())
                .query(String.class).single()).isEqualTo("image/png");

        Map<String, Object> position = send(officer, UUID.randomUUID(), "household.position", inVillage1.id(), null,
                Map.of("lat", 22.1234567, "lon", 105.5, "accuracy", 8));
        assertThat(position.get("outcome")).isEqualTo("applied");
        assertThat(jdbc.sql("SELECT latitude::text FROM household_position WHERE household_id = :h").param("h", inVillage1.id())
                .query(String.class).single()).isEqualTo("22.123457");
        String panel = mvc.perform(get("/field/households/" + inVillage1.id() + "/panel").with(user(officer)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(panel).contains("/field/households/" + inVillage1.id() + "/photo");
        MvcResult image = mvc.perform(get("/field/households/" + inVillage1.id() + "/photo").with(user(officer))).andReturn();
        assertThat(image.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(image.getResponse().getContentAsByteArray()).isEqualTo(png);
        CurrentUser elsewhere = fixture.user(Role.COMMUNE_OFFICER, "commune", fixture.communeCode("12", 16));
        assertThat(mvc.perform(get("/field/households/" + inVillage1.id() + "/photo").with(user(elsewhere))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/field/households/" + inVillage1.id() + "/photo").with(user(helper))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(exportOfCommune()).as("the commune's export keeps its bytes").isEqualTo(exportBefore);
        Map<String, Object> far = send(officer, UUID.randomUUID(), "household.position", inVillage1.id(), null,
                Map.of("lat", 122, "lon", 105.5));
        assertThat(far.get("outcome")).isEqualTo("rejected");
    }

    /** The files inside the commune's exchange-format export (name → text). */
    private Map<String, String> exportOfCommune() throws Exception {
        byte[] zip = mvc.perform(get("/households/export").param("communeId", String.valueOf(inVillage1.communeId()))
                .param("format", "csv").with(user(officer))).andReturn().getResponse().getContentAsByteArray();
        Map<String, String> files = new java.util.TreeMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files).isNotEmpty();
        return files;
    }

    private Map<String, Object> send(CurrentUser who, UUID change, String kind, Long household, Integer base,
                                     Map<String, Object> data) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/field/changes").with(user(who)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(batch(change, kind, household, base, data))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        Map<String, Object> body = read(r, Map.class);
        return ((List<Map<String, Object>>) body.get("results")).get(0);
    }

    private String batch(UUID change, String kind, Long household, Integer base, Map<String, Object> data) {
        Map<String, Object> c = new java.util.LinkedHashMap<>();
        c.put("changeId", change.toString());
        c.put("kind", kind);
        c.put("householdId", household);
        c.put("baseVersion", base);
        c.put("capturedAt", "2026-12-01T08:30:00Z");
        c.put("data", data);
        return json.writeValueAsString(Map.of("deviceId", "test-device", "changes", List.of(c)));
    }

    @SuppressWarnings("unchecked")
    private <T> T read(MvcResult r, Class<?> type) throws Exception {
        return (T) json.readValue(r.getResponse().getContentAsString(StandardCharsets.UTF_8), type);
    }
}
