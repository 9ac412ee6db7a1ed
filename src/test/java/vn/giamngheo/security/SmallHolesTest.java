package vn.giamngheo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.importing.HouseholdImport;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.InvalidHouseholdException;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.review.Application;
import vn.giamngheo.review.ApplicationForm;
import vn.giamngheo.review.ReviewApplications;
import vn.giamngheo.review.ReviewRefusedException;
import vn.giamngheo.system.DatabaseOwner;

/**
 * Issue 17, the small holes: a helper cannot read an ended assignment through the API; one open application per
 * household and form, also when received in parallel; a registered identity number is answered without naming its
 * household or unit (create, edit, API, import); masked roles cannot find a household by a full identity number.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmallHolesTest {

    /** the owner (ADR 0009): the guards below are checked beneath the grants, which refuse the application first */
    @Autowired DatabaseOwner databaseOwner;
    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired ReviewApplications applications;
    @Autowired HouseholdImport importer;
    @Autowired MessageSource messages;
    @Autowired javax.sql.DataSource dataSource;

    MockMvc mvc;
    RegistryFixture fixture;
    String communeA;
    String communeB;
    CurrentUser officerA;
    CurrentUser officerB;
    Household householdA;
    String idNumberA;

    @BeforeAll
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        fixture = new RegistryFixture(jdbc, users);
        communeA = fixture.communeCode("08", 51);
        communeB = fixture.communeCode("08", 52);
        officerA = fixture.user(Role.COMMUNE_OFFICER, "commune", communeA);
        officerB = fixture.user(Role.COMMUNE_OFFICER, "commune", communeB);
        householdA = registry.create(RegistryFixture.household(communeA, "HOLEA" + System.nanoTime() % 100_000), officerA);
        idNumberA = householdA.members().get(0).idNumber();
    }

    // --- 4. ended assignments closed to their helper

    @Test
    void aHelperCannotReadAnEndedAssignmentThroughTheApi() throws Exception {
        CurrentUser helper = fixture.user(Role.HELPER, "commune", communeA);
        Household h = registry.create(RegistryFixture.household(communeA, "HELP" + System.nanoTime() % 100_000), officerA);
        long organisation = jdbc.sql("""
                        INSERT INTO helper_organisation (province_code, unit_id, kind, name, created_by)
                        VALUES ('08', :u, 'womens_union', 'Hội Phụ nữ thử ' || :n, 'test') RETURNING id""")
                .param("u", h.communeId()).param("n", System.nanoTime()).query(Long.class).single();
        long assignment = jdbc.sql("""
                        INSERT INTO helper_assignment (province_code, household_id, commune_id, organisation_id, helper_name,
                            helper_user_id, assigned_on, created_by)
                        VALUES (:p, :h, :c, :o, 'Người giúp', :u, DATE '2026-01-05', 'test') RETURNING id""")
                .param("p", h.provinceCode()).param("h", h.id()).param("c", h.communeId()).param("o", organisation)
                .param("u", helper.id()).query(Long.class).single();
        String url = "/api/v1/escape/assignments/" + assignment;
        assertThat(mvc.perform(get(url).with(user(helper))).andReturn().getResponse().getStatus()).isEqualTo(200);

        MockHttpServletResponse ended = mvc.perform(post(url + "/end").with(user(officerA)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"chuyển đi\"}")).andReturn().getResponse();
        assertThat(ended.getStatus()).as(ended.getContentAsString()).isEqualTo(200);

        MockHttpServletResponse read = mvc.perform(get(url).with(user(helper))).andReturn().getResponse();
        assertThat(read.getStatus()).as("an ended assignment is closed to its helper").isEqualTo(404);
        assertThat(read.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(h.householdCode());
        assertThat(mvc.perform(get("/escape/households/" + h.id()).with(user(helper))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        MockHttpServletResponse visit = mvc.perform(post(url + "/visits").with(user(helper)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"visitedOn\": \"2026-02-01\", \"note\": \"thăm\"}"))
                .andReturn().getResponse();
        assertThat(visit.getStatus()).isIn(403, 404);
        // the officer still reads it
        assertThat(mvc.perform(get(url).with(user(officerA))).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    // --- 5. one open application per household and form

    @Test
    void parallelApplicationsOfOneHouseholdStoreOnlyOne() throws Exception {
        Household h = registry.create(RegistryFixture.household(communeA, "APPL" + System.nanoTime() % 100_000), officerA);
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                go.await();
                try {
                    return applications.receive(new ApplicationForm(h.id(), "01", LocalDate.of(2026, 10, 5), "in_person",
                            "Người nộp " + n, null), officerA);
                } catch (ReviewRefusedException e) {
                    return e;
                }
            }));
        }
        go.countDown();
        int stored = 0;
        List<String> refusals = new ArrayList<>();
        for (Future<Object> f : results) {
            Object r = f.get(2, TimeUnit.MINUTES);
            if (r instanceof Application) {
                stored++;
            } else {
                refusals.add(((ReviewRefusedException) r).refusals().get(0).key());
            }
        }
        pool.shutdown();
        assertThat(stored).isEqualTo(1);
        assertThat(refusals).hasSize(threads - 1).containsOnly("review.refused.applicationOpen");
        assertThat(jdbc.sql("SELECT count(*) FROM review_application WHERE household_id = :h").param("h", h.id())
                .query(Long.class).single()).isEqualTo(1);

        // later, one by one: refused with a clear message in both languages; the other form is still accepted
        assertThatThrownBy(() -> applications.receive(new ApplicationForm(h.id(), "01", LocalDate.of(2026, 10, 6),
                "post", "Người khác", null), officerA)).isInstanceOfSatisfying(ReviewRefusedException.class, e -> {
                    var refusal = e.refusals().get(0);
                    String vi = messages.getMessage(refusal.key(), refusal.args().toArray(), Locale.forLanguageTag("vi"));
                    String en = messages.getMessage(refusal.key(), refusal.args().toArray(), Locale.ENGLISH);
                    assertThat(vi).contains(h.householdCode()).contains("đang mở");
                    assertThat(en).contains(h.householdCode()).contains("already has an open application");
                });
        // the database itself refuses a second open one, whatever the code does
        assertThatThrownBy(() -> jdbc.sql("""
                        INSERT INTO review_application (province_code, commune_id, household_id, form, received_on, channel,
                            applicant, due_on, created_by)
                        VALUES (:p, :c, :h, '01', DATE '2026-10-07', 'post', 'x', DATE '2026-11-01', 'test')""")
                .param("p", h.provinceCode()).param("c", h.communeId()).param("h", h.id()).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        // once answered, a new one is accepted
        long first = jdbc.sql("SELECT id FROM review_application WHERE household_id = :h").param("h", h.id())
                .query(Long.class).single();
        applications.answer(first, "Đã trả lời bằng văn bản.", officerA);
        assertThat(applications.receive(new ApplicationForm(h.id(), "01", LocalDate.of(2026, 10, 8), "online",
                "Người nộp lại", null), officerA).status()).isEqualTo("received");
    }

    /**
     * The migration V32 on a table that already holds duplicates (the index dropped and the script run again in a
     * transaction that is rolled back): per household and form the application in a round (else the earliest)
     * stays open, the others are answered as its duplicates; each form is taken on its own.
     */
    @Test
    void theMigrationClosesExistingDuplicatesBeforeItAddsTheIndex() throws Exception {
        Household h = registry.create(RegistryFixture.household(communeA, "MIGR" + System.nanoTime() % 100_000), officerA);
        String script = new String(getClass().getResourceAsStream(
                "/db/migration/V32__one_open_application_per_household.sql").readAllBytes(), StandardCharsets.UTF_8);
        try (java.sql.Connection c = databaseOwner.dataSource().getConnection()) { // DDL: the owner (ADR 0009)
            c.setAutoCommit(false);
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("DROP INDEX review_application_one_open_idx");
                String insert = "INSERT INTO review_application (province_code, commune_id, household_id, form, received_on,"
                        + " channel, applicant, due_on, created_by, status) VALUES ('" + h.provinceCode() + "', " + h.communeId()
                        + ", " + h.id() + ", '%s', DATE '%s', 'post', 'x', DATE '2026-11-30', 'test', '%s') RETURNING id";
                long later = id(st, String.format(insert, "01", "2026-10-05", "received"));
                long earlier = id(st, String.format(insert, "01", "2026-10-03", "received"));
                long inRound = id(st, String.format(insert, "01", "2026-10-07", "in_round"));
                long otherForm = id(st, String.format(insert, "04", "2026-10-04", "received"));
                long otherEarlier = id(st, String.format(insert, "04", "2026-10-01", "received"));
                st.execute(script);
                assertThat(status(st, inRound)).isEqualTo("in_round");
                assertThat(status(st, later)).isEqualTo("answered");
                assertThat(status(st, earlier)).isEqualTo("answered");
                assertThat(status(st, otherEarlier)).isEqualTo("received");
                assertThat(status(st, otherForm)).isEqualTo("answered");
                try (java.sql.ResultSet rs = st.executeQuery("SELECT answer FROM review_application WHERE id = " + later)) {
                    rs.next();
                    assertThat(rs.getString(1)).contains("Trùng với đơn số " + inRound).contains("Duplicate of application " + inRound);
                }
            } finally {
                c.rollback();
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM pg_indexes WHERE indexname = 'review_application_one_open_idx'")
                .query(Long.class).single()).isEqualTo(1);
    }

    private static long id(java.sql.Statement st, String sql) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String status(java.sql.Statement st, long id) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = st.executeQuery("SELECT status FROM review_application WHERE id = " + id)) {
            rs.next();
            return rs.getString(1);
        }
    }

    // --- 6. a registered identity number is answered without naming its household

    @Test
    void aRegisteredIdentityNumberIsAnsweredWithoutItsHousehold() throws Exception {
        HouseholdForm form = RegistryFixture.household(communeB, "HOLEB" + System.nanoTime() % 100_000);
        form.getMembers().get(0).setIdNumber(idNumberA);
        // create (service and page share the validator)
        assertThatThrownBy(() -> registry.create(form, officerB)).isInstanceOfSatisfying(InvalidHouseholdException.class,
                e -> {
                    var p = e.problems().stream().filter(x -> x.field().endsWith("idNumber")).findFirst().orElseThrow();
                    assertThat(p.messageKey()).isEqualTo("validation.id-number-taken");
                    for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
                        String text = messages.getMessage(p.messageKey(), p.args().toArray(), locale);
                        assertThat(text).containsAnyOf("Hãy hỏi cán bộ cấp tỉnh", "Ask your province")
                                .doesNotContain(householdA.householdCode()).doesNotContain("hộ khác")
                                .doesNotContain("another household");
                    }
                });
        // edit of B's own household with A's number
        Household own = registry.create(RegistryFixture.household(communeB, "HOLEC" + System.nanoTime() % 100_000), officerB);
        HouseholdForm edit = HouseholdForm.of(own);
        edit.getMembers().get(1).setIdNumber(idNumberA);
        assertThatThrownBy(() -> registry.update(own.id(), edit, officerB)).isInstanceOf(InvalidHouseholdException.class);

        // API
        String body = mvc.perform(post("/api/v1/households").with(user(officerB)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JsonMapper.builder().build().writeValueAsString(form)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).containsAnyOf("đã được đăng ký. Hãy hỏi cán bộ cấp tỉnh", "is already registered. Ask your province")
                .doesNotContain(householdA.householdCode())
                .doesNotContain(communeA);

        // import
        String households = "household_code,commune_code,income_per_capita,housing_quality,floor_area_m2,water_source,toilet,internet_use\n"
                + "IMPB1," + communeB + ",1200000,semi_durable,30,drilled_well,semi_septic,yes\n";
        String members = "household_code,commune_code,member_no,full_name,id_number,birth_date,sex,ethnicity,relation,employment,"
                + "working_capacity,health_insurance,education,in_school\n"
                + "IMPB1," + communeB + ",1,Lò Văn Nhập," + idNumberA + ",1980,male,Thái,head,self_employed,yes,yes,primary,no\n";
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(officerB, null, officerB.getAuthorities()));
        HouseholdImport.Result result;
        try {
            result = importer.importFiles(2026, "h.csv", new ByteArrayInputStream(households.getBytes(StandardCharsets.UTF_8)),
                    "m.csv", new ByteArrayInputStream(members.getBytes(StandardCharsets.UTF_8)), officerB, p -> { });
        } finally {
            SecurityContextHolder.clearContext();
        }
        ExchangeProblem problem = result.problems().stream().filter(p -> "exchange.id-number-registered".equals(p.code()))
                .findFirst().orElseThrow(() -> new AssertionError(result.problems().toString()));
        for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
            assertThat(messages.getMessage(problem.code(), problem.args().toArray(), locale))
                    .containsAnyOf("Hãy hỏi cán bộ cấp tỉnh", "Ask your province").doesNotContain(householdA.householdCode());
        }
        assertThat(problem.message()).contains("ask your province").doesNotContain(householdA.householdCode());
    }

    // --- 6. masked roles cannot find a household by a full identity number

    @Test
    void maskedRolesCannotSearchByAFullIdentityNumber() throws Exception {
        CurrentUser province = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        CurrentUser ministry = fixture.user(Role.MINISTRY_VIEWER, null, null);
        for (String path : List.of("/api/v1/households?q=" + idNumberA, "/households?q=" + idNumberA)) {
            assertThat(mvc.perform(get(path).with(user(officerA))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .as("the commune officer finds it: %s", path).contains(householdA.householdCode());
            for (CurrentUser masked : List.of(province, ministry)) {
                MockHttpServletResponse r = mvc.perform(get(path).with(user(masked))).andReturn().getResponse();
                assertThat(r.getStatus()).isEqualTo(200);
                assertThat(r.getContentAsString(StandardCharsets.UTF_8)).as("%s as %s", path, masked.role())
                        .doesNotContain(householdA.householdCode());
            }
        }
        // the household code still finds it for them
        assertThat(mvc.perform(get("/api/v1/households?q=" + householdA.householdCode()).with(user(province))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(householdA.householdCode());
    }
}
