package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.household.GeneratedHouseholds;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.household.importing.HouseholdImport;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Issue 19: a commune officer sends back a corrected file in update mode with a misspelt village: the preview
 * refuses the village and names the closest ones; with the village fixed, the preview shows the changes
 * (before → after, in words) and nothing else; confirming stores them and the household shows its new value.
 */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportUpdateJourneyTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdImport importer;

    @Test
    void aCorrectedFileIsPreviewedRefusedForItsVillageThenFixedConfirmedAndShown() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 41);
        fixture.generatedVillages(List.of(commune));
        String suffix = String.valueOf(System.nanoTime() % 100000);
        String username = "xa-sua" + suffix;
        users.create(username, "mat-khau-2026", "Cán bộ xã sửa tệp", Role.COMMUNE_OFFICER, fixture.unitId("commune", commune));
        CurrentUser officer = users.findByUsername(username).orElseThrow();
        String prefix = "UJ" + suffix + "-";
        List<HouseholdData> data = GeneratedHouseholds.generate(6, 41, 841 + System.nanoTime() % 50, List.of(commune), prefix);
        String[] registered = csv(data);
        HouseholdImport.Result added = importer.importFiles(2026, "h.csv",
                new ByteArrayInputStream(registered[0].getBytes(StandardCharsets.UTF_8)), "m.csv",
                new ByteArrayInputStream(registered[1].getBytes(StandardCharsets.UTF_8)), officer, p -> { });
        assertThat(added.stored()).as(added.problems().toString()).isTrue();

        // the corrected file: households 0 and 3 get piped water; household 1's village is misspelt
        String[] lines = registered[0].split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        String target = prefix + "0";
        boolean wasPiped = lines[1].split(",", -1)[header.indexOf("water_source")].equals("piped");
        String newWater = wasPiped ? "rain_water" : "piped";
        lines[1] = cell(lines[1], header.indexOf("water_source"), newWater);
        lines[4] = cell(lines[4], header.indexOf("water_source"),
                lines[4].split(",", -1)[header.indexOf("water_source")].equals("piped") ? "rain_water" : "piped");
        String misspelt = cell(lines[2], header.indexOf("village"), "Ban 2x");
        String fixedLine = lines[2];
        lines[2] = misspelt;
        Path dir = Files.createTempDirectory("import-update-journey");
        Path bad = Files.writeString(dir.resolve("ho-sua-sai.csv"), String.join("\r\n", lines) + "\r\n");
        lines[2] = fixedLine;
        Path good = Files.writeString(dir.resolve("ho-sua.csv"), String.join("\r\n", lines) + "\r\n");
        Path members = Files.writeString(dir.resolve("thanh-vien.csv"), registered[1]);
        long id = jdbc.sql("SELECT id FROM household WHERE household_code = :c").param("c", target).query(Long.class).single();
        int version = jdbc.sql("SELECT version FROM household WHERE id = :id").param("id", id).query(Integer.class).single();

        ChromeDriver driver = Browser.start();
        try {
            String base = "http://localhost:" + port;
            driver.get(base + "/login");
            driver.findElement(By.id("username")).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys("mat-khau-2026");
            Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));

            upload(driver, base, bad, members);
            waitFor(driver, "import-preview-refused");
            String problems = driver.findElement(By.id("import-preview-problems")).getText();
            assertThat(problems).contains("Ban 2x: không có thôn này; gần nhất: Bản 2").contains("village");
            assertThat(driver.findElements(By.id("import-confirm"))).isEmpty();
            Browser.screenshot(driver, "h1-01-import-village-refused");

            upload(driver, base, good, members);
            waitFor(driver, "import-would-store");
            assertThat(driver.findElement(By.id("count-changed")).getText()).isEqualTo("2");
            assertThat(driver.findElement(By.id("count-unchanged")).getText()).isEqualTo("4");
            assertThat(driver.findElement(By.id("count-new")).getText()).isEqualTo("0");
            String changes = driver.findElement(By.id("import-changed")).getText();
            assertThat(changes).contains("Nguồn nước sinh hoạt").contains(wasPiped ? "nước mưa" : "nước máy")
                    .contains(target);
            Browser.screenshot(driver, "h1-02-import-preview-changes");
            assertThat(jdbc.sql("SELECT version FROM household WHERE id = :id").param("id", id).query(Integer.class).single())
                    .as("nothing stored before confirming").isEqualTo(version);

            Browser.clickAndWaitForNextPage(driver, By.id("import-confirm"));
            assertThat(waitFor(driver, "import-stored")).contains("2");
            Browser.screenshot(driver, "h1-03-import-updated");

            driver.get(base + "/households/" + id);
            assertThat(driver.findElement(By.tagName("body")).getText()).contains(wasPiped ? "nước mưa" : "nước máy");
        } finally {
            driver.quit();
        }
        assertThat(jdbc.sql("SELECT water_source FROM household WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo(newWater);
        assertThat(jdbc.sql("SELECT version FROM household WHERE id = :id").param("id", id).query(Integer.class).single())
                .isEqualTo(version + 1);
    }

    private static String[] csv(List<HouseholdData> data) {
        HouseholdFileWriter writer = new HouseholdFileWriter();
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        writer.writeHouseholdsCsv(data, h);
        writer.writeMembersCsv(data, m);
        return new String[] {h.toString(StandardCharsets.UTF_8), m.toString(StandardCharsets.UTF_8)};
    }

    private static String cell(String line, int column, String value) {
        String[] cells = line.split(",", -1);
        cells[column] = value;
        return String.join(",", cells);
    }

    private static void upload(ChromeDriver driver, String base, Path households, Path members) {
        driver.get(base + "/imports");
        driver.findElement(By.id("import-mode-update")).click();
        driver.findElement(By.cssSelector("#import-form input[name=households]")).sendKeys(households.toString());
        driver.findElement(By.cssSelector("#import-form input[name=members]")).sendKeys(members.toString());
        Browser.clickAndWaitForNextPage(driver, By.cssSelector("#import-form button[type=submit]"));
    }

    private static String waitFor(ChromeDriver driver, String id) throws Exception {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(120))
                    .ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> d.findElements(By.id(id)).isEmpty() ? null : d.findElement(By.id(id)).getText());
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(driver, "h1-timeout-" + id);
            throw new AssertionError("no #" + id + " on " + driver.getCurrentUrl() + ": "
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }
}
