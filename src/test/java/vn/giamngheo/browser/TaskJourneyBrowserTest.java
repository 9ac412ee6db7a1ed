package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
import vn.giamngheo.plan.PlanService;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.task.TaskFixture;

/**
 * Issue 21's check in a browser: a province officer assigns tasks of the province's plan to three agencies on the
 * plan's task page; the three agencies' officers log in, land on their agency's tasks and report their outputs for
 * the first six months; the province officer returns one report, its agency corrects and sends it again, the province
 * accepts it and reads the consolidated figures against the agencies' entries.
 */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskJourneyBrowserTest {

    static final String PROVINCE = "40";
    static final String PASSWORD = "mat-khau-2026";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired PlanService plans;

    @Test
    void theProvinceAssignsTasksThreeAgenciesReportAndTheProvinceConsolidates() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        TaskFixture agencies = new TaskFixture(jdbc, users);
        String suffix = String.valueOf(System.nanoTime() % 100000);
        long provinceId = fixture.unitId("province", PROVINCE);
        users.create("tinh-nv" + suffix, PASSWORD, "Cán bộ Sở tỉnh", Role.PROVINCE_OFFICER, provinceId);
        CurrentUser province = users.findByUsername("tinh-nv" + suffix).orElseThrow();
        long plan = jdbc.sql("SELECT id FROM plan WHERE unit_id = :u AND plan_year = 2026").param("u", provinceId)
                .query(Long.class).optional().orElseGet(() -> plans.create(provinceId, 2026, 0, 0, "Kế hoạch 2026", province).id());
        List<String> names = List.of("Sở Nông nghiệp thử " + suffix, "Ngân hàng Chính sách thử " + suffix, "Hội Phụ nữ thử " + suffix);
        List<String> outputs = List.of("Mô hình sinh kế " + suffix, "Lượt vay vốn " + suffix, "Buổi truyền thông " + suffix);
        List<String> values = List.of("7", "1250", "18");
        long[] agencyIds = new long[3];
        for (int i = 0; i < 3; i++) {
            agencyIds[i] = agencies.agency(PROVINCE, names.get(i));
            long unit = provinceId;
            users.createAgencyOfficer("coquan" + i + "-" + suffix, PASSWORD, "Cán bộ " + names.get(i), unit, agencyIds[i], false);
        }

        ChromeDriver driver = Browser.start();
        try {
            String base = "http://localhost:" + port;
            login(driver, base, "tinh-nv" + suffix, base + "/");
            for (int i = 0; i < 3; i++) {
                driver.get(base + "/plans/" + plan + "/tasks");
                new Select(driver.findElement(By.id("task-item"))).selectByIndex(1 + i);
                driver.findElement(By.id("task-description")).sendKeys("Nhiệm vụ của " + names.get(i));
                new Select(driver.findElement(By.id("task-lead"))).selectByValue(String.valueOf(agencyIds[i]));
                // the next agency coordinates
                driver.findElement(By.cssSelector("#task-form input[name=partnerAgencyIds][value='" + agencyIds[(i + 1) % 3]
                        + "']")).click();
                driver.executeScript("arguments[0].value = '2026-12-31'", driver.findElement(By.id("task-deadline")));
                driver.findElement(By.cssSelector("#task-outputs input[name='outputs[0].nameVi']")).sendKeys(outputs.get(i));
                driver.findElement(By.cssSelector("#task-outputs input[name='outputs[0].unitOfMeasure']")).sendKeys("lượt");
                driver.findElement(By.cssSelector("#task-outputs input[name='outputs[0].target']")).sendKeys("2000");
                Browser.clickAndWaitForNextPage(driver, By.id("task-save"));
                assertThat(driver.findElement(By.id("task-lead-name")).getText()).isEqualTo(names.get(i));
                if (i == 0) {
                    Browser.screenshot(driver, "task-01-assigned");
                }
            }
            driver.get(base + "/plans/" + plan + "/tasks");
            String list = driver.findElement(By.id("task-table")).getText();
            names.forEach(n -> assertThat(list).contains(n));
            Browser.screenshot(driver, "task-02-plan-tasks");
            logout(driver);

            for (int i = 0; i < 3; i++) {
                login(driver, base, "coquan" + i + "-" + suffix, base + "/tasks/mine");
                String mine = driver.findElement(By.tagName("main")).getText();
                assertThat(mine).contains("Nhiệm vụ của " + names.get(i));
                assertThat(driver.findElement(By.id("due-table")).getText()).contains("Nhiệm vụ của " + names.get(i));
                Browser.clickAndWaitForNextPage(driver, By.partialLinkText("Nhiệm vụ của " + names.get(i)));
                new Select(driver.findElement(By.id("open-period"))).getOptions().stream()
                        .filter(o -> o.getAttribute("value").equals("half_year/2026/1")).findFirst().orElseThrow().click();
                Browser.clickAndWaitForNextPage(driver, By.id("open-report"));
                WebElement value = driver.findElement(By.cssSelector("#values-table input[name^='value.']"));
                value.sendKeys(i == 1 ? "1200" : values.get(i));
                Browser.clickAndWaitForNextPage(driver, By.id("report-submit"));
                assertThat(driver.findElement(By.id("report-status")).getText()).isEqualTo("đã gửi");
                if (i == 0) {
                    Browser.screenshot(driver, "task-03-agency-report");
                }
                logout(driver);
            }

            // the province returns the bank's report (1,200 where the bank's books say 1,250), the bank corrects it
            login(driver, base, "tinh-nv" + suffix, base + "/");
            String consolidation = base + "/plans/" + plan + "/tasks/consolidation?kind=half_year&year=2026&number=1";
            driver.get(consolidation);
            Browser.clickAndWaitForNextPage(driver, By.xpath("//tr[td[text()='" + outputs.get(1) + "']]//a[contains(@href,'/task-reports/')]"));
            driver.findElement(By.id("return-reason")).sendKeys("Số lượt vay chưa khớp sổ của chi nhánh");
            Browser.clickAndWaitForNextPage(driver, By.id("report-return"));
            assertThat(driver.findElement(By.id("report-status")).getText()).isEqualTo("bị trả lại");
            String report = driver.getCurrentUrl();
            logout(driver);
            login(driver, base, "coquan1-" + suffix, base + "/tasks/mine");
            driver.get(report);
            assertThat(driver.findElement(By.id("report-reason")).getText()).contains("chưa khớp");
            WebElement bank = driver.findElement(By.cssSelector("#values-table input[name^='value.']"));
            bank.clear();
            bank.sendKeys("1250");
            Browser.clickAndWaitForNextPage(driver, By.id("report-submit"));
            logout(driver);
            login(driver, base, "tinh-nv" + suffix, base + "/");
            driver.get(report);
            Browser.clickAndWaitForNextPage(driver, By.id("report-accept"));
            assertThat(driver.findElement(By.id("report-status")).getText()).isEqualTo("đã chấp nhận");

            driver.get(consolidation);
            for (int i = 0; i < 3; i++) {
                WebElement row = driver.findElement(By.xpath("//table[@id='consolidation-table']//tr[td[text()='" + outputs.get(i) + "']]"));
                String expected = i == 1 ? "1.250" : values.get(i);
                assertThat(row.findElement(By.cssSelector("td.value")).getText()).isEqualTo(expected);
                assertThat(row.getText()).contains(names.get(i)).contains(i == 1 ? "đã chấp nhận" : "đã gửi");
                WebElement sum = driver.findElement(By.xpath("//table[@id='sums-table']//tr[td[text()='" + outputs.get(i) + "']]"));
                assertThat(sum.findElement(By.cssSelector("td.sum")).getText()).isEqualTo(expected);
            }
            Browser.screenshot(driver, "task-04-consolidation");
        } finally {
            driver.quit();
        }
    }

    private static void logout(ChromeDriver driver) {
        Browser.clickAndWaitForNextPage(driver, By.cssSelector("form[action$='/logout'] button"));
    }

    private static void login(ChromeDriver driver, String base, String username, String landing) {
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));
        assertThat(driver.getCurrentUrl()).isEqualTo(landing);
    }
}
