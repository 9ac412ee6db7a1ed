package vn.giamngheo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@Tag("database")
@SpringBootTest
class LoginSecurityTest {

    @Autowired WebApplicationContext context;
    @Autowired UserAccounts users;
    @Autowired JdbcClient jdbc;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private String newUser() {
        String name = "login" + System.nanoTime() % 10_000_000;
        users.create(name, "dung-mat-khau", "Người thử", Role.MINISTRY_VIEWER, null);
        return name;
    }

    private MvcResult login(String username, String password, MockHttpSession session) throws Exception {
        // from an address of its own: the per-address count of the throttle stays with this test
        return mvc.perform(post("/login").session(session).param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr("10.18.0." + (1 + Math.floorMod(username.hashCode(), 250)));
                    return request;
                })).andReturn();
    }

    @Test
    void passwordsAreStoredOnlyAsBcryptHashes() {
        String name = newUser();
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u").param("u", name).query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain("dung-mat-khau");
    }

    @Test
    void aCorrectPasswordLogsIn() throws Exception {
        String name = newUser();
        assertThat(login(name, "dung-mat-khau", new MockHttpSession()).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void afterFiveFailedLoginsEvenTheRightPasswordWaits() throws Exception {
        String name = newUser();
        for (int i = 0; i < 4; i++) {
            assertThat(login(name, "sai-" + i, new MockHttpSession()).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        }
        assertThat(login(name, "dung-mat-khau", new MockHttpSession()).getResponse().getRedirectedUrl())
                .as("four failures do not lock yet, and a success resets the count").isEqualTo("/");
        for (int i = 0; i < 5; i++) {
            login(name, "sai-" + i, new MockHttpSession());
        }
        assertThat(login(name, "dung-mat-khau", new MockHttpSession()).getResponse().getRedirectedUrl()).isEqualTo("/login?error&wait=2");
        assertThat(jdbc.sql("SELECT blocked_until > now() FROM login_throttle WHERE key = :k").param("k", LoginThrottle.accountKey(name))
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/login")).andReturn().getResponse();
        assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void aLoginFormWithoutCsrfTokenIsRefused() throws Exception {
        String name = newUser();
        assertThat(mvc.perform(post("/login").param("username", name).param("password", "dung-mat-khau"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theMinistryViewerReadsButCannotChange() throws Exception {
        CurrentUser viewer = users.findByUsername(newUser()).orElseThrow();
        assertThat(mvc.perform(get("/households").with(user(viewer))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(post("/api/v1/households").with(user(viewer)).with(csrf()).contentType("application/json")
                .content("{}")).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/audit").with(user(viewer))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theApiIsDescribedByAnOpenApiDocument() throws Exception {
        CurrentUser viewer = users.findByUsername(newUser()).orElseThrow();
        String json = mvc.perform(get("/api/v1/openapi").with(user(viewer))).andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"openapi\"").contains("/api/v1/households").contains("/api/v1/units");
    }
}
