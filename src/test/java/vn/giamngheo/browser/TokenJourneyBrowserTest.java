package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Issue 20 point 6 in a browser: a ministry viewer opens "Mã truy cập" from the header, creates a token, copies it
 * from the page (shown once), a program uses it on the API; he revokes it and the program is refused (401).
 */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenJourneyBrowserTest {

    @LocalServerPort int port;
    @Autowired UserAccounts users;

    private int api(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/units?level=province"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aUserCreatesUsesAndRevokesAnAccessToken() throws Exception {
        String name = "matruycap" + System.nanoTime() % 100000;
        users.create(name, "song lo chay qua 2026", "Lý Thị Mai", Role.MINISTRY_VIEWER, null);
        ChromeDriver driver = Browser.start();
        try {
            String base = "http://localhost:" + port;
            driver.get(base + "/login");
            driver.findElement(By.id("username")).sendKeys(name);
            driver.findElement(By.id("password")).sendKeys("song lo chay qua 2026");
            Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));
            Browser.clickAndWaitForNextPage(driver, By.id("tokens-link"));
            assertThat(driver.getCurrentUrl()).isEqualTo(base + "/account/tokens");
            assertThat(driver.findElement(By.id("token-none")).getText()).isEqualTo("Bạn chưa có mã truy cập nào.");

            driver.findElement(By.id("token-name")).sendKeys("Bảng tính báo cáo tháng");
            Browser.clickAndWaitForNextPage(driver, By.id("token-submit"));
            String token = driver.findElement(By.id("token-value")).getText();
            assertThat(token).startsWith("gnp_").hasSize(47);
            assertThat(driver.findElement(By.id("tokens-table")).getText()).contains("Bảng tính báo cáo tháng")
                    .contains("chưa dùng").contains("đang dùng được");
            Browser.screenshot(driver, "token-01-created");
            assertThat(api(token)).isEqualTo(200);

            driver.get(base + "/account/tokens");
            assertThat(driver.getPageSource()).as("shown once").doesNotContain(token);
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#tokens-table .token-revoke"));
            assertThat(driver.findElement(By.id("token-revoked")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("tokens-table")).getText()).contains("đã thu hồi");
            Browser.screenshot(driver, "token-02-revoked");
            assertThat(api(token)).isEqualTo(401);
        } finally {
            driver.quit();
        }
    }
}
