package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Issue 18: the import page runs on the one pipeline: a commune officer uploads a file with a household of another
 * commune and reads the problem in Vietnamese with its line and column (nothing stored), then the good file, which
 * is stored and classified.
 */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportJourneyTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    @Test
    void officerSeesTheProblemsOfARefusedFileThenStoresTheGoodOne() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 37);
        String other = fixture.communeCode("08", 38);
        String suffix = String.valueOf(System.nanoTime() % 100000);
        fixture.generatedVillages(List.of(commune, other));
        users.create("xa-nhap" + suffix, "mat-khau-2026", "Cán bộ xã thử", Role.COMMUNE_OFFICER, fixture.unitId("commune", commune));
        Path dir = Files.createTempDirectory("import-journey");
        Path[] refused = write(dir.resolve("refused"), GeneratedHouseholds.generate(6, 31, 831, List.of(commune, commune, other), "NJ" + suffix + "-"));
        Path[] good = write(dir.resolve("good"), GeneratedHouseholds.generate(6, 32, 832, List.of(commune), "NJ" + suffix + "-"));

        ChromeDriver driver = Browser.start();
        try {
            String base = "http://localhost:" + port;
            driver.get(base + "/login");
            driver.findElement(By.id("username")).sendKeys("xa-nhap" + suffix);
            driver.findElement(By.id("password")).sendKeys("mat-khau-2026");
            Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));

            upload(driver, base, refused);
            waitFor(driver, "import-preview-refused");
            assertThat(driver.findElement(By.id("count-refused")).getText()).isEqualTo("2");
            assertThat(driver.findElements(By.id("import-confirm"))).as("nothing to confirm").isEmpty();
            String problems = driver.findElement(By.id("import-preview-problems")).getText();
            assertThat(problems).contains("commune_code").contains(other).contains("nằm ngoài địa bàn");
            Browser.screenshot(driver, "h5-01-import-refused");

            upload(driver, base, good);
            waitFor(driver, "import-would-store");
            assertThat(driver.findElement(By.id("count-new")).getText()).isEqualTo("6");
            Browser.clickAndWaitForNextPage(driver, By.id("import-confirm"));
            assertThat(waitFor(driver, "import-stored")).contains("6");
            Browser.screenshot(driver, "h5-02-import-stored");
        } finally {
            driver.quit();
        }
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM household WHERE province_code = '08' AND household_code LIKE :p
                           AND classified_standard IS NOT NULL""")
                .param("p", "NJ" + suffix + "-%").query(Long.class).single()).isEqualTo(6);
    }

    private static Path[] write(Path dir, List<HouseholdData> data) throws Exception {
        Files.createDirectories(dir);
        HouseholdFileWriter writer = new HouseholdFileWriter();
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        writer.writeHouseholdsCsv(data, h);
        writer.writeMembersCsv(data, m);
        return new Path[] {Files.write(dir.resolve("households.csv"), h.toByteArray()),
                Files.write(dir.resolve("members.csv"), m.toByteArray())};
    }

    private static void upload(ChromeDriver driver, String base, Path[] files) {
        driver.get(base + "/imports");
        driver.findElement(By.cssSelector("#import-form input[name=households]")).sendKeys(files[0].toString());
        driver.findElement(By.cssSelector("#import-form input[name=members]")).sendKeys(files[1].toString());
        Browser.clickAndWaitForNextPage(driver, By.cssSelector("#import-form button[type=submit]"));
    }

    /** The text of the element once the progress poll has shown it (htmx replaces the fragment when done). */
    private static String waitFor(ChromeDriver driver, String id) {
        return new WebDriverWait(driver, Duration.ofSeconds(120))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElements(By.id(id)).isEmpty() ? null : d.findElement(By.id(id)).getText());
    }
}
