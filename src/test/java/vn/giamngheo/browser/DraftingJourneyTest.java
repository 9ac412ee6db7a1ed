package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drafting through the pages on the demonstration (issue 22): the province officer opens the province's plan of 2026,
 * goes to its document, writes the situation's text, saves it, drafts, finds the version listed and downloads its Word
 * and PDF files; then drafts the annual report, and a second draft of it says that no figure changed.
 */
@Tag("database")
@Tag("browser")
@Tag("own-database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"giamngheo.demo.enabled=true",
        "giamngheo.demo.households=240", "giamngheo.demo.province=08"})
class DraftingJourneyTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void theProvinceWritesDraftsAndDownloadsItsPlanAndReport() throws Exception {
        long plan = jdbc.sql("""
                        SELECT p.id FROM plan p JOIN admin_unit u ON u.id = p.unit_id
                        WHERE p.plan_year = 2026 AND p.parent_plan_id IS NULL AND u.level = 'province' ORDER BY p.id LIMIT 1""")
                .query(Long.class).single();
        ChromeDriver driver = Browser.start();
        try {
            String base = "http://localhost:" + port;
            driver.get(base + "/login?lang=vi");
            driver.findElement(By.id("username")).sendKeys("tinh");
            driver.findElement(By.id("password")).sendKeys("giamngheo2026");
            Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));

            driver.get(base + "/plans/" + plan);
            Browser.clickAndWaitForNextPage(driver, By.id("plan-document"));
            assertThat(driver.getCurrentUrl()).endsWith("/plans/" + plan + "/document");
            assertThat(driver.findElement(By.id("draft-heading")).getText()).contains("Văn bản kế hoạch");
            WebElement situation = driver.findElement(By.id("section-situation"));
            situation.clear();
            situation.sendKeys("Năm 2025 toàn tỉnh giảm được nhiều hộ nghèo nhờ các chính sách hỗ trợ.");
            Browser.clickAndWaitForNextPage(driver, By.id("narrative-save"));
            assertThat(driver.findElement(By.id("draft-saved")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("section-situation")).getAttribute("value")).startsWith("Năm 2025 toàn tỉnh");
            Browser.clickAndWaitForNextPage(driver, By.id("draft-button"));
            assertThat(driver.findElement(By.id("draft-done")).isDisplayed()).isTrue();
            Browser.screenshot(driver, "drafting-01-plan");
            String docx = driver.findElement(By.cssSelector("#draft-versions .draft-docx")).getAttribute("href");
            String pdf = driver.findElement(By.cssSelector("#draft-versions .draft-pdf")).getAttribute("href");
            String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
            byte[] word = download(docx, session);
            assertThat(new String(word, 0, 2)).isEqualTo("PK");
            assertThat(new String(download(pdf, session), 0, 5)).isEqualTo("%PDF-");

            // the annual report, drafted twice: the second says nothing changed
            driver.get(base + "/plans/" + plan);
            Browser.clickAndWaitForNextPage(driver, By.id("plan-report-annual"));
            WebElement difficulties = driver.findElement(By.id("section-difficulties"));
            difficulties.sendKeys("Địa bàn rộng, giao thông đi lại khó khăn.");
            Browser.clickAndWaitForNextPage(driver, By.id("narrative-save"));
            Browser.clickAndWaitForNextPage(driver, By.id("draft-button"));
            Browser.clickAndWaitForNextPage(driver, By.id("draft-button"));
            assertThat(driver.findElements(By.cssSelector("#draft-versions tbody tr")).size()).isGreaterThanOrEqualTo(2);
            assertThat(driver.findElement(By.cssSelector("#draft-versions tbody tr .draft-changes")).getText())
                    .isEqualTo("Không số liệu nào thay đổi");
            Browser.screenshot(driver, "drafting-02-annual");
        } finally {
            driver.quit();
        }
    }

    private static byte[] download(String url, String session) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
