package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * People as well as households through the pages: a commune officer reads the people section of the commune's report
 * (members of poor households by village, with their denominators) and downloads it as XLSX; a province officer sets a
 * coverage target about people (trained workers among the poor) on the province's plan and reads its progress. Every
 * figure checked is counted here with SQL. Households, members and lists are written with SQL on two communes of
 * province 14 (a database of its own).
 */
@Tag("database")
@Tag("browser")
@Tag("own-database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "giamngheo.test.isolated=people-journey")
class PeopleJourneyTest {

    private static final String PASSWORD = "mat-khau-2026";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    private String base;
    private ChromeDriver driver;

    @Test
    void theCommuneReadsItsPeopleAndTheProvinceSetsATargetAboutPeople() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        PlanListsFixture lists = new PlanListsFixture(jdbc);
        PlanListsFixture.Commune a = lists.commune(fixture.communeCode("14", 5));
        long village = fixture.village(a.code(), "Thôn Bản Người");
        // 10 households in the village, 4 poor; each 3 members: a trained worker of 30, an untrained of 40, a child of 8
        PlanListsFixture.Decision d = lists.decide(a, 2026, LocalDate.of(2025, 12, 20), true);
        for (int i = 0; i < 10; i++) {
            long h = lists.household(a, "active");
            jdbc.sql("UPDATE household SET village_id = :v WHERE id = :h").param("v", village).param("h", h).update();
            member(h, 1, "1996-03-10", "male", i % 2 == 0 ? "college" : "primary", "head");
            member(h, 2, "1986", "female", "lower_secondary", "spouse");
            member(h, 3, "2018-05-05", "female", "none", "child");
            lists.list(d, h, i < 4 ? "poor" : "not_poor", null, false);
        }
        long poorMembers = count("TRUE");
        long poorWorking = count("m.birth_date <= DATE '2011-12-31' AND m.birth_date > DATE '1965-06-30'");
        long poorTrained = count("m.birth_date <= DATE '2011-12-31' AND m.birth_date > DATE '1965-06-30'"
                + " AND m.education IN ('vocational_elementary', 'vocational_intermediate', 'college', 'university')");
        assertThat(poorMembers).isEqualTo(12);

        String suffix = String.valueOf(System.nanoTime() % 100000);
        String communeName = "xa-ng" + suffix;
        String provinceName = "tinh-ng" + suffix;
        users.create(communeName, PASSWORD, "Cán bộ Hà Thị Lan", Role.COMMUNE_OFFICER, a.id());
        users.create(provinceName, PASSWORD, "Cán bộ Sở", Role.PROVINCE_OFFICER, fixture.unitId("province", "14"));

        driver = Browser.start();
        try {
            base = "http://localhost:" + port;
            login(communeName);
            driver.get(base + "/reports?unit=" + a.id() + "&year=2026&report=people");
            assertThat(driver.findElement(By.tagName("h2")).getText()).contains("Người");
            String page = driver.findElement(By.tagName("main")).getText();
            assertThat(page).contains("Thôn Bản Người", "Cộng hộ nghèo", "Lao động qua đào tạo", "Trên số người trong độ tuổi lao động");
            WebElement poorTotal = row("Cộng hộ nghèo");
            assertThat(poorTotal.findElements(By.tagName("td")).get(2).getText().strip()).isEqualTo(String.valueOf(poorMembers));
            Browser.screenshot(driver, "people-01-commune-section");

            byte[] xlsx = download(driver.findElement(By.id("export-xlsx")).getAttribute("href"));
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Row total = find(book.getSheetAt(0), "Cộng hộ nghèo");
                assertThat(number(total, 2)).isEqualTo(poorMembers);
                Row trained = find(book.getSheetAt(1), "Cộng hộ nghèo");
                // No., unit, then three columns (count, base, rate) per indicator: trained workers are the sixth
                assertThat(number(trained, 2 + 5 * 3)).isEqualTo(poorTrained);
                assertThat(number(trained, 2 + 5 * 3 + 1)).isEqualTo(poorWorking);
            }
            logout();

            login(provinceName);
            driver.get(base + "/plans?year=2026");
            WebElement year = driver.findElement(By.cssSelector("#plan-form input[name=year]"));
            year.clear();
            year.sendKeys("2026");
            WebElement reduction = driver.findElement(By.cssSelector("#plan-form input[name=poorReduction]"));
            reduction.clear();
            reduction.sendKeys("1");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#plan-form button[type=submit]"));
            new Select(driver.findElement(By.id("coverage-code"))).selectByValue("people:trained_workers");
            new Select(driver.findElement(By.id("coverage-group"))).selectByValue("poor");
            driver.findElement(By.id("coverage-share")).sendKeys("60");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#coverage-form button[type=submit]"));
            assertThat(driver.findElement(By.id("plan-coverage")).getText())
                    .contains("lao động qua đào tạo", "(" + poorTrained + "/" + poorWorking + ")");
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", driver.findElement(By.id("plan-coverage")));
            Browser.screenshot(driver, "people-02-plan-target");
        } finally {
            driver.quit();
        }
    }

    private void member(long household, int no, String born, String sex, String education, String relation) {
        boolean yearOnly = born.length() == 4;
        jdbc.sql("""
                        INSERT INTO household_member (province_code, household_id, member_no, full_name, birth_date,
                            birth_year_only, sex, ethnicity, relation, employment, working_capacity, health_insurance,
                            education, in_school)
                        VALUES ('14', :h, :no, :name, :born, :yo, :sex, 'Tày', :rel, 'self_employed', true, true, :edu, false)""")
                .param("h", household).param("no", no).param("name", "Người " + no)
                .param("born", yearOnly ? LocalDate.of(Integer.parseInt(born), 1, 1) : LocalDate.parse(born))
                .param("yo", yearOnly).param("sex", sex).param("rel", relation).param("edu", education).update();
    }

    /** Members of the poor households of the fixture (status poor in force at the end of 2026) for whom it holds. */
    private long count(String condition) {
        return jdbc.sql("SELECT count(*) FROM household_member m JOIN household_status s ON s.household_id = m.household_id"
                        + " AND s.province_code = m.province_code WHERE s.status = 'poor' AND NOT s.revoked AND " + condition)
                .query(Long.class).single();
    }

    private WebElement row(String first) {
        for (WebElement tr : driver.findElements(By.cssSelector("table.report tbody tr"))) {
            if (tr.getText().contains(first)) {
                return tr;
            }
        }
        throw new AssertionError("no row " + first);
    }

    private static Row find(Sheet sheet, String text) {
        for (Row r : sheet) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().strip().equals(text)) {
                    return r;
                }
            }
        }
        throw new AssertionError("no row " + text + " in " + sheet.getSheetName());
    }

    private static long number(Row r, int column) {
        return (long) r.getCell(column).getNumericCellValue();
    }

    private byte[] download(String url) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
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
