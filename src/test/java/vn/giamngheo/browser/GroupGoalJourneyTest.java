package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * A province sets an ethnic-minority goal through the pages and reads its tracking and the group's rate in the
 * pages and the XLSX files: on the lists of 2026 of one commune of province 14, 6 of 10 households are of an ethnic
 * minority and 3 of them poor (50 %), 1 of the 4 others poor (the province's rate 40 %). A database of its own.
 */
@Tag("database")
@Tag("browser")
@Tag("own-database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "giamngheo.test.isolated=group-goal-journey")
class GroupGoalJourneyTest {

    private static final String PASSWORD = "mat-khau-2026";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    private String base;
    private ChromeDriver driver;

    @Test
    void provinceSetsAnEthnicMinorityGoalAndReadsTheGroupsRate() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        PlanListsFixture lists = new PlanListsFixture(jdbc);
        PlanListsFixture.Commune a = lists.commune(fixture.communeCode("14", 22));
        PlanListsFixture.Decision d = lists.decide(a, 2026, LocalDate.of(2025, 12, 20), true);
        for (int i = 0; i < 10; i++) {
            long h = lists.household(a, "active");
            boolean em = i < 6;
            jdbc.sql("UPDATE household SET ethnic_minority = :em WHERE id = :h").param("em", em).param("h", h).update();
            boolean poor = em ? i < 3 : i == 6;
            lists.list(d, h, poor ? "poor" : "not_poor", null, false);
        }
        long province = fixture.unitId("province", "14");
        String name = "tinh-dt" + System.nanoTime() % 100000;
        users.create(name, PASSWORD, "Cán bộ Sở Nông nghiệp", Role.PROVINCE_OFFICER, province);

        driver = Browser.start();
        try {
            base = "http://localhost:" + port;
            login(name);

            // ---- the goal: ethnic-minority poor rate −3 points a year from the end of 2025 ----
            driver.get(base + "/plans/goals?lang=vi");
            new Select(driver.findElement(By.id("goal-group"))).selectByValue("ethnic_minority");
            new Select(driver.findElement(By.id("goal-period"))).selectByValue("2026_2030");
            driver.findElement(By.id("goal-start-year")).sendKeys("2025");
            driver.findElement(By.id("goal-points")).sendKeys("3");
            driver.findElement(By.id("goal-end-rate")).sendKeys("35");
            Browser.clickAndWaitForNextPage(driver, By.id("goal-submit"));
            assertThat(driver.getCurrentUrl()).matches(".*/plans/goals/\\d+$");
            Browser.screenshot(driver, "group-goal-01-tracking");
            assertThat(driver.findElement(By.id("goal-group")).getText()).contains("Hộ dân tộc thiểu số");
            var start = driver.findElement(By.cssSelector("#goal-years tr[data-year='2025']"));
            List<String> cells = start.findElements(By.tagName("td")).stream().map(e -> e.getText().strip()).toList();
            assertThat(cells.get(2)).isEqualTo("6");
            assertThat(cells.get(3)).isEqualTo("3");
            assertThat(cells.get(4)).isEqualTo("50,00");

            // ---- the tracking as XLSX: the group named, its own households and poor ----
            List<String> sheet = texts(download(driver.findElement(By.id("goal-xlsx")).getAttribute("href")));
            assertThat(sheet).anyMatch(t -> t.contains("Hộ dân tộc thiểu số"));
            assertThat(String.join("|", sheet)).contains("2025|0.5|6|3|0.5");

            // ---- the list back: the goal beside its group ----
            driver.get(base + "/plans/goals");
            assertThat(driver.findElement(By.cssSelector("#goals .goal-group")).getText()).isEqualTo("Hộ dân tộc thiểu số");

            // ---- the report for the group: its own denominator, on the page and in the XLSX ----
            driver.get(base + "/reports?unit=" + province + "&year=2026");
            new Select(driver.findElement(By.id("report-group"))).selectByValue("ethnic_minority");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#report-form button[type=submit]"));
            Browser.screenshot(driver, "group-goal-02-report");
            assertThat(driver.getCurrentUrl()).contains("group=ethnic_minority");
            assertThat(driver.getPageSource()).contains("Nhóm: Hộ dân tộc thiểu số");
            String href = driver.findElement(By.id("export-xlsx")).getAttribute("href");
            assertThat(href).contains("group=ethnic_minority");
            List<String> report = texts(download(href));
            assertThat(report).anyMatch(t -> t.contains("Nhóm: Hộ dân tộc thiểu số"));
            String joined = String.join("|", report);
            assertThat(joined).contains("|6|3|");
            // every household: 10, 4 poor (40 %)
            driver.get(base + "/reports?unit=" + province + "&year=2026");
            assertThat(String.join("|", texts(download(driver.findElement(By.id("export-xlsx")).getAttribute("href")))))
                    .contains("|10|4|");
        } finally {
            driver.quit();
        }
    }

    private byte[] download(String url) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    /** The cells of the first sheet, row by row, numbers as Java writes them (integers without ".0"). */
    private static List<String> texts(byte[] xlsx) throws Exception {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getSheetAt(0)) {
                for (Cell c : row) {
                    switch (c.getCellType()) {
                        case NUMERIC -> {
                            double v = c.getNumericCellValue();
                            out.add(v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
                        }
                        case STRING -> out.add(c.getStringCellValue());
                        default -> { }
                    }
                }
            }
        }
        return out;
    }

    private void login(String username) {
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/");
    }
}
