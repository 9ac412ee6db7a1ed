package vn.giamngheo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;

/**
 * Personal access tokens over MockMvc on the embedded PostgreSQL (issue 20 point 6): a token works on GET and POST
 * without CSRF, as its user with his area and nothing more; revoked, expired and unknown tokens are 401 problem
 * details; a session still needs CSRF; a token sent with a session cookie acts alone; creation, first use of the day and
 * revocation are in the audit log; the account page creates (shown once), lists and revokes.
 */
@Tag("database")
@SpringBootTest
class AccessTokenTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired WebApplicationContext context;
    @Autowired UserAccounts users;
    @Autowired AccessTokens tokens;
    @Autowired HouseholdRegistry registry;
    @Autowired JdbcClient jdbc;
    MockMvc mvc;
    RegistryFixture fixture;
    String communeA;
    String communeB;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        fixture = new RegistryFixture(jdbc, users);
        communeA = fixture.communeCode("08", 3);
        communeB = fixture.communeCode("01", 3);
    }

    private static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private String householdJson(String commune) {
        return JsonMapper.builder().build().writeValueAsString(
                RegistryFixture.household(commune, "TOK" + System.nanoTime() % 10_000_000));
    }

    @Test
    void aTokenWorksOnGetAndPostWithoutCsrfAsItsUserAndStaysInHisArea() throws Exception {
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", communeA);
        String token = tokens.create(officer, "máy chủ thống kê", today().plusDays(30)).token();
        assertThat(token).startsWith("gnp_").hasSize(47);
        assertThat(LocalDate.ofInstant(tokens.of(officer.id()).get(0).expiresAt(), VIETNAM)).as("valid to the end of the day chosen")
                .isEqualTo(today().plusDays(30));

        MockHttpServletResponse created = perform(bearer(post("/api/v1/households"), token)
                .contentType(MediaType.APPLICATION_JSON).content(householdJson(communeA)));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        assertThat(created.getCookie("JSESSIONID")).as("no session is opened for a token").isNull();
        long id = JsonMapper.builder().build().readTree(created.getContentAsString()).get("id").asLong();

        MockHttpServletResponse read = perform(bearer(get("/api/v1/households/" + id), token));
        assertThat(read.getStatus()).isEqualTo(200);
        assertThat(read.getContentAsString()).contains(communeA);

        // another province's commune: refused for the token as for a session of the same user
        MockHttpServletResponse outside = perform(bearer(post("/api/v1/households"), token)
                .contentType(MediaType.APPLICATION_JSON).content(householdJson(communeB)));
        assertThat(outside.getStatus()).isIn(400, 403, 404);
        CurrentUser otherOfficer = fixture.user(Role.COMMUNE_OFFICER, "commune", communeB);
        Household elsewhere = registry.create(RegistryFixture.household(communeB, "TOKB" + System.nanoTime() % 100_000),
                otherOfficer);
        assertThat(perform(bearer(get("/api/v1/households/" + elsewhere.id()), token)).getStatus()).isEqualTo(404);
        assertThat(perform(bearer(get("/api/v1/households").param("communeId",
                String.valueOf(fixture.unitId("commune", communeB))), token)).getContentAsString())
                .doesNotContain(elsewhere.householdCode());
        // the administrators' pages stay closed to a commune officer's token
        assertThat(perform(bearer(get("/api/v1/audit"), token)).getStatus()).isEqualTo(403);
    }

    @Test
    void revokedExpiredUnknownAndMalformedTokensAre401ProblemDetails() throws Exception {
        CurrentUser viewer = fixture.user(Role.MINISTRY_VIEWER, null, null);
        String revoked = tokens.create(viewer, "cũ", today().plusDays(5)).token();
        assertThat(perform(bearer(get("/api/v1/units"), revoked)).getStatus()).isEqualTo(200);
        long revokedId = tokens.of(viewer.id()).get(0).id();
        assertThat(tokens.revoke(revokedId, viewer)).isTrue();
        assertThat(tokens.revoke(revokedId, viewer)).as("revoking twice changes nothing").isFalse();

        AccessTokens.Created expiring = tokens.create(viewer, "hết hạn", today().plusDays(1));
        jdbc.sql("UPDATE access_token SET created_at = now() - interval '3 days', expires_at = now() - interval '1 second' WHERE id = :id")
                .param("id", expiring.info().id()).update();

        String unknown = "gnp_" + "A".repeat(43);
        for (String token : new String[] {revoked, expiring.token(), unknown, "gnp_short", "not-a-token"}) {
            for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {get("/api/v1/units"),
                    post("/api/v1/households").contentType(MediaType.APPLICATION_JSON).content("{}")}) {
                MockHttpServletResponse response = perform(bearer(request, token));
                assertThat(response.getStatus()).as(token).isEqualTo(401);
                assertThat(response.getContentType()).startsWith("application/problem+json");
                assertThat(response.getContentAsString()).contains("GN-1010");
            }
        }
    }

    @Test
    void aDisabledAccountsTokensStopWorking() throws Exception {
        CurrentUser viewer = fixture.user(Role.MINISTRY_VIEWER, null, null);
        String token = tokens.create(viewer, "tạm", today().plusDays(5)).token();
        assertThat(perform(bearer(get("/api/v1/units"), token)).getStatus()).isEqualTo(200);
        users.setEnabled(viewer.getUsername(), false);
        assertThat(perform(bearer(get("/api/v1/units"), token)).getStatus()).isEqualTo(401);
    }

    @Test
    void aSessionPostWithoutCsrfIsStill403AndATokenWithASessionCookieActsAlone() throws Exception {
        String admin = "tokadmin" + System.nanoTime() % 100_000_000;
        users.create(admin, "dung-mat-khau-2026", "Quản trị thử", Role.ADMINISTRATOR, null);
        MockHttpSession session = new MockHttpSession();
        assertThat(mvc.perform(post("/login").session(session).param("username", admin)
                .param("password", "dung-mat-khau-2026").with(csrf())).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/");
        assertThat(perform(post("/api/v1/households").session(session).contentType(MediaType.APPLICATION_JSON)
                .content(householdJson(communeA))).getStatus()).as("session without CSRF").isEqualTo(403);
        assertThat(perform(post("/account/tokens").session(session).param("name", "x")
                .param("expires", today().plusDays(3).toString())).getStatus()).as("page form without CSRF").isEqualTo(403);
        // a Bearer header does not exempt a session request: an invalid token is 401 even with the session
        assertThat(perform(bearer(post("/api/v1/households").session(session), "gnp_" + "B".repeat(43))
                .contentType(MediaType.APPLICATION_JSON).content(householdJson(communeA))).getStatus()).isEqualTo(401);
        // the session is the administrator's, the token a ministry viewer's: the request is the viewer's (read only)
        CurrentUser viewer = fixture.user(Role.MINISTRY_VIEWER, null, null);
        String token = tokens.create(viewer, "đọc", today().plusDays(5)).token();
        assertThat(perform(bearer(get("/api/v1/audit"), token).session(session)).getStatus()).isEqualTo(403);
        assertThat(perform(get("/api/v1/audit").session(session)).getStatus()).as("the session itself is untouched")
                .isEqualTo(200);
        // and outside the API the header is ignored: pages stay behind the login
        assertThat(perform(bearer(get("/households"), token)).getStatus()).isEqualTo(302);
    }

    @Test
    void creationFirstUseOfTheDayAndRevocationAreAuditedWithoutTheHash() throws Exception {
        CurrentUser viewer = fixture.user(Role.MINISTRY_VIEWER, null, null);
        AccessTokens.Created created = tokens.create(viewer, "kiểm toán", today().plusDays(10));
        String id = String.valueOf(created.info().id());
        perform(bearer(get("/api/v1/units"), created.token()));
        perform(bearer(get("/api/v1/units"), created.token()));
        tokens.revoke(created.info().id(), viewer);
        var rows = jdbc.sql("""
                        SELECT action || ' ' || username || ' ' || coalesce(after_value ->> 'last_used_at', '-') || ' '
                               || coalesce(after_value ->> 'revoked_by', '-') || ' ' || jsonb_exists(after_value, 'token_hash')
                        FROM audit_log WHERE entity = 'access_token' AND entity_id = :id ORDER BY id""")
                .param("id", id).query(String.class).list();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("CREATE ").endsWith(" - - false");
        assertThat(rows.get(1)).as("the first use of the day, by the token's user")
                .startsWith("UPDATE " + viewer.getUsername() + " 20").endsWith(" - false");
        assertThat(rows.get(2)).startsWith("UPDATE ").contains(" " + viewer.getUsername() + " false");
        assertThat(tokens.byId(created.info().id()).orElseThrow().lastUsedAt()).isNotNull();
        // the database keeps only the hash
        assertThat(jdbc.sql("SELECT count(*) FROM access_token WHERE encode(token_hash, 'escape') LIKE '%' || :t || '%'")
                .param("t", created.token().substring(4, 20)).query(Long.class).single()).isZero();
    }

    @Test
    void theAccountPageCreatesShowsOnceListsAndRevokes() throws Exception {
        String name = "tokpage" + System.nanoTime() % 100_000_000;
        users.create(name, "dung-mat-khau-2026", "Người thử mã", Role.PROVINCE_OFFICER, fixture.unitId("province", "08"));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).param("username", name).param("password", "dung-mat-khau-2026").with(csrf()));

        // refused: no name, past expiry, more than a year
        for (String[] bad : new String[][] {{"", today().plusDays(3).toString(), "token.error.name"},
                {"x", today().toString(), "token.error.expiresPast"},
                {"x", today().plusDays(366).toString(), "token.error.expiresYear"},
                {"x", "31/12/2026", "token.error.expires"}}) {
            var result = mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", bad[0])
                    .param("expires", bad[1])).andReturn();
            assertThat(result.getFlashMap().get("problems")).as(bad[2]).isEqualTo(java.util.List.of(bad[2]));
        }
        assertThat(tokens.of(users.findByUsername(name).orElseThrow().id())).isEmpty();

        var result = mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "Báo cáo tỉnh")
                .param("expires", today().plusDays(365).toString())).andReturn();
        String token = (String) result.getFlashMap().get("createdToken");
        assertThat(token).startsWith("gnp_");
        String page = perform(get("/account/tokens").session(session).param("lang", "vi")).getContentAsString();
        assertThat(page).contains(token).contains("Báo cáo tỉnh").contains("Tạo mã truy cập").contains("chưa dùng");
        String again = perform(get("/account/tokens").session(session)).getContentAsString();
        assertThat(again).as("shown once").doesNotContain(token).contains("Báo cáo tỉnh");
        assertThat(perform(bearer(get("/api/v1/units"), token)).getStatus()).isEqualTo(200);

        long id = tokens.of(users.findByUsername(name).orElseThrow().id()).get(0).id();
        // another user cannot revoke it from his page
        String other = "tokother" + System.nanoTime() % 100_000_000;
        users.create(other, "dung-mat-khau-2026", "Người khác", Role.PROVINCE_OFFICER, fixture.unitId("province", "08"));
        MockHttpSession otherSession = new MockHttpSession();
        mvc.perform(post("/login").session(otherSession).param("username", other).param("password", "dung-mat-khau-2026").with(csrf()));
        mvc.perform(post("/account/tokens/" + id + "/revoke").session(otherSession).with(csrf()));
        assertThat(perform(bearer(get("/api/v1/units"), token)).getStatus()).isEqualTo(200);
        assertThat(perform(get("/admin/tokens").session(otherSession)).getStatus()).isEqualTo(403);

        mvc.perform(post("/account/tokens/" + id + "/revoke").session(session).with(csrf()));
        assertThat(perform(bearer(get("/api/v1/units"), token)).getStatus()).isEqualTo(401);
        String english = perform(get("/account/tokens").session(session).param("lang", "en")).getContentAsString();
        assertThat(english).contains("revoked").contains("Create access token");
    }

    @Test
    void anAdministratorSeesAndRevokesEveryonesTokens() throws Exception {
        CurrentUser viewer = fixture.user(Role.MINISTRY_VIEWER, null, null);
        AccessTokens.Created created = tokens.create(viewer, "của người khác", today().plusDays(10));
        String admin = "tokadm" + System.nanoTime() % 100_000_000;
        users.create(admin, "dung-mat-khau-2026", "Quản trị", Role.ADMINISTRATOR, null);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).param("username", admin).param("password", "dung-mat-khau-2026").with(csrf()));
        String page = perform(get("/admin/tokens").session(session)).getContentAsString();
        assertThat(page).contains("của người khác").contains(viewer.getUsername()).doesNotContain(created.token());
        mvc.perform(post("/admin/tokens/" + created.info().id() + "/revoke").session(session).with(csrf()));
        assertThat(tokens.byId(created.info().id()).orElseThrow().revokedBy()).isEqualTo(admin);
        assertThat(perform(bearer(get("/api/v1/units"), created.token())).getStatus()).isEqualTo(401);
    }

    @Test
    void theRulesOfANewToken() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        Object[][] cases = {
            {"ok", today.plusDays(1), java.util.List.of()},
            {"ok", today.plusDays(365), java.util.List.of()},
            {"ok", today.plusDays(366), java.util.List.of("token.error.expiresYear")},
            {"ok", today, java.util.List.of("token.error.expiresPast")},
            {"ok", null, java.util.List.of("token.error.expires")},
            {"  ", today.plusDays(3), java.util.List.of("token.error.name")},
            {"x".repeat(101), today.plusDays(3), java.util.List.of("token.error.nameLength")},
            {null, null, java.util.List.of("token.error.name", "token.error.expires")},
        };
        for (Object[] c : cases) {
            assertThat(AccessTokens.problems((String) c[0], (LocalDate) c[1], today)).as(String.valueOf(c[0]) + c[1])
                    .isEqualTo(c[2]);
        }
        assertThat(AccessTokens.wellFormed("gnp_" + "a".repeat(43))).isTrue();
        assertThat(AccessTokens.wellFormed("gnp_" + "a".repeat(42) + "=")).isFalse();
        assertThat(AccessTokens.wellFormed("gnp_" + "a".repeat(42) + "é")).isFalse();
        assertThat(AccessTokens.wellFormed("ghp_" + "a".repeat(43))).isFalse();
    }
}
