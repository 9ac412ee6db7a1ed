package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.plan.PlanListsFixture;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Plans through the pages: a province officer sets the province's target for 2026, cascades it to the communes in
 * proportion to their poor and sets a coverage target; a commune officer then sees their commune's share and
 * nothing of the other commune. Decided lists are written with SQL on two communes of province 14 that no other
 * test uses (a database of its own).
 */
@Tag("database")
@Tag("browser")
@Tag("own-database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "giamngheo.test.isolated=plans2-journey")
class PlanJourneyTest {

    private static final String PASSWORD = "mat-khau-2026";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    private String base;
    private ChromeDriver driver;

    @Test
    void provinceSetsAndCascadesATargetAndTheCommuneSeesItsShare() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        PlanListsFixture lists = new PlanListsFixture(jdbc);
        PlanListsFixture.Commune a = lists.commune(fixture.communeCode("14", 22));
        PlanListsFixture.Commune b = lists.commune(fixture.communeCode("14", 23));
        // A: 6 poor of 12, B: 2 poor of 8 on the lists of 2026
        PlanListsFixture.Decision da = lists.decide(a, 2026, LocalDate.of(2025, 12, 20), true);
        for (int i = 0; i < 12; i++) {
            lists.list(da, lists.household(a, "active"), i < 6 ? "poor" : "not_poor", null, false, i < 3 ? "health_insurance" : "");
        }
        PlanListsFixture.Decision db = lists.decide(b, 2026, LocalDate.of(2025, 12, 20), true);
        for (int i = 0; i < 8; i++) {
            lists.list(db, lists.household(b, "active"), i < 2 ? "poor" : "not_poor", null, false);
        }
        String suffix = String.valueOf(System.nanoTime() % 100000);
        String provinceName = "tinh-kh" + suffix;
        String communeName = "xa-kh" + suffix;
        users.create(provinceName, PASSWORD, "Cán bộ Sở Nông nghiệp", Role.PROVINCE_OFFICER, fixture.unitId("province", "14"));
        users.create(communeName, PASSWORD, "Cán bộ Lường Văn Minh", Role.COMMUNE_OFFICER, a.id());
        String nameA = jdbc.sql("SELECT full_name FROM admin_unit WHERE id = :id").param("id", a.id()).query(String.class).single();
        String nameB = jdbc.sql("SELECT full_name FROM admin_unit WHERE id = :id").param("id", b.id()).query(String.class).single();

        driver = Browser.start();
        try {
            base = "http://localhost:" + port;

            // ---- the province officer: a target of 4 poor households fewer in 2026, cascaded by poor ----
            login(provinceName);
            driver.get(base + "/plans?year=2026");
            Browser.screenshot(driver, "plan-01-list");
            WebElement year = driver.findElement(By.cssSelector("#plan-form input[name=year]"));
            year.clear();
            year.sendKeys("2026");
            WebElement reduction = driver.findElement(By.cssSelector("#plan-form input[name=poorReduction]"));
            reduction.clear();
            reduction.sendKeys("4");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#plan-form button[type=submit]"));
            assertThat(driver.getCurrentUrl()).matches(".*/plans/\\d+$");
            assertThat(text("plan-target")).startsWith("4");
            Browser.screenshot(driver, "plan-02-province-plan");

            new Select(driver.findElement(By.cssSelector("#cascade-form select[name=basis]"))).selectByValue("POOR");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#cascade-form button[type=submit]"));
            // quotas 3 and 1 of 4 by 6 and 2 poor
            assertThat(cell(nameA, 3)).isEqualTo("3");
            assertThat(cell(nameB, 3)).isEqualTo("1");

            new Select(driver.findElement(By.id("coverage-code"))).selectByValue("indicator:health_insurance");
            new Select(driver.findElement(By.id("coverage-group"))).selectByValue("poor");
            driver.findElement(By.id("coverage-share")).sendKeys("100");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#coverage-form button[type=submit]"));
            assertThat(text("plan-coverage")).contains("bảo hiểm y tế", "62,50 (5/8)");
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", driver.findElement(By.id("plan-children")));
            Browser.screenshot(driver, "plan-03-cascaded");
            logout();

            // ---- the commune officer sees the commune's share, and only that ----
            login(communeName);
            driver.get(base + "/plans?year=2026");
            assertThat(driver.findElements(By.cssSelector("#plans tbody tr"))).hasSize(1);
            assertThat(text("plans")).contains(nameA).doesNotContain(nameB);
            Browser.screenshot(driver, "plan-04-commune-list");
            Browser.clickAndWaitForNextPage(driver, By.linkText(nameA));
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains(nameA, "2026");
            assertThat(text("plan-target")).startsWith("3");
            assertThat(text("plan-state")).isEqualTo("Đề xuất");
            Browser.screenshot(driver, "plan-05-commune-target");
        } finally {
            driver.quit();
        }
    }

    private String cell(String unitName, int column) {
        for (WebElement row : driver.findElements(By.cssSelector("#plan-children tbody tr"))) {
            var cells = row.findElements(By.tagName("td"));
            if (cells.get(0).getText().strip().equals(unitName)) {
                return cells.get(column).getText().strip();
            }
        }
        throw new AssertionError("no row for " + unitName);
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText().strip();
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
