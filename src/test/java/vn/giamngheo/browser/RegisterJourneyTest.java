package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/** A commune officer logs in, finds a household, edits it; an administrator sees the change in the audit log. */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegisterJourneyTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;

    @Test
    void officerFindsAndEditsAHouseholdAndTheAuditLogShowsIt() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 5);
        String suffix = String.valueOf(System.nanoTime() % 100000);
        users.create("canbo" + suffix, "mat-khau-2026", "Cán bộ thử", Role.COMMUNE_OFFICER, fixture.unitId("commune", commune));
        users.create("quantri" + suffix, "mat-khau-2026", "Quản trị thử", Role.ADMINISTRATOR, null);
        CurrentUser officer = users.findByUsername("canbo" + suffix).orElseThrow();
        HouseholdForm form = RegistryFixture.household(commune, "TQ" + suffix);
        form.getMembers().get(0).setFullName("Hoàng Văn Thắng " + suffix);
        Household household = registry.create(form, officer);

        ChromeDriver driver = Browser.start();
        try {
            String base = "http://localhost:" + port;
            login(driver, base, "canbo" + suffix);
            Browser.screenshot(driver, "01-home");

            driver.get(base + "/households");
            driver.findElement(By.id("q")).sendKeys("Hoàng Văn Thắng " + suffix);
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#household-search button[type=submit]"));
            WebElement link = driver.findElement(By.linkText("TQ" + suffix));
            Browser.screenshot(driver, "02-search");
            link.click();
            assertThat(driver.findElement(By.id("head-name")).getText()).isEqualTo("Hoàng Văn Thắng " + suffix);
            assertThat(driver.findElement(By.id("classification")).getText()).contains("Kết quả phân loại");
            Browser.screenshot(driver, "03-household");

            Browser.clickAndWaitForNextPage(driver, By.id("edit-household"));
            WebElement address = driver.findElement(By.id("address-input"));
            address.clear();
            address.sendKeys("Thôn Khuổi Nhùng, số nhà 12");
            Browser.screenshot(driver, "04-edit");
            Browser.clickAndWaitForNextPage(driver, By.id("save-household"));
            assertThat(driver.findElement(By.id("saved-message")).getText()).isEqualTo("Đã lưu.");
            assertThat(driver.findElement(By.id("address")).getText()).isEqualTo("Thôn Khuổi Nhùng, số nhà 12");
            Browser.screenshot(driver, "05-saved");

            Browser.clickAndWaitForNextPage(driver, By.cssSelector("form[action$='/logout'] button"));
            login(driver, base, "quantri" + suffix);
            driver.get(base + "/audit?entity=household&entityId=" + household.id());
            String audit = driver.findElement(By.id("audit-table")).getText();
            assertThat(audit).contains("canbo" + suffix).contains("sửa").contains("Thôn Khuổi Nhùng, số nhà 12");
            Browser.screenshot(driver, "06-audit");

            driver.get(base + "/standards/ND07_2021");
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains("ND07_2021");
            assertThat(driver.getPageSource()).contains("1.500.000");
            Browser.screenshot(driver, "07-standard");
            driver.get(base + "/households/" + household.id() + "?lang=en");
            assertThat(driver.findElement(By.id("classification")).getText()).contains("Classification");
            Browser.screenshot(driver, "08-household-english");
            driver.get(base + "/units?date=2025-06-30&lang=vi");
            Browser.screenshot(driver, "09-units-before-reform");
        } finally {
            driver.quit();
        }
    }

    private static void login(ChromeDriver driver, String base, String username) {
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("mat-khau-2026");
        Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/");
    }
}
