package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * An administrator imports a list of poor communes on pre-2025 codes (two old communes of Quảng Ninh that became
 * part of Xã Ba Chẽ), sees the preview name them as units before the reform, stores it, chooses the "any
 * predecessor" rule, and reads on Ba Chẽ's page that it is a poor commune by inheritance, with the reason.
 */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AreaClassJourneyTest {

    static final String PASSWORD = "con cho vang nam 2026";
    static final String DECISION = "Hành trình thử nghiệm (không phải danh sách chính thức)";

    @LocalServerPort int port;
    @Autowired UserAccounts users;
    @Autowired JdbcClient jdbc;

    @Test
    void anAdministratorImportsOldCodesAndSeesAMergedCommuneInherit() throws Exception {
        String name = "qtri-dia-ban" + System.nanoTime() % 100000;
        users.create(name, PASSWORD, "Quản trị địa bàn", Role.ADMINISTRATOR, null);
        long baChe = jdbc.sql("SELECT id FROM admin_unit WHERE level = 'commune' AND code = '06978' AND valid_to IS NULL")
                .query(Long.class).single();
        Path file = Files.createTempFile("xa-ngheo-", ".csv");
        Files.writeString(file, "Mã đơn vị,Loại địa bàn,Quyết định,Ngày quyết định,Hiệu lực từ,Hiệu lực đến\n"
                + "06970,Xã nghèo," + DECISION + ",15/03/2022,01/01/2022,31/12/2030\n"
                + "06973,poor_commune," + DECISION + ",15/03/2022,01/01/2022,31/12/2030\n", StandardCharsets.UTF_8);
        ChromeDriver driver = Browser.start();
        try {
            String base = "http://localhost:" + port;
            driver.get(base + "/login");
            driver.findElement(By.id("username")).sendKeys(name);
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));

            driver.get(base + "/area-classes/import");
            driver.findElement(By.cssSelector(".area-class-upload input[type=file]")).sendKeys(file.toString());
            Browser.clickAndWaitForNextPage(driver, By.cssSelector(".area-class-upload button"));
            String preview = driver.findElement(By.cssSelector(".import-rows")).getText();
            assertThat(preview).contains("06970", "06973", "trước sắp xếp năm 2025");
            assertThat(jdbc.sql("SELECT count(*) FROM unit_area_class WHERE decision = :d").param("d", DECISION)
                    .query(Long.class).single()).as("a preview stores nothing").isZero();
            Browser.screenshot(driver, "areaclass-01-preview");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector(".area-class-confirm button"));
            Browser.screenshot(driver, "areaclass-02-stored");
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("Đã lưu 2 dòng");

            driver.get(base + "/area-classes");
            new Select(driver.findElement(By.cssSelector(".area-class-rule select"))).selectByValue("any_predecessor");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector(".area-class-rule button"));
            assertThat(driver.getPageSource()).contains("Đã lưu quy tắc");

            driver.get(base + "/area-classes/units/" + baChe + "?date=2026-06-01");
            String held = driver.findElement(By.cssSelector(".held-classes li[data-class=poor_commune]")).getText();
            assertThat(held).contains("Xã nghèo", "kế thừa", "bất kỳ xã cũ nào", "cho đến khi có danh sách mới");
            assertThat(driver.findElement(By.cssSelector(".area-class-history")).getText()).contains(DECISION, "06970");
            Browser.screenshot(driver, "areaclass-03-inherited");
            driver.get(base + "/area-classes/units/" + baChe + "?date=2026-06-01&lang=en");
            assertThat(driver.findElement(By.cssSelector(".held-classes li[data-class=poor_commune]")).getText())
                    .contains("Poor commune", "inherited by the rule", "any predecessor");
            driver.get(base + "/area-classes/poor_commune?date=2026-06-01&lang=vi");
            assertThat(driver.findElement(By.cssSelector(".area-class-units")).getText())
                    .contains("06978", "kế thừa từ các xã trước sắp xếp");
        } finally {
            driver.quit();
            Files.deleteIfExists(file);
            // leave the shared database as found: the list of this journey and the default rule
            jdbc.sql("DELETE FROM unit_area_class WHERE decision = :d").param("d", DECISION).update();
            jdbc.sql("UPDATE area_class_rule SET rule = 'majority_households', version = version + 1").update();
        }
    }
}
