package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.giamngheo.escape.DecisionFixture;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Issue 10's journey in a browser: a commune officer sees a poor household without a helper, adds an
 * organisation, assigns a helper who has an account and records a visit; the helper (role HELPER) logs in, lands on
 * the households assigned to them, opens the household read-only, records a visit of their own, and is refused the
 * register.
 */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HelperJourneyBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;

    @Test
    void anOfficerAssignsAHelperWhoThenSeesTheHousehold() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 71);
        long communeId = fixture.unitId("commune", commune);
        String suffix = String.valueOf(System.nanoTime() % 100000);
        users.create("canbo-gd" + suffix, "mat-khau-2026", "Cán bộ xã", Role.COMMUNE_OFFICER, communeId);
        users.create("giupdo" + suffix, "mat-khau-2026", "Hoàng Thị Mai", Role.HELPER, communeId);
        CurrentUser officer = users.findByUsername("canbo-gd" + suffix).orElseThrow();
        String code = "GD" + suffix;
        long household = registry.create(RegistryFixture.household(commune, code), officer).id();
        new DecisionFixture(jdbc, events, tx).baseline("08", communeId, 2026, Map.of(household, "poor"));

        ChromeDriver driver = Browser.start();
        try {
            String base = "http://localhost:" + port;
            login(driver, base, "canbo-gd" + suffix);
            driver.get(base + "/escape/unassigned");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains(code);
            Browser.screenshot(driver, "helper-01-unassigned");

            driver.get(base + "/escape/organisations");
            new Select(driver.findElement(By.cssSelector("#organisation-form select[name=kind]"))).selectByValue("womens_union");
            driver.findElement(By.cssSelector("#organisation-form input[name=name]")).sendKeys("Hội Liên hiệp Phụ nữ xã " + suffix);
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#organisation-form button[type=submit]"));
            assertThat(driver.findElement(By.id("organisation-table")).getText()).contains("Hội Liên hiệp Phụ nữ xã " + suffix);
            Browser.screenshot(driver, "helper-02-organisation");

            driver.get(base + "/escape/households/" + household);
            Select organisation = new Select(driver.findElement(By.cssSelector("#assignment-form select[name=organisationId]")));
            organisation.getOptions().stream().filter(o -> o.getText().startsWith("Hội Liên hiệp Phụ nữ xã " + suffix))
                    .findFirst().orElseThrow().click();
            driver.findElement(By.cssSelector("#assignment-form input[name=helperName]")).sendKeys("Hoàng Thị Mai");
            driver.findElement(By.cssSelector("#assignment-form input[name=helperUsername]")).sendKeys("giupdo" + suffix);
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#assignment-form button[type=submit]"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Hoàng Thị Mai");
            Browser.screenshot(driver, "helper-03-assigned");

            driver.findElement(By.cssSelector("form[action$='/visits'] input[name=note]"))
                    .sendKeys("Hướng dẫn làm chuồng bò, lập kế hoạch vay vốn");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("form[action$='/visits'] button[type=submit]"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Hướng dẫn làm chuồng bò");
            Browser.screenshot(driver, "helper-04-visit");

            Browser.clickAndWaitForNextPage(driver, By.cssSelector("form[action$='/logout'] button"));
            login(driver, base, "giupdo" + suffix, base + "/escape/mine");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains(code);
            Browser.screenshot(driver, "helper-05-mine");

            Browser.clickAndWaitForNextPage(driver, By.linkText(code));
            assertThat(driver.findElements(By.id("assignment-form"))).isEmpty();
            driver.findElement(By.cssSelector("form[action$='/visits'] input[name=note]")).sendKeys("Tổ phụ nữ thăm hộ");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("form[action$='/visits'] button[type=submit]"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Tổ phụ nữ thăm hộ");
            Browser.screenshot(driver, "helper-06-own-visit");

            driver.get(base + "/households/" + household);
            assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain(code);
        } finally {
            driver.quit();
        }
    }

    private static void login(ChromeDriver driver, String base, String username) {
        login(driver, base, username, base + "/");
    }

    private static void login(ChromeDriver driver, String base, String username, String landing) {
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("mat-khau-2026");
        Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));
        assertThat(driver.getCurrentUrl()).isEqualTo(landing);
    }
}
