package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * The programme tree through the pages (issue 21): an administrator adds a sub-project under TP1's first content of
 * the 2026–2030 programme; a province officer adds the province's own project and enters its 2026 budget line on
 * the province's budget grid; another province sees neither the item nor the line.
 */
@Tag("database")
@Tag("browser")
@Tag("own-database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "giamngheo.test.isolated=programme-tree-journey")
class ProgrammeTreeJourneyTest {

    private static final String PASSWORD = "mat-khau-2026";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    private String base;
    private ChromeDriver driver;

    @Test
    void administratorAddsASubProjectAndAProvinceBudgetsItsOwnItem() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String suffix = String.valueOf(System.nanoTime() % 100000);
        String adminName = "qt-ct" + suffix;
        String provinceName = "tinh-ct" + suffix;
        long province = fixture.unitId("province", "04");
        users.create(adminName, PASSWORD, "Quản trị Chương trình", Role.ADMINISTRATOR, null);
        users.create(provinceName, PASSWORD, "Cán bộ Sở Nông nghiệp", Role.PROVINCE_OFFICER, province);

        driver = Browser.start();
        try {
            base = "http://localhost:" + port;

            // ---- the administrator: a sub-project under TP1.DA1 of 2026-2030 ----
            login(adminName);
            driver.get(base + "/programme?period=2026-2030");
            assertThat(text("catalogue-table")).contains("TP1", "TP2", "TP1.DA3");
            Browser.screenshot(driver, "programme-01-catalogue-2026");
            fill("#item-form", "code", "TP1.DA1.T1");
            new Select(driver.findElement(By.cssSelector("#item-form select[name=kind]"))).selectByValue("sub_project");
            fill("#item-form", "parentCode", "TP1.DA1");
            fill("#item-form", "nameVi", "Hỗ trợ mô hình sinh kế cộng đồng");
            fill("#item-form", "nameEn", "Community livelihood models");
            fill("#item-form", "linkFunction", "poverty_reduction");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#item-form button[type=submit]"));
            assertThat(driver.findElements(By.id("problems"))).isEmpty();
            assertThat(text("item-TP1.DA1.T1")).contains("Hỗ trợ mô hình sinh kế cộng đồng", "tiểu dự án");
            Browser.clickAndWaitForNextPage(driver, By.linkText("TP1.DA1.T1"));
            assertThat(text("item-agencies")).contains("Bộ Nông nghiệp và Môi trường");
            Browser.screenshot(driver, "programme-02-sub-project");
            logout();

            // ---- the province officer: the province's own project and its 2026 budget line ----
            login(provinceName);
            driver.get(base + "/programme?period=2026-2030");
            fill("#item-form", "code", "T04.DA1");
            new Select(driver.findElement(By.cssSelector("#item-form select[name=kind]"))).selectByValue("project");
            fill("#item-form", "nameVi", "Hỗ trợ giảm nghèo vùng biên giới của tỉnh");
            fill("#item-form", "nameEn", "Provincial border poverty support");
            fill("#item-form", "linkFunction", "poverty_reduction");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#item-form button[type=submit]"));
            assertThat(driver.findElements(By.id("problems"))).isEmpty();
            assertThat(text("item-T04.DA1")).contains("riêng của tỉnh");
            Browser.screenshot(driver, "programme-03-provincial-item");

            driver.get(base + "/programme/budget?unit=" + province + "&year=2026&period=2026-2030&stage=allocated");
            long item = jdbc.sql("SELECT id FROM programme_item WHERE code = 'T04.DA1'").query(Long.class).single();
            WebElement cell = driver.findElement(By.name("a_" + item + "_local"));
            cell.clear();
            cell.sendKeys("750");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#lines-form button[type=submit]"));
            BigDecimal stored = jdbc.sql("SELECT allocated FROM budget_line WHERE unit_id = :u AND item_id = :i AND source = 'local'")
                    .param("u", province).param("i", item).query(BigDecimal.class).single();
            assertThat(stored).isEqualByComparingTo("750");
            Browser.screenshot(driver, "programme-04-provincial-budget");
            logout();
        } finally {
            driver.quit();
        }
    }

    private void fill(String form, String name, String value) {
        WebElement input = driver.findElement(By.cssSelector(form + " [name=" + name + "]"));
        input.clear();
        input.sendKeys(value);
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
