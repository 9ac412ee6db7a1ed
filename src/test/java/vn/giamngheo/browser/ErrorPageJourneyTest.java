package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The one error page in a real browser and server (the container's error dispatch included): a plan that does not
 * exist, a page that does not exist, a page the user may not see (Spring Security's refusal) — each with its number
 * of the catalogue and its message, in Vietnamese and, after switching, in English; an API error in the same browser
 * is problem details with the same kind of number.
 */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPageJourneyTest {

    @LocalServerPort int port;
    @Autowired UserAccounts users;

    @Test
    void everyPageErrorShowsItsCodeAndMessage() throws Exception {
        String name = "loi-trang" + System.nanoTime() % 100000;
        users.create(name, "con cho vang nam 2026", "Người xem", Role.MINISTRY_VIEWER, null);
        ChromeDriver driver = Browser.start();
        try {
            String base = "http://localhost:" + port;
            driver.get(base + "/login");
            driver.findElement(By.id("username")).sendKeys(name);
            driver.findElement(By.id("password")).sendKeys("con cho vang nam 2026");
            Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));

            driver.get(base + "/plans/987654321");
            assertThat(driver.findElement(By.id("error-code")).getText()).contains("GN-2401");
            assertThat(driver.findElement(By.id("error-message")).getText()).startsWith("Không tìm thấy kế hoạch");
            // the heading and the window title are the status in words, not the layout's title fragment as text
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Không tìm thấy");
            assertThat(driver.getTitle()).doesNotContain("<").doesNotContain("th:");
            Browser.screenshot(driver, "error-01-plan-vi");

            driver.get(base + "/plans/987654321?lang=en");
            assertThat(driver.findElement(By.id("error-message")).getText()).startsWith("Plan not found");
            Browser.screenshot(driver, "error-02-plan-en");

            driver.get(base + "/no/such/page");
            assertThat(driver.findElement(By.id("error-code")).getText()).contains("GN-1030");

            driver.get(base + "/admin/users");
            assertThat(driver.findElement(By.id("error-code")).getText()).contains("GN-1020");
            assertThat(driver.getPageSource()).doesNotContain("Exception").doesNotContain("org.springframework");
            Browser.screenshot(driver, "error-03-forbidden");

            driver.get(base + "/api/v1/units/abc");
            assertThat(driver.getPageSource()).contains("\"code\":\"GN-1002\"").contains("urn:giamngheo:problem:GN-1002");
        } finally {
            driver.quit();
        }
    }
}
