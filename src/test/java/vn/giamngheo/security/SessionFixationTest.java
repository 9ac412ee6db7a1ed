package vn.giamngheo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Over real HTTP: the session id given before login is not the one used after it. */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionFixationTest {

    @LocalServerPort int port;
    @Autowired UserAccounts users;

    @Test
    void theSessionIdChangesAtLogin() throws Exception {
        String name = "fixation" + System.nanoTime() % 10_000_000;
        users.create(name, "dung-mat-khau", "Người thử", Role.MINISTRY_VIEWER, null);
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;

        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String before = session(cookies);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        String form = "username=" + name + "&password=dung-mat-khau&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(before).isNotNull();
        assertThat(session(cookies)).isNotNull().isNotEqualTo(before);
    }

    @Test
    void forwardedHeadersFromAnAddressThatIsNoTrustedProxyAreIgnored() throws Exception {
        // no giamngheo.proxy.trusted by default: a client cannot claim HTTPS (or another address) with a header
        HttpResponse<String> response = ProxyHeadersTest.loginPage(port, "https");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(response.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).contains("Secure"));
    }

    private static String session(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
