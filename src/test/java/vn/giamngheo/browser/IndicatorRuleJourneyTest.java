package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.giamngheo.monitoring.MonitoringReports;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Indicators and validation rules through the pages (issue 21 point 4): a province officer adds the province's
 * own indicator and a blocking rule on it, enters a wrong figure in the province's quarterly report and is refused
 * with the rule shown; a figure that only breaks a medium rule is saved and flagged, with the database's figure
 * beside the entered one; the validation report lists it.
 */
@Tag("database")
@Tag("browser")
@Tag("own-database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "giamngheo.test.isolated=rules-journey")
class IndicatorRuleJourneyTest {

    private static final String PASSWORD = "mat-khau-2026";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired MonitoringReports reports;

    private String base;
    private ChromeDriver driver;

    @Test
    void aProvinceOfficerAddsAnIndicatorAndARuleAndAWrongEntryIsFlagged() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        long province = fixture.unitId("province", "14");
        String suffix = String.valueOf(System.nanoTime() % 100000);
        String officer = "tinh-ct" + suffix;
        users.create(officer, PASSWORD, "Cán bộ Sở Nông nghiệp và Môi trường", Role.PROVINCE_OFFICER, province);
        reports.createPeriod(province, ReportKind.QUARTER, 2027, 1, fixture.user(Role.PROVINCE_OFFICER, "province", "14"));
        long report = jdbc.sql("SELECT id FROM monitoring_report WHERE unit_id = :u AND kind = 'quarter' AND year = 2027 AND number = 1")
                .param("u", province).query(Long.class).single();

        driver = Browser.start();
        try {
            base = "http://localhost:" + port;
            login(officer);

            // ---- the province's own indicator ----
            driver.get(base + "/monitoring/catalogue");
            Browser.clickAndWaitForNextPage(driver, By.id("add-indicator"));
            type("#indicator-form input[name=code]", "P14_CLASSES");
            type("#indicator-form input[name=nameVi]", "Số lớp tập huấn giảm nghèo của tỉnh");
            type("#indicator-form input[name=nameEn]", "Poverty-reduction training classes of the province");
            new Select(driver.findElement(By.cssSelector("#indicator-form select[name=unitOfMeasure]"))).selectByValue("count");
            type("#indicator-form input[name=legalSource]", "Kế hoạch giảm nghèo của tỉnh năm 2027");
            Browser.screenshot(driver, "rules-01-indicator-form");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#indicator-form button[type=submit]"));
            assertThat(driver.getCurrentUrl()).matches(".*/monitoring/catalogue/indicators/\\d+$");

            // ---- a blocking rule on it ----
            driver.get(base + "/monitoring/catalogue");
            assertThat(text("indicator-P14_CLASSES")).contains("Số lớp tập huấn", "tỉnh 14");
            Browser.clickAndWaitForNextPage(driver, By.id("add-rule"));
            type("#rule-form input[name=code]", "P14_CLASSES_LE_TRAINED");
            type("#rule-form input[name=nameVi]", "Số lớp tập huấn không vượt số cán bộ được tập huấn");
            type("#rule-form input[name=nameEn]", "Classes not above the staff trained");
            type("#rule-form input[name=left]", "#{P14_CLASSES} + 0");
            new Select(driver.findElement(By.cssSelector("#rule-form select[name=operator]"))).selectByValue("<=");
            type("#rule-form input[name=right]", "#{CAPACITY_TRAINED}");
            new Select(driver.findElement(By.cssSelector("#rule-form select[name=importance]"))).selectByValue("high");
            Browser.screenshot(driver, "rules-02-rule-form");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#rule-form button[type=submit]"));
            assertThat(driver.getCurrentUrl()).matches(".*/monitoring/catalogue/rules/\\d+$");

            // ---- a wrong entry is refused, the rule shown, the figures kept ----
            long classes = id("P14_CLASSES");
            long trained = id("CAPACITY_TRAINED");
            driver.get(base + "/monitoring/reports/" + report);
            type("input[name=num_" + classes + "]", "20");
            type("input[name=num_" + trained + "]", "5");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#values-form button[type=submit]:not([name])"));
            assertThat(text("problems")).contains("Chưa lưu");
            assertThat(text("violation-P14_CLASSES_LE_TRAINED")).contains("20", "<=", "5");
            assertThat(driver.findElement(By.cssSelector("input[name=num_" + classes + "]")).getAttribute("value")).isEqualTo("20");
            Browser.screenshot(driver, "rules-03-refused");

            // ---- a medium rule: saved, flagged, the database's figure beside the entered one ----
            type("input[name=num_" + classes + "]", "3");
            type("input[name=num_" + id("HOUSES_FUNDED") + "]", "2");
            type("input[name=num_" + id("HOUSES_BUILT") + "]", "7");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#values-form button[type=submit]:not([name])"));
            assertThat(driver.findElements(By.id("problems"))).isEmpty();
            assertThat(text("violation-HOUSES_BUILT_NOT_ABOVE_FUNDED")).contains("7", "<=", "2");
            assertThat(driver.findElement(By.id("check-HOUSES_BUILT")).getAttribute("class")).contains("flagged");
            assertThat(text("check-HOUSES_BUILT")).startsWith("0");
            Browser.screenshot(driver, "rules-04-flagged");

            // ---- the validation report of the province ----
            driver.get(base + "/monitoring/validation?unit=" + province + "&year=2027&kind=quarter&number=1");
            assertThat(text("validation-table")).contains("HOUSES_BUILT_NOT_ABOVE_FUNDED", "HOUSES_BUILT");
            Browser.screenshot(driver, "rules-05-validation-report");
        } finally {
            driver.quit();
        }
    }

    private long id(String code) {
        return jdbc.sql("SELECT id FROM monitoring_indicator WHERE code = :c").param("c", code).query(Long.class).single();
    }

    private void type(String css, String value) {
        WebElement input = driver.findElement(By.cssSelector(css));
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
}
