package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * A province officer (tinh) opens his province's report on the boundaries of 2024, before the 2025 reform: it is
 * drawn through the provinces his province was formed from; an old commune on today's map is refused in words.
 * An administrator reads the audit log in words and downloads it.
 */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BoundariesAndAuditJourneyTest {

    static final String PASSWORD = "con cho vang nam 2026";

    @LocalServerPort int port;
    @Autowired UserAccounts users;
    @Autowired JdbcClient jdbc;

    ChromeDriver login(String name) throws Exception {
        ChromeDriver driver = Browser.start();
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("username")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));
        return driver;
    }

    @Test
    void aProvinceOfficerReadsHisProvinceOnTheBoundariesOf2024() throws Exception {
        long province = jdbc.sql("SELECT id FROM admin_unit WHERE level = 'province' AND code = '08' AND valid_to IS NULL")
                .query(Long.class).single();
        String name = "tinh-bien" + System.nanoTime() % 100000;
        users.create(name, PASSWORD, "Cán bộ Sở tỉnh", Role.PROVINCE_OFFICER, province);
        ChromeDriver driver = login(name);
        try {
            String base = "http://localhost:" + port;
            driver.get(base + "/reports?year=2024&boundaries=own");
            assertThat(driver.findElements(By.id("error-code"))).isEmpty();
            String note = driver.findElement(By.id("report-formed-from")).getText();
            assertThat(note).contains("chưa được thành lập năm 2024", "Tỉnh Hà Giang", "Tỉnh Tuyên Quang");
            Browser.screenshot(driver, "boundaries-01-tinh-2024-own");
            for (String kind : new String[] {"deprivations", "causes", "bands", "trends"}) {
                driver.get(base + "/reports?year=2024&boundaries=own&report=" + kind);
                assertThat(driver.findElements(By.id("error-code"))).as(kind).isEmpty();
            }
            driver.get(base + "/reports?year=2024&boundaries=own&lang=en");
            assertThat(driver.findElement(By.id("report-formed-from")).getText()).contains("did not exist yet in 2024");
            long oldCommune = jdbc.sql("""
                            SELECT o.id FROM admin_unit o JOIN unit_succession s ON s.predecessor_id = o.id
                            JOIN admin_unit n ON n.id = s.successor_id
                            WHERE o.level = 'commune' AND n.level = 'commune' AND n.province_code = '08' AND o.valid_to IS NOT NULL
                            ORDER BY o.id LIMIT 1""").query(Long.class).single();
            driver.get(base + "/reports?unit=" + oldCommune + "&year=2026&boundaries=today&lang=vi");
            assertThat(driver.findElement(By.id("error-code")).getText()).contains("GN-3002");
            assertThat(driver.findElement(By.id("error-message")).getText()).contains("nay thuộc");
            Browser.screenshot(driver, "boundaries-02-old-commune-refused");
        } finally {
            driver.quit();
        }
    }

    @Test
    void anAdministratorReadsTheAuditLogInWords() throws Exception {
        String name = "qtri-nhat-ky" + System.nanoTime() % 100000;
        users.create(name, PASSWORD, "Quản trị nhật ký", Role.ADMINISTRATOR, null);
        ChromeDriver driver = login(name);
        try {
            String base = "http://localhost:" + port;
            driver.get(base + "/audit?entity=app_user");
            String table = driver.findElement(By.id("audit-table")).getText();
            assertThat(table).contains("tài khoản người dùng", "Quản trị nhật ký").doesNotContain("{\"", "password");
            assertThat(driver.findElement(By.id("audit-export-xlsx")).getAttribute("href")).contains("format=xlsx", "entity=app_user");
            Browser.screenshot(driver, "audit-01-log-in-words");
            driver.get(base + "/audit?entity=app_user&lang=en");
            assertThat(driver.findElement(By.id("audit-table")).getText()).contains("user account");
        } finally {
            driver.quit();
        }
    }
}
