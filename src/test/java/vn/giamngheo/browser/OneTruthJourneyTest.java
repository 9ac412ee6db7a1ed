package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.plan.PlanListsFixture;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * One truth in every number, truthful progress (issue 16, points 4 and 5), through the pages: a province officer's
 * home page and dashboard show the recognised lists with their label, a year without any list says "chưa có số
 * liệu", and the review progress shows a commune without a round as "Chưa mở" and "Quá hạn" (the review of 2025 was
 * due on 14 December 2025: the application's clock is past it), a commune decided on time as such; the officer of the
 * commune without a list sees no data on their home page, not 0. Lists are written with SQL on two communes of
 * province 82, which no other test uses (a database of its own).
 */
@Tag("database")
@Tag("browser")
@Tag("own-database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "giamngheo.test.isolated=one-truth-journey")
class OneTruthJourneyTest {

    private static final String PASSWORD = "mat-khau-2026";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired Clock clock;

    private String base;
    private ChromeDriver driver;

    @Test
    void homeDashboardAndProgressSayWhatTheyCountAndWhatIsMissing() throws Exception {
        LocalDate today = LocalDate.now(clock);
        assertThat(today).as("the review of 2025 is past its due day").isAfter(LocalDate.of(2025, 12, 14));
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        PlanListsFixture lists = new PlanListsFixture(jdbc);
        PlanListsFixture.Commune a = lists.commune(fixture.communeCode("82", 0));
        PlanListsFixture.Commune b = lists.commune(fixture.communeCode("82", 1));
        // A decided its list of 2026 on 10 December 2025 (on time): 2 poor, 1 near-poor of 6; B has 4 households, no list
        PlanListsFixture.Decision da = lists.decide(a, 2026, LocalDate.of(2025, 12, 10), true);
        String[] statuses = {"poor", "poor", "near_poor", "not_poor", "not_poor", "average"};
        for (String s : statuses) {
            lists.list(da, lists.household(a, "active"), s, null, false);
        }
        for (int i = 0; i < 4; i++) {
            lists.household(b, "active");
        }
        String suffix = String.valueOf(System.nanoTime() % 100000);
        String province = "tinh-ot" + suffix;
        String communeB = "xa-ot" + suffix;
        long provinceId = fixture.unitId("province", "82");
        users.create(province, PASSWORD, "Cán bộ Sở Nông nghiệp", Role.PROVINCE_OFFICER, provinceId);
        users.create(communeB, PASSWORD, "Cán bộ Hà Thị Lan", Role.COMMUNE_OFFICER, b.id());
        int communes = jdbc.sql("""
                        SELECT count(*) FROM admin_unit WHERE level = 'commune' AND province_code = '82'
                        AND (valid_from IS NULL OR valid_from <= DATE '2025-09-01') AND (valid_to IS NULL OR valid_to >= DATE '2025-09-01')""")
                .query(Integer.class).single();

        driver = Browser.start();
        try {
            base = "http://localhost:" + port;

            // ---- the province officer's home page: the recognised lists first, labelled; the computed classification second
            login(province);
            Browser.screenshot(driver, "one-truth-01-home");
            assertThat(driver.findElement(By.id("home-recognised-title")).getText())
                    .isEqualTo("Danh sách được công nhận năm " + today.getYear());
            assertThat(driver.findElement(By.id("home-recognised-basis")).getText())
                    .contains("danh sách được công nhận", "chuẩn", "31/12/" + today.getYear());
            assertThat(driver.findElement(By.id("home-poor")).getText()).isEqualTo("2");
            assertThat(driver.findElement(By.id("home-near-poor")).getText()).isEqualTo("1");
            assertThat(driver.findElement(By.id("home-coverage")).getText()).startsWith("Trong 2 xã được tính");
            assertThat(driver.findElement(By.id("home-computed-title")).getText())
                    .isEqualTo("Kết quả phân loại tự động (chưa được công nhận)");

            // ---- the dashboard: the same count, with its label; a year without any list: no data, not 0 %
            driver.get(base + "/dashboard");
            Browser.screenshot(driver, "one-truth-02-dashboard");
            assertThat(driver.findElement(By.id("dashboard-basis")).getText())
                    .contains("được công nhận", "năm " + today.getYear());
            assertThat(driver.findElement(By.id("fig-poor")).getText()).startsWith("2 (");
            driver.get(base + "/dashboard?year=2020");
            Browser.screenshot(driver, "one-truth-03-dashboard-2020");
            assertThat(driver.findElement(By.id("fig-poor")).getText()).isEqualTo("chưa có số liệu");
            assertThat(driver.findElement(By.id("fig-near")).getText()).isEqualTo("chưa có số liệu");
            assertThat(driver.findElement(By.id("dashboard-coverage")).getText()).startsWith("Chưa có số liệu");

            // ---- the report of 2020: no data in the table
            driver.get(base + "/reports?unit=" + provinceId + "&year=2020");
            Browser.screenshot(driver, "one-truth-04-report-2020");
            assertThat(driver.findElement(By.id("report-no-data")).getText()).startsWith("Chưa có số liệu năm 2020");

            // ---- the progress of the periodic review of 2025: B not opened and late, A decided on time, totals by status
            driver.get(base + "/reviews/progress?unit=" + provinceId + "&year=2025");
            Browser.screenshot(driver, "one-truth-05-progress");
            var rowB = driver.findElement(By.id("commune-" + b.id()));
            assertThat(rowB.findElement(By.cssSelector("td.phase")).getText()).startsWith("Chưa mở");
            assertThat(rowB.findElement(By.cssSelector("td.timeliness")).getText()).startsWith("✗ Quá hạn");
            assertThat(rowB.findElement(By.cssSelector("td.no-data")).getText()).isEqualTo("chưa có số liệu");
            assertThat(rowB.getText()).doesNotContain("Đúng hạn");
            var rowA = driver.findElement(By.id("commune-" + a.id()));
            assertThat(rowA.findElement(By.cssSelector("td.phase")).getText()).startsWith("Đã quyết định");
            assertThat(rowA.findElement(By.cssSelector("td.timeliness")).getText()).isEqualTo("✓ Đúng hạn");
            assertThat(driver.findElement(By.id("phase-not_opened")).getText()).isEqualTo(String.valueOf(communes - 1));
            assertThat(driver.findElement(By.id("phase-decided")).getText()).isEqualTo("1");
            assertThat(driver.findElement(By.id("timeliness-late")).getText()).isEqualTo(String.valueOf(communes - 1));
            assertThat(driver.findElement(By.id("timeliness-on_time")).getText()).isEqualTo("1");
            logout();

            // ---- the officer of B: no recognised list in their commune, so no data on their home page
            login(communeB);
            Browser.screenshot(driver, "one-truth-06-home-commune");
            assertThat(driver.findElement(By.id("home-poor")).getText()).isEqualTo("chưa có số liệu");
            assertThat(driver.findElement(By.id("home-near-poor")).getText()).isEqualTo("chưa có số liệu");
        } finally {
            driver.quit();
            driver = null;
        }
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void login(String username) {
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/");
    }

    private void logout() {
        Browser.clickAndWaitForNextPage(driver, By.cssSelector("form[action$='/logout'] button"));
        assertThat(driver.getCurrentUrl()).contains("/login");
    }
}
