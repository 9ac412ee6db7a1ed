package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * The charts in a real browser: one beside each report table and two on the dashboard, each an accessible image
 * drawn at its width, with its SVG and PNG downloads answering as files; in Vietnamese and in English.
 */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChartJourneyTest {

    @LocalServerPort int port;
    @Autowired UserAccounts users;

    @Test
    void chartsStandBesideEveryTableWithTheirDownloads() throws Exception {
        String name = "bieu-do" + System.nanoTime() % 100000;
        users.create(name, "con cho vang nam 2026", "Người xem biểu đồ", Role.MINISTRY_VIEWER, null);
        ChromeDriver driver = Browser.start();
        try {
            String base = "http://localhost:" + port;
            driver.get(base + "/login");
            driver.findElement(By.id("username")).sendKeys(name);
            driver.findElement(By.id("password")).sendKeys("con cho vang nam 2026");
            Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));

            for (String kind : List.of("results", "deprivations", "trends")) {
                driver.get(base + "/reports?report=" + kind);
                List<WebElement> tables = driver.findElements(By.cssSelector("div.report-table"));
                List<WebElement> charts = driver.findElements(By.cssSelector("div.report-table figure.chart svg[role=img]"));
                assertThat(charts).hasSameSizeAs(tables).isNotEmpty();
                for (WebElement svg : charts) {
                    assertThat(svg.getAttribute("aria-label")).isNotBlank();
                    assertThat(svg.getSize().getWidth()).isGreaterThan(300);
                }
                Browser.screenshot(driver, "chart-0" + (kind.length() % 10) + "-" + kind + "-vi");
            }
            String png = driver.findElement(By.cssSelector("figure.chart a.chart-png")).getAttribute("href");
            String svgLink = driver.findElement(By.cssSelector("figure.chart a.chart-svg")).getAttribute("href");
            assertThat(png).contains("/reports/chart?").contains("format=png");
            assertThat(svgLink).contains("format=svg");
            // the files themselves, fetched by the page's own session
            Object types = driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    Promise.all([fetch(arguments[0]), fetch(arguments[1])])
                      .then(rs => done(rs.map(r => r.status + ' ' + r.headers.get('content-type') + ' '
                                               + r.headers.get('content-disposition'))));""", png, svgLink);
            assertThat(types.toString()).contains("200 image/png attachment", "200 image/svg+xml");

            driver.get(base + "/reports?lang=en");
            assertThat(driver.findElement(By.cssSelector("figure.chart svg")).getAttribute("aria-label"))
                    .startsWith("Poor and near-poor rates by unit");
            assertThat(driver.findElement(By.cssSelector("figure.chart figcaption")).getText()).contains("Download the chart");
            Browser.screenshot(driver, "chart-10-results-en");

            driver.get(base + "/dashboard?lang=vi");
            assertThat(driver.findElements(By.cssSelector("#rates-chart svg[role=img], #trend-chart svg[role=img]")))
                    .hasSize(2);
            Browser.screenshot(driver, "chart-11-dashboard-vi");
        } finally {
            driver.quit();
        }
    }
}
