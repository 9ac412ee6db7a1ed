package vn.giamngheo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.household.RegistryFixture;

/**
 * Issue 17 part A over MockMvc on the embedded PostgreSQL: the login throttle under parallel attempts, sessions that end
 * with their account, the forced password change, CSRF whatever the headers. Every test logs in from its own address,
 * so the per-address count of one test does not reach another.
 */
@Tag("database")
@SpringBootTest
class AccountSafetyTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final String PASSWORD = "dung-mat-khau-2026";

    @Autowired WebApplicationContext context;
    @Autowired UserAccounts users;
    @Autowired JdbcClient jdbc;
    MockMvc mvc;
    String address;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        int n = ADDRESSES.incrementAndGet() + (int) (System.nanoTime() % 200) * 300;
        address = "10.17." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    private RequestPostProcessor from(String remote) {
        return request -> {
            request.setRemoteAddr(remote);
            return request;
        };
    }

    private String newUser(Role role) {
        String name = "safe" + System.nanoTime() % 100_000_000;
        users.create(name, PASSWORD, "Người thử", role, null);
        return name;
    }

    private String login(String username, String password, MockHttpSession session) throws Exception {
        return mvc.perform(post("/login").session(session).param("username", username).param("password", password)
                .with(csrf()).with(from(address))).andReturn().getResponse().getRedirectedUrl();
    }

    private MockHttpSession loggedIn(String username) throws Exception {
        MockHttpSession session = new MockHttpSession();
        assertThat(login(username, PASSWORD, session)).isEqualTo("/");
        return session;
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        return mvc.perform(request.session(session).with(from(address))).andReturn().getResponse();
    }

    // ---- throttle ----

    @Test
    void fortyParallelWrongPasswordsAreNotAllChecked() throws Exception {
        String name = newUser(Role.MINISTRY_VIEWER);
        List<String> outcomes = parallel(40, i -> login(name, "sai-" + i, new MockHttpSession()));
        long checked = outcomes.stream().filter("/login?error"::equals).count();
        long refused = outcomes.stream().filter(u -> u.startsWith("/login?error&wait=")).count();
        assertThat(checked + refused).isEqualTo(40);
        assertThat(checked).as("the free attempts are checked, the others wait (%s)", outcomes).isBetween(5L, 8L);
    }

    @Test
    void theRightPasswordAfterNineteenParallelWrongOnesIsRefusedDuringTheWait() throws Exception {
        String name = newUser(Role.MINISTRY_VIEWER);
        parallel(19, i -> login(name, "sai-" + i, new MockHttpSession()));
        assertThat(login(name, PASSWORD, new MockHttpSession())).startsWith("/login?error&wait=");
        assertThat(jdbc.sql("SELECT blocked_until > now() FROM login_throttle WHERE key = :k")
                .param("k", LoginThrottle.accountKey(name)).query(Boolean.class).single()).isTrue();
    }

    @Test
    void theWaitGrowsAndEndsAndASuccessStartsAgain() throws Exception {
        String name = newUser(Role.MINISTRY_VIEWER);
        for (int i = 0; i < 4; i++) {
            assertThat(login(name, "sai-" + i, new MockHttpSession())).isEqualTo("/login?error");
        }
        assertThat(login(name, PASSWORD, new MockHttpSession())).as("four failures: no wait yet").isEqualTo("/");
        for (int i = 0; i < 5; i++) {
            assertThat(login(name, "sai-" + i, new MockHttpSession())).isEqualTo("/login?error");
        }
        assertThat(login(name, PASSWORD, new MockHttpSession())).isEqualTo("/login?error&wait=2");
        // the wait ends: pretend it is over, the next failure waits twice as long
        jdbc.sql("UPDATE login_throttle SET blocked_until = now() - interval '1 second' WHERE key = :k")
                .param("k", LoginThrottle.accountKey(name)).update();
        assertThat(login(name, "sai-x", new MockHttpSession())).isEqualTo("/login?error");
        assertThat(login(name, PASSWORD, new MockHttpSession())).isEqualTo("/login?error&wait=4");
        jdbc.sql("UPDATE login_throttle SET blocked_until = now() - interval '1 second' WHERE key = :k")
                .param("k", LoginThrottle.accountKey(name)).update();
        assertThat(login(name, PASSWORD, new MockHttpSession())).isEqualTo("/");
        assertThat(jdbc.sql("SELECT count(*) FROM login_throttle WHERE key = :k").param("k", LoginThrottle.accountKey(name))
                .query(Integer.class).single()).as("a success starts the account again").isZero();
    }

    @Test
    void oneAddressGuessingManyAccountsWaitsToo() throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            outcomes.add(login(newUser(Role.MINISTRY_VIEWER), "sai", new MockHttpSession()));
        }
        assertThat(outcomes.subList(0, 20)).containsOnly("/login?error");
        assertThat(outcomes.get(20)).startsWith("/login?error&wait=");
        String other = newUser(Role.MINISTRY_VIEWER);
        assertThat(login(other, PASSWORD, new MockHttpSession())).as("the address waits, whatever the account")
                .startsWith("/login?error&wait=");
        address = "10.99.0." + (ADDRESSES.incrementAndGet() % 250 + 1);
        assertThat(login(other, PASSWORD, new MockHttpSession())).as("another address does not wait").isEqualTo("/");
    }

    @Test
    void httpBasicGoesThroughTheSameThrottle() throws Exception {
        String name = newUser(Role.MINISTRY_VIEWER);
        for (int i = 0; i < 5; i++) {
            assertThat(basic(name, "sai-" + i)).isEqualTo(401);
        }
        assertThat(basic(name, PASSWORD)).as("the right password during the wait").isEqualTo(401);
        assertThat(jdbc.sql("SELECT failures FROM login_throttle WHERE key = :k").param("k", LoginThrottle.accountKey(name))
                .query(Integer.class).single()).as("counted once each, the refused attempt not").isEqualTo(5);
    }

    private int basic(String name, String password) throws Exception {
        String header = java.util.Base64.getEncoder().encodeToString((name + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return mvc.perform(get("/api/v1/parameters").with(from(address)).header("Authorization", "Basic " + header))
                .andReturn().getResponse().getStatus();
    }

    // ---- sessions ----

    @Test
    void aDisabledAccountsOpenSessionEndsAndItsPostDoesNothing() throws Exception {
        String name = newUser(Role.MINISTRY_VIEWER);
        MockHttpSession session = loggedIn(name);
        assertThat(perform(get("/households"), session).getStatus()).isEqualTo(200);
        String hash = hash(name);

        users.setEnabled(name, false);

        MockHttpServletResponse post = perform(post("/account/password").with(csrf()).param("current", PASSWORD)
                .param("password", "mot-mat-khau-moi-dai").param("repeat", "mot-mat-khau-moi-dai"), session);
        assertThat(post.getRedirectedUrl()).isEqualTo("/login?ended");
        assertThat(hash(name)).as("the POST did nothing").isEqualTo(hash);
        assertThat(session.isInvalid()).isTrue();
        MockHttpSession again = new MockHttpSession();
        assertThat(login(name, PASSWORD, again)).isEqualTo("/login?error");
    }

    @Test
    void theApiAnswers401OnceTheAccountIsDisabled() throws Exception {
        String name = newUser(Role.MINISTRY_VIEWER);
        MockHttpSession session = loggedIn(name);
        assertThat(perform(get("/api/v1/parameters"), session).getStatus()).isEqualTo(200);
        users.setEnabled(name, false);
        MockHttpServletResponse response = perform(get("/api/v1/parameters"), session);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("session ended");
    }

    @Test
    void aPasswordResetEndsTheSessionsAndForcesAChangeAtTheNextLogin() throws Exception {
        String name = newUser(Role.MINISTRY_VIEWER);
        MockHttpSession session = loggedIn(name);
        assertThat(users.resetPassword(name, "dat-boi-quan-tri-2026")).isTrue();
        assertThat(perform(get("/households"), session).getRedirectedUrl()).isEqualTo("/login?ended");

        MockHttpSession fresh = new MockHttpSession();
        assertThat(login(name, "dat-boi-quan-tri-2026", fresh)).isEqualTo("/");
        assertThat(perform(get("/households"), fresh).getRedirectedUrl()).isEqualTo("/account/password");
        MockHttpServletResponse api = perform(get("/api/v1/parameters"), fresh);
        assertThat(api.getStatus()).isEqualTo(403);
        assertThat(api.getContentAsString()).contains("password change required");
        assertThat(perform(get("/account/password"), fresh).getContentAsString()).contains("id=\"password-required\"");

        MockHttpServletResponse weak = perform(post("/account/password").with(csrf()).param("current", "dat-boi-quan-tri-2026")
                .param("password", "password2026").param("repeat", "password2026"), fresh);
        assertThat(weak.getRedirectedUrl()).isEqualTo("/account/password");
        assertThat(perform(get("/households"), fresh).getRedirectedUrl()).as("a refused change changes nothing")
                .isEqualTo("/account/password");

        MockHttpServletResponse changed = perform(post("/account/password").with(csrf()).param("current", "dat-boi-quan-tri-2026")
                .param("password", "ruong bac thang mua lua").param("repeat", "ruong bac thang mua lua"), fresh);
        assertThat(changed.getRedirectedUrl()).isEqualTo("/account/password");
        assertThat(perform(get("/households"), fresh).getStatus()).as("this session goes on").isEqualTo(200);
        assertThat(perform(get("/api/v1/parameters"), fresh).getStatus()).isEqualTo(200);
        String audit = jdbc.sql("SELECT after_value::text FROM audit_log WHERE entity = 'app_user' AND action = 'UPDATE' "
                + "AND after_value ->> 'username' = :u ORDER BY id DESC LIMIT 1").param("u", name).query(String.class).single();
        assertThat(audit).contains("\"must_change_password\": false").doesNotContain("$2");
    }

    @Test
    void changingOnesOwnPasswordEndsEveryOtherSession() throws Exception {
        String name = newUser(Role.MINISTRY_VIEWER);
        MockHttpSession first = loggedIn(name);
        MockHttpSession second = loggedIn(name);
        MockHttpServletResponse changed = perform(post("/account/password").with(csrf()).param("current", PASSWORD)
                .param("password", "nuoc chay da mon 2026").param("repeat", "nuoc chay da mon 2026"), first);
        assertThat(changed.getRedirectedUrl()).isEqualTo("/account/password");
        assertThat(perform(get("/households"), second).getRedirectedUrl()).isEqualTo("/login?ended");
        assertThat(perform(get("/households"), first).getStatus()).isEqualTo(200);
    }

    @Test
    void theChangePageRefusesAWrongCurrentPasswordAndTwoDifferentEntries() throws Exception {
        String name = newUser(Role.MINISTRY_VIEWER);
        MockHttpSession session = loggedIn(name);
        var result = mvc.perform(post("/account/password").session(session).with(from(address)).with(csrf())
                .param("current", "khong-dung").param("password", "mot cau rat dai 1").param("repeat", "mot cau rat dai 2")).andReturn();
        assertThat(result.getFlashMap().get("problems")).asList()
                .containsExactly("password.error.current", "password.error.repeat");
        assertThat(users.passwordMatches(name, PASSWORD)).isTrue();
    }

    @Test
    void guessingTheCurrentPasswordOnTheChangePageIsThrottledLikeALogin() throws Exception {
        String name = newUser(Role.MINISTRY_VIEWER);
        MockHttpSession session = loggedIn(name);
        for (int i = 0; i < 5; i++) {
            var wrong = mvc.perform(post("/account/password").session(session).with(from(address)).with(csrf())
                    .param("current", "doan-" + i).param("password", "mot cau rat dai 1").param("repeat", "mot cau rat dai 1")).andReturn();
            assertThat(wrong.getFlashMap().get("problems")).asList().containsExactly("password.error.current");
        }
        var refused = mvc.perform(post("/account/password").session(session).with(from(address)).with(csrf())
                .param("current", PASSWORD).param("password", "mot cau rat dai 1").param("repeat", "mot cau rat dai 1")).andReturn();
        assertThat(refused.getFlashMap().get("problems")).asList().containsExactly("password.error.wait");
        assertThat(users.passwordMatches(name, PASSWORD)).as("not changed during the wait").isTrue();
    }

    // ---- CSRF ----

    @Test
    void anAuthorizationHeaderNoLongerSkipsCsrf() throws Exception {
        String name = newUser(Role.MINISTRY_VIEWER);
        String basic = java.util.Base64.getEncoder().encodeToString((name + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        MockHttpServletResponse response = mvc.perform(post("/api/v1/escape/organisations").with(from(address))
                .header("Authorization", "Basic " + basic).contentType("application/json").content("{}")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/parameters").with(from(address)).header("Authorization", "Basic " + basic))
                .andReturn().getResponse().getStatus()).as("reading with Basic still works").isEqualTo(200);
    }

    // ---- login page ----

    @Test
    void theLoginPageWarnsWhileDemonstrationAccountsExist(@Autowired DemonstrationAccounts demonstration) throws Exception {
        if (!users.exists("xa2")) {
            users.create("xa2", DemonstrationAccounts.PUBLISHED_PASSWORD, "Cán bộ xã (trình diễn)", Role.MINISTRY_VIEWER, null);
        }
        users.setEnabled("xa2", true);
        demonstration.forget();
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString()).contains("id=\"demo-banner\"");
        users.setEnabled("xa2", false);
        demonstration.forget();
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString()).doesNotContain("id=\"demo-banner\"");
    }

    @Test
    void theAdministratorsPasswordMustFollowThePolicy() throws Exception {
        var admin = new RegistryFixture(jdbc, users).user(Role.ADMINISTRATOR, null, null);
        String name = "pol" + System.nanoTime() % 1_000_000;
        var result = mvc.perform(post("/admin/users").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(admin)).with(csrf()).param("username", name)
                .param("fullName", "Người thử").param("role", "MINISTRY_VIEWER").param("unitLevel", "")
                .param("unitCode", "").param("password", "qwerty123456")).andReturn();
        assertThat(result.getFlashMap().get("problems")).asList().containsExactly(PasswordRules.COMMON);
        assertThat(users.exists(name)).isFalse();
    }

    private String hash(String name) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u").param("u", name).query(String.class).single();
    }

    interface Attempt {
        String run(int i) throws Exception;
    }

    private static List<String> parallel(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<String> task = () -> {
                    start.await();
                    return attempt.run(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
