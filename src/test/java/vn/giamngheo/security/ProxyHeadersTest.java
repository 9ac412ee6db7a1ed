package vn.giamngheo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP behind a trusted proxy (this test's client address, 127.0.0.1): a request the proxy received over
 * HTTPS ({@code X-Forwarded-Proto: https}) gets HSTS and a Secure session cookie; a plain one gets neither.
 * The opposite case — the same header from an address that is not a trusted proxy — is in {@link SessionFixationTest}.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "giamngheo.proxy.trusted=127.0.0.1/32, ::1/128")
class ProxyHeadersTest {

    @LocalServerPort int port;

    static HttpResponse<String> loginPage(int port, String forwardedProto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto).header("X-Forwarded-For", "203.0.113.7");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void httpsAtTheTrustedProxyGivesHstsAndSecureCookies() throws Exception {
        HttpResponse<String> https = loginPage(port, "https");
        assertThat(https.statusCode()).isEqualTo(200);
        assertThat(https.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        assertThat(https.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));

        HttpResponse<String> plain = loginPage(port, null);
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).contains("Secure"));
    }
}
