package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Issue 23 as a new user tries it: an administrator imports a list of poor communes on pre-2025 codes (two old
 * communes of Quảng Ninh that became part of Xã Ba Chẽ) and chooses the "any predecessor" rule; the province sets
 * "each poor commune −3 points a year" and reads the per-commune tracking (Ba Chẽ: 5 poor of 10 households at the end
 * of 2024, 4 at the end of 2025: down 10 points, met), Ba Chẽ's own trajectory, the programme's goals checked for the
 * province, and both XLSX files. A database of its own.
 */
@Tag("database")
@Tag("browser")
@Tag("own-database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "giamngheo.test.isolated=class-goal-journey")
class ClassGoalJourneyTest {

    private static final String PASSWORD = "mat-khau-2026";
    private static final String DECISION = "Hành trình mục tiêu xã nghèo (không phải danh sách chính thức)";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    private String base;
    private ChromeDriver driver;

    @Test
    void aProvinceSetsEachPoorCommuneMinusThreeAndReadsTheTrackingAndTheProgrammesGoals() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        PlanListsFixture lists = new PlanListsFixture(jdbc);
        PlanListsFixture.Commune baChe = lists.commune("06978");
        PlanListsFixture.Decision end2024 = lists.decide(baChe, 2025, LocalDate.of(2024, 12, 20), true);
        PlanListsFixture.Decision end2025 = lists.decide(baChe, 2026, LocalDate.of(2025, 12, 20), true);
        for (int i = 0; i < 10; i++) {
            long h = lists.household(baChe, "active");
            lists.list(end2024, h, i < 5 ? "poor" : "not_poor", null, false);
            lists.list(end2025, h, i < 4 ? "poor" : "not_poor", null, false);
        }
        long province = fixture.unitId("province", baChe.provinceCode());
        String admin = "qtri-xa-ngheo" + System.nanoTime() % 100000;
        users.create(admin, PASSWORD, "Quản trị", Role.ADMINISTRATOR, null);
        String officer = "tinh-xa-ngheo" + System.nanoTime() % 100000;
        users.create(officer, PASSWORD, "Cán bộ Sở Nông nghiệp và Môi trường", Role.PROVINCE_OFFICER, province);
        Path file = Files.createTempFile("xa-ngheo-", ".csv");
        Files.writeString(file, "Mã đơn vị,Loại địa bàn,Quyết định,Ngày quyết định,Hiệu lực từ,Hiệu lực đến\n"
                + "06970,Xã nghèo," + DECISION + ",15/03/2022,01/01/2022,31/12/2030\n"
                + "06973,poor_commune," + DECISION + ",15/03/2022,01/01/2022,31/12/2030\n", StandardCharsets.UTF_8);

        driver = Browser.start();
        try {
            base = "http://localhost:" + port;
            // ---- the administrator imports the old list and chooses the rule ----
            login(admin);
            driver.get(base + "/area-classes/import");
            driver.findElement(By.cssSelector(".area-class-upload input[type=file]")).sendKeys(file.toString());
            Browser.clickAndWaitForNextPage(driver, By.cssSelector(".area-class-upload button"));
            Browser.clickAndWaitForNextPage(driver, By.cssSelector(".area-class-confirm button"));
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("Đã lưu 2 dòng");
            driver.get(base + "/area-classes");
            new Select(driver.findElement(By.cssSelector(".area-class-rule select"))).selectByValue("any_predecessor");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector(".area-class-rule button"));
            driver.manage().deleteAllCookies();

            // ---- the province: each poor commune −3 points a year ----
            login(officer);
            driver.get(base + "/plans/goals?lang=vi");
            Browser.clickAndWaitForNextPage(driver, By.id("class-goals-link"));
            new Select(driver.findElement(By.id("class-goal-kind"))).selectByValue("each_unit");
            driver.findElement(By.id("class-poor_commune")).click();
            new Select(driver.findElement(By.id("class-goal-period"))).selectByValue("2021_2025");
            driver.findElement(By.id("class-goal-start-year")).sendKeys("2024");
            driver.findElement(By.id("class-goal-points")).sendKeys("3");
            Browser.clickAndWaitForNextPage(driver, By.id("class-goal-submit"));
            assertThat(driver.getCurrentUrl()).matches(".*/plans/goals/\\d+/tracking$");
            Browser.screenshot(driver, "class-goal-01-tracking");
            var year = driver.findElement(By.cssSelector("div[data-year='2025']"));
            assertThat(year.findElement(By.cssSelector(".tally")).getText()).isEqualTo("1 trên 1 xã đạt tiến độ");
            List<String> cells = year.findElements(By.cssSelector("tr[data-commune='06978'] td")).stream()
                    .map(e -> e.getText().strip()).toList();
            assertThat(cells).containsExactly("06978", cells.get(1), "50,00", "10", "4", "40,00", "10,00", "Đạt");
            assertThat(cells.get(1)).contains("Ba Chẽ");

            // ---- the tracking as XLSX ----
            String joined = String.join("|", texts(download(driver.findElement(By.id("class-goal-xlsx")).getAttribute("href"))));
            assertThat(joined).contains("2025|06978").contains("|10|5|0.5|10|4|0.4|10|Đạt").contains("1 trên 1 xã đạt tiến độ");

            // ---- Ba Chẽ's own trajectory ----
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("tr[data-commune='06978'] a"));
            Browser.screenshot(driver, "class-goal-02-commune");
            assertThat(driver.findElement(By.id("class-goal-commune-summary")).getText()).contains("50,00 %", "2024", "3,00");
            assertThat(driver.findElement(By.cssSelector("#goal-years tr[data-year='2025'] .actual-rate")).getText()).isEqualTo("40,00");
            assertThat(driver.findElement(By.cssSelector(".chart-box svg"))).isNotNull();

            // ---- the programme's goals checked for the province ----
            driver.get(base + "/programme/goals?year=2025&lang=vi");
            Browser.screenshot(driver, "class-goal-03-programme");
            String each = driver.findElement(By.cssSelector("#programme-goals tr[data-goal=poor_commune_fall]")).getText();
            assertThat(each).contains("Đạt", "1 trên 1 xã");
            String overall = driver.findElement(By.cssSelector("#programme-goals tr[data-goal=overall_fall]")).getText();
            assertThat(overall).contains("50,00%", "40,00%", "Đạt", "Giảm 10,00 điểm");
            assertThat(driver.findElement(By.cssSelector("#programme-goals tr[data-goal=region_ceiling] .outcome")).getText())
                    .isEqualTo("Chưa đo được");
            String programme = String.join("|", texts(download(driver.findElement(By.id("programme-goal-xlsx")).getAttribute("href"))));
            assertThat(programme).contains("|50|40|49|").contains("|1|1|1|Đạt|");
            driver.get(base + "/programme/goals?year=2025&lang=en");
            assertThat(driver.findElement(By.cssSelector("#programme-goals tr[data-goal=overall_fall]")).getText())
                    .contains("50.00%", "40.00%", "Met");
        } finally {
            driver.quit();
            Files.deleteIfExists(file);
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
