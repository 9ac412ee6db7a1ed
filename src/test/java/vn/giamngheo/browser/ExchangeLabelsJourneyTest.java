package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileReader;
import vn.giamngheo.exchange.ReadResult;
import vn.giamngheo.household.ExchangeMapping;
import vn.giamngheo.household.GeneratedHouseholds;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Issue 19 points 4 and 5 as a commune officer meets them on the import page: the template to fill is one click
 * away, and the export offers "Mã (cho máy)" or "Nhãn tiếng Việt (cho người)"; the file with labels has Vietnamese
 * titles and reads to the same households as the file with codes. In English the same page says it in English.
 */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExchangeLabelsJourneyTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;

    @Test
    void officerDownloadsTheTemplateAndExportsWithLabels() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 41);
        String suffix = String.valueOf(System.nanoTime() % 100000);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        long village = fixture.village(commune, "Thôn Khuổi Phầy");
        for (HouseholdData data : GeneratedHouseholds.generate(8, 41, 841_000L + Long.parseLong(suffix) % 1000,
                List.of(commune), "VL" + suffix + "-")) {
            registry.create(ExchangeMapping.toForm(data, village), officer);
        }
        users.create("xa-nhan" + suffix, "mat-khau-2026", "Cán bộ xã nhãn", Role.COMMUNE_OFFICER,
                fixture.unitId("commune", commune));

        ChromeDriver driver = Browser.start();
        try {
            String base = "http://localhost:" + port;
            driver.get(base + "/login");
            driver.findElement(By.id("username")).sendKeys("xa-nhan" + suffix);
            driver.findElement(By.id("password")).sendKeys("mat-khau-2026");
            Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));

            driver.get(base + "/imports");
            WebElement link = driver.findElement(By.id("import-template"));
            assertThat(link.getText()).isEqualTo("Tải tệp mẫu để điền (XLSX)");
            try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(download(driver, link.getAttribute("href"))))) {
                assertThat(template.getSheetName(0)).isEqualTo("Hướng dẫn");
                assertThat(template.getSheet("households").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã hộ");
                assertThat(template.getSheet("members").getRow(0).getCell(3).getStringCellValue()).isEqualTo("Họ và tên");
            }

            Select labels = new Select(driver.findElement(By.id("export-labels")));
            assertThat(labels.getOptions()).extracting(WebElement::getText)
                    .containsExactly("Mã (cho máy)", "Nhãn tiếng Việt (cho người)");
            assertThat(labels.getFirstSelectedOption().getText()).isEqualTo("Mã (cho máy)");
            String codesUrl = exportUrl(driver, base);
            labels.selectByValue("vi");
            Browser.screenshot(driver, "h2-01-import-page-template-and-labels");
            String labelsUrl = exportUrl(driver, base);
            assertThat(labelsUrl).contains("labels=vi");

            Map<String, byte[]> withCodes = unzip(download(driver, codesUrl));
            Map<String, byte[]> withLabels = unzip(download(driver, labelsUrl));
            String households = new String(withLabels.get("households.csv"), StandardCharsets.UTF_8);
            assertThat(households).startsWith("Mã hộ,Mã xã,Thôn/Tổ dân phố,").contains("Thôn Khuổi Phầy");
            assertThat(new String(withCodes.get("households.csv"), StandardCharsets.UTF_8)).startsWith("household_code,");
            ReadResult codes = read(withCodes);
            ReadResult vietnamese = read(withLabels);
            assertThat(vietnamese.problems()).isEmpty();
            assertThat(vietnamese.households()).hasSizeGreaterThanOrEqualTo(8).isEqualTo(codes.households());

            driver.get(base + "/imports?lang=en");
            assertThat(driver.findElement(By.id("import-template")).getText()).isEqualTo("Download the template to fill (XLSX)");
            assertThat(new Select(driver.findElement(By.id("export-labels"))).getOptions()).extracting(WebElement::getText)
                    .containsExactly("Codes (for machines)", "Vietnamese labels (for people)");
            driver.get(base + "/imports?lang=vi");
        } finally {
            driver.quit();
        }
    }

    /** The address the export form goes to with what is chosen in it (a download, so not followed by the browser). */
    private static String exportUrl(ChromeDriver driver, String base) {
        String query = (String) driver.executeScript("return new URLSearchParams(new FormData("
                + "document.querySelector(\"form[action$='/households/export']\"))).toString();");
        return base + "/households/export?" + query;
    }

    /** Downloads with the browser's session, as the logged-in user. */
    private static byte[] download(ChromeDriver driver, String url) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static ReadResult read(Map<String, byte[]> files) {
        return new HouseholdFileReader(LocalDate.now().plusDays(1)).read("households.csv",
                new ByteArrayInputStream(files.get("households.csv")), "members.csv",
                new ByteArrayInputStream(files.get("members.csv")));
    }
}
