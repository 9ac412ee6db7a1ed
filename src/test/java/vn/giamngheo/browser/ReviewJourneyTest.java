package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * The review through the pages, as its people do it: the commune officer runs the periodic review of 2025 (lists
 * of 2026) from opening the round to posting and a complaint, the commune chair signs the decision (refused first
 * inside the complaint period), the certificates print with Vietnamese diacritics, the province approves; then a
 * monthly round of October 2026 decides an escape application (form 04) received from the household's page.
 * Users and households are set up with the services; every step of the review is a click.
 */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewJourneyTest {

    private static final String PASSWORD = "mat-khau-2026";
    private static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired GeographyCatalog geography;

    private String base;
    private ChromeDriver driver;

    @Test
    void periodicAndMonthlyReviewThroughThePages() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 14);
        long communeId = fixture.unitId("commune", commune);
        String suffix = String.valueOf(System.nanoTime() % 100000);
        String officerName = "canbo" + suffix;
        String chairName = "chutich" + suffix;
        String provinceName = "tinh" + suffix;
        users.create(officerName, PASSWORD, "Cán bộ Lường Thị Mai", Role.COMMUNE_OFFICER, communeId);
        users.create(chairName, PASSWORD, "Hoàng Văn Thắng", Role.COMMUNE_CHAIR, communeId);
        users.create(provinceName, PASSWORD, "Cán bộ Sở Nông nghiệp", Role.PROVINCE_OFFICER, fixture.unitId("province", "08"));
        CurrentUser officer = users.findByUsername(officerName).orElseThrow();
        String villageA = "Nà Hẩu";
        String villageB = "Khuổi Lếch";
        long village1 = geography.createVillage(communeId, villageA, "thôn").id();
        long village2 = geography.createVillage(communeId, villageB, "thôn").id();
        Household poor = poor(commune, "HJ-1", village1, "Nguyễn Văn Hùng", officer);
        nearPoor(commune, "HJ-2", village1, "Trần Văn Đức", officer);
        comfortable(commune, "HJ-3", village1, "Lê Thị Ánh", officer);
        poor(commune, "HJ-4", village2, "Hoàng Thị Nguyệt", officer);

        driver = Browser.start();
        try {
            base = "http://localhost:" + port;

            // ---- the commune officer: periodic review of 2025 (lists of 2026) ----
            login(officerName);
            driver.get(base + "/reviews");
            shot("review-01-rounds");
            new Select(driver.findElement(By.id("open-commune"))).selectByValue(String.valueOf(communeId));
            new Select(driver.findElement(By.id("open-kind"))).selectByValue("periodic");
            WebElement year = driver.findElement(By.id("open-year"));
            year.clear();
            year.sendKeys("2025");
            submit(By.id("open-submit"));
            assertThat(driver.getCurrentUrl()).matches(".*/reviews/\\d+$");
            String roundUrl = driver.getCurrentUrl();
            assertThat(text("round-state")).isEqualTo("Chuẩn bị");
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains("2025");
            shot("review-02-opened");

            new Select(driver.findElement(By.id("add-village-id"))).selectByVisibleText(villageA);
            submit(By.id("add-village"));
            assertThat(text("added")).contains("3");
            driver.findElement(By.id("add-code")).sendKeys("HJ-4");
            submit(By.id("add-household"));
            assertThat(text("added")).contains("1");
            assertThat(rowCodes()).containsExactlyInAnyOrder("HJ-1", "HJ-2", "HJ-3", "HJ-4");
            shot("review-03-households-added");

            submit(By.id("advance"));
            assertThat(text("round-state")).isEqualTo("Thu thập thông tin");
            submit(By.id("collect-all"));
            assertThat(driver.findElement(By.id("done")).isDisplayed()).isTrue();
            assertThat(row("HJ-1").findElement(By.className("result")).getText()).isEqualTo("hộ nghèo");
            assertThat(row("HJ-2").findElement(By.className("result")).getText()).isEqualTo("hộ cận nghèo");
            shot("review-04-collected", "round-households");

            submit(By.linkText("HJ-1"));
            assertThat(text("review-result")).isEqualTo("hộ nghèo");
            assertThat(driver.findElements(By.cssSelector("#explanation li"))).isNotEmpty();
            assertThat(text("snapshot-households")).contains("HJ-1");
            shot("review-05-household-explanation");
            driver.get(roundUrl);

            submit(By.id("advance"));
            assertThat(text("round-state")).isEqualTo("Họp thôn");
            shot("review-06-meetings", "meeting-form");
            // 4 of 10 present agree: below 50 %, the households of the village go back to collection
            meeting(villageB, "2025-10-20", 12, 10, 4);
            assertThat(text("meeting-result")).contains("không đạt");
            assertThat(text("round-state")).isEqualTo("Thu thập thông tin");
            assertThat(row("HJ-4").getText()).contains("Trở lại thu thập");
            shot("review-07-meeting-failed", "meetings");

            submit(By.id("collect-all"));
            assertThat(row("HJ-4").findElement(By.className("result")).getText()).isEqualTo("hộ nghèo");
            submit(By.id("advance"));
            assertThat(text("round-state")).isEqualTo("Họp thôn");
            meeting(villageB, "2025-10-24", 12, 10, 6);
            assertThat(text("meeting-result")).contains("đã thống nhất");
            meeting(villageA, "2025-10-25", 30, 28, 14); // exactly 50 % passes
            assertThat(text("meeting-result")).contains("đã thống nhất");
            assertThat(driver.findElements(By.cssSelector("#meetings tbody tr"))).hasSize(3);
            assertThat(text("meetings")).contains("40,0%").contains("60,0%").contains("50,0%");
            shot("review-08-meetings-passed", "meetings");

            setDate("posting-start", "2025-11-03");
            submit(By.id("posting-submit"));
            assertThat(text("round-state")).isEqualTo("Niêm yết");
            assertThat(text("posting-dates")).contains("03/11/2025").contains("05/11/2025").contains("10/11/2025");
            shot("review-09-posted", "posting-dates");

            driver.findElement(By.id("complaint-who")).sendKeys("Lò Văn Páo");
            setDate("complaint-date", "2025-11-04");
            // the household is found by its head's name, as typed (htmx search), and chosen among the matches
            driver.findElement(By.id("complaint-household-search")).sendKeys("Văn Đức");
            driver.findElement(By.cssSelector("#complaint-matches input[data-code='HJ-2']")).click();
            driver.findElement(By.id("complaint-content")).sendKeys("Hộ ông Đức có xe máy mới, đề nghị xem lại.");
            submit(By.id("complaint-submit"));
            assertThat(text("complaints")).contains("Lò Văn Páo").contains("HJ-2");
            shot("review-10-complaint", "complaints");
            driver.findElement(By.cssSelector("#complaints textarea[name=recheckNote]"))
                    .sendKeys("Đã phúc tra: xe mua trả góp, thu nhập không đổi.");
            driver.findElement(By.cssSelector("#complaints .complaint-answer")).sendKeys("Giữ nguyên kết quả rà soát.");
            submit(By.cssSelector("#complaints .complaint-answer-submit"));
            assertThat(text("complaints")).contains("Giữ nguyên kết quả rà soát.");
            assertThat(driver.findElements(By.cssSelector("#complaints .complaint-answer"))).isEmpty();
            shot("review-11-complaint-answered", "complaints");
            logout();

            // ---- the commune chair signs: refused inside the complaint period, then on 12 November ----
            login(chairName);
            driver.get(roundUrl);
            driver.findElement(By.id("decision-number")).sendKeys("101/QĐ-UBND");
            setDate("decision-date", "2025-11-07");
            submit(By.id("decision-submit"));
            confirm();
            assertThat(text("problems")).contains("Thời gian niêm yết và nhận khiếu nại kéo dài đến 10/11/2025")
                    .contains("chưa được quyết định");
            assertThat(text("round-state")).isEqualTo("Niêm yết");
            shot("review-12-decision-refused");
            shot("review-12-decision-form", "decision-form");
            driver.findElement(By.id("decision-number")).sendKeys("101/QĐ-UBND");
            setDate("decision-date", "2025-11-12");
            submit(By.id("decision-submit"));
            confirm();
            assertThat(text("round-state")).isEqualTo("Đã quyết định");
            assertThat(text("approval-state")).isEqualTo("Chờ tỉnh");
            assertThat(text("decision")).contains("101/QĐ-UBND").contains("12/11/2025").contains("01/01/2026");
            assertThat(listCount("poor")).isEqualTo("2");
            assertThat(listCount("near_poor")).isEqualTo("1");
            shot("review-13-decided", "decision");

            // the certificates in batch: poor households first (village, code), then near-poor; page 1 as an image
            byte[] pdf = download(driver.findElement(By.id("certificates-pdf")).getAttribute("href"));
            Path pdfFile = SHOTS.resolve("review-14-certificates.pdf");
            Files.write(pdfFile, pdf);
            run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdfFile.toString(),
                    SHOTS.resolve("review-14-certificates-page1").toString());
            assertThat(SHOTS.resolve("review-14-certificates-page1.png")).isNotEmptyFile();
            String page1 = pdfText(pdfFile, 1);
            assertThat(page1).contains("GIẤY CHỨNG NHẬN HỘ NGHÈO").contains("Hoàng Thị Nguyệt").contains("Khuổi Lếch")
                    .contains("HJ-4").contains("Số: 1/GCN-HN").contains("Hoàng Văn Thắng").doesNotContain("Nguyễn Văn Hùng");
            String all = pdfText(pdfFile, null);
            assertThat(all).contains("Nguyễn Văn Hùng").contains("Trần Thị Lan").contains("GIẤY CHỨNG NHẬN HỘ CẬN NGHÈO")
                    .contains("Trần Văn Đức").doesNotContain("Lê Thị Ánh");
            // one household's certificate, from its row
            byte[] single = download(row("HJ-1").findElement(By.linkText("Giấy chứng nhận")).getAttribute("href"));
            Path singleFile = SHOTS.resolve("review-15-certificate-HJ-1.pdf");
            Files.write(singleFile, single);
            run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", singleFile.toString(),
                    SHOTS.resolve("review-15-certificate-HJ-1").toString());
            assertThat(pdfText(singleFile, null)).contains("GIẤY CHỨNG NHẬN HỘ NGHÈO").contains("Nguyễn Văn Hùng")
                    .contains("Nà Hẩu").contains("HJ-1").contains("Năm 2026");
            // the same documents as Word files to edit, from the links beside the PDFs; LibreOffice opens them
            assertThat(driver.findElement(By.id("annex-docx")).getText()).isEqualTo("Phụ lục (Word)");
            shot("review-15b-word-links", "annex-docx");
            byte[] annexDocx = downloadWord(driver.findElement(By.id("annex-docx")).getAttribute("href"));
            byte[] certificatesDocx = downloadWord(driver.findElement(By.id("certificates-docx")).getAttribute("href"));
            byte[] oneDocx = downloadWord(row("HJ-1").findElement(By.linkText("Word")).getAttribute("href"));
            vn.giamngheo.document.LibreOffice.require();
            assertThat(vn.giamngheo.document.LibreOffice.text(vn.giamngheo.document.LibreOffice.convert(
                    "journey-annex.docx", annexDocx))).contains("PHỤ LỤC", "101/QĐ-UBND", "HJ-4", "Hoàng Thị Nguyệt");
            assertThat(vn.giamngheo.document.LibreOffice.text(vn.giamngheo.document.LibreOffice.convert(
                    "journey-certificates.docx", certificatesDocx))).contains("GIẤY CHỨNG NHẬN HỘ CẬN NGHÈO", "Trần Văn Đức");
            assertThat(vn.giamngheo.document.LibreOffice.text(vn.giamngheo.document.LibreOffice.convert(
                    "journey-certificate-HJ-1.docx", oneDocx))).contains("Nguyễn Văn Hùng").doesNotContain("Trần Văn Đức");
            logout();

            // ---- the province approves ----
            login(provinceName);
            driver.get(roundUrl);
            shot("review-16-province-awaiting");
            submit(By.id("approve"));
            confirm();
            assertThat(text("approval-state")).isEqualTo("Đã phê duyệt");
            assertThat(text("approvals")).contains("Cấp tỉnh: phê duyệt").contains(provinceName);
            shot("review-17-approved", "approvals");
            driver.get(base + "/reviews/progress?year=2025");
            shot("review-18-province-progress");
            logout();

            // ---- monthly round of October 2026: an escape application (form 04) from the household's page ----
            HouseholdForm better = HouseholdForm.of(registry.get(poor.id(), officer));
            prosper(better);
            registry.update(poor.id(), better, officer);
            login(officerName);
            driver.get(base + "/households/" + poor.id());
            submit(By.id("new-application"));
            new Select(driver.findElement(By.id("application-type"))).selectByValue("04");
            setDate("application-date", "2026-10-02");
            new Select(driver.findElement(By.id("application-channel"))).selectByValue("in_person");
            shot("review-19-application-form");
            submit(By.id("application-submit"));
            assertThat(driver.findElement(By.id("done")).isDisplayed()).isTrue();
            assertThat(text("applications")).contains("HJ-1").contains("30/10/2026");
            shot("review-20-application-received");

            driver.get(base + "/reviews");
            new Select(driver.findElement(By.id("open-kind"))).selectByValue("monthly");
            WebElement monthlyYear = driver.findElement(By.id("open-year"));
            monthlyYear.clear();
            monthlyYear.sendKeys("2026");
            driver.findElement(By.id("open-month")).sendKeys("10");
            submit(By.id("open-submit"));
            assertThat(driver.getCurrentUrl()).matches(".*/reviews/\\d+$");
            String monthlyUrl = driver.getCurrentUrl();
            assertThat(monthlyUrl).isNotEqualTo(roundUrl);
            submit(By.id("add-applications"));
            assertThat(rowCodes()).containsExactly("HJ-1");
            submit(By.id("advance"));
            submit(By.id("collect-all"));
            assertThat(row("HJ-1").findElement(By.className("result")).getText()).isNotEqualTo("hộ nghèo").isNotBlank();
            shot("review-21-monthly-collected", "round-households");
            submit(By.id("advance"));
            meeting(villageA, "2026-10-15", 25, 20, 18); // the monthly round opens on the 15th
            assertThat(text("meeting-result")).contains("đã thống nhất");
            setDate("posting-start", "2026-10-15");
            submit(By.id("posting-submit"));
            assertThat(text("round-state")).isEqualTo("Niêm yết");
            shot("review-22-monthly-posted", "posting-dates");
            logout();

            login(chairName);
            driver.get(monthlyUrl);
            driver.findElement(By.id("decision-number")).sendKeys("140/QĐ-UBND");
            setDate("decision-date", "2026-10-23");
            submit(By.id("decision-submit"));
            confirm();
            assertThat(text("round-state")).isEqualTo("Đã quyết định");
            assertThat(text("decision")).contains("23/10/2026");
            assertThat(listCount("escaped_poor")).isEqualTo("1");
            assertThat(listCount("poor")).isEqualTo("0");
            shot("review-23-monthly-decided", "decision");
            logout();

            login(provinceName);
            driver.get(monthlyUrl);
            submit(By.id("approve"));
            confirm();
            assertThat(text("approval-state")).isEqualTo("Đã phê duyệt");
            shot("review-24-monthly-approved");
            driver.get(base + "/households/" + poor.id());
            assertThat(driver.executeScript("return typeof htmx")).as("htmx loaded").isEqualTo("object");
            assertThat(driver.findElement(By.cssSelector("#decided-statuses-panel table")).getText())
                    .contains("101/QĐ-UBND").contains("140/QĐ-UBND");
            shot("review-25-household-status-history", "decided-statuses-panel");
        } finally {
            driver.quit();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private void meeting(String village, String heldOn, int invited, int attendees, int agreed) {
        new Select(driver.findElement(By.id("meeting-village"))).selectByVisibleText(village);
        setDate("meeting-date", heldOn);
        driver.findElement(By.id("meeting-chair")).sendKeys("Vàng A Dính");
        driver.findElement(By.id("meeting-invited")).sendKeys(String.valueOf(invited));
        driver.findElement(By.id("meeting-attendees")).sendKeys(String.valueOf(attendees));
        driver.findElement(By.id("meeting-agreed")).sendKeys(String.valueOf(agreed));
        submit(By.id("meeting-submit"));
    }

    /** The confirmation step of a decision or an approval: the summary is shown, "I have read" ticked, confirmed. */
    private void confirm() {
        assertThat(driver.findElement(By.id("round-summary")).isDisplayed()).isTrue();
        driver.findElement(By.id("confirm-read")).click();
        submit(By.id("confirm-submit"));
    }

    /** Clicks what submits a form or follows a link, and waits until the next page has replaced this one. */
    private void submit(By what) {
        Browser.clickAndWaitForNextPage(driver, what);
    }

    /** Date inputs display in the browser's locale; the value they submit is always ISO. */
    private void setDate(String id, String iso) {
        driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), iso);
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText().strip();
    }

    private WebElement row(String code) {
        return driver.findElement(By.cssSelector("#round-households tr[data-code='" + code + "']"));
    }

    private java.util.List<String> rowCodes() {
        return driver.findElements(By.cssSelector("#round-households tbody tr[data-code]")).stream()
                .map(r -> r.getAttribute("data-code")).toList();
    }

    private String listCount(String list) {
        return driver.findElement(By.cssSelector("#decided-lists td[data-list='" + list + "']")).getText().strip();
    }

    private void shot(String name) throws Exception {
        Browser.screenshot(driver, name);
    }

    /** A screenshot with the element of interest scrolled into view. */
    private void shot(String name, String id) throws Exception {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", driver.findElement(By.id(id)));
        Browser.screenshot(driver, name);
    }

    /** Downloads with the browser's session, as the logged-in user. */
    private byte[] download(String url) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        return response.body();
    }

    /** Downloads a Word file with the browser's session. */
    private byte[] downloadWord(String url) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        return response.body();
    }

    /** The text of a PDF (one page, or all when null) by pdftotext, in NFC. */
    private static String pdfText(Path pdf, Integer page) throws Exception {
        Path text = Path.of(pdf.toString().replaceAll("\\.pdf$", "") + (page == null ? "" : "-page" + page) + ".txt");
        if (page == null) {
            run("pdftotext", "-enc", "UTF-8", pdf.toString(), text.toString());
        } else {
            run("pdftotext", "-f", String.valueOf(page), "-l", String.valueOf(page), "-enc", "UTF-8", pdf.toString(),
                    text.toString());
        }
        return Normalizer.normalize(Files.readString(text, StandardCharsets.UTF_8), Normalizer.Form.NFC);
    }

    private static void run(String... command) throws Exception {
        Files.createDirectories(SHOTS);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private void login(String username) {
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        submit(By.id("login-submit"));
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/");
    }

    private void logout() {
        submit(By.cssSelector("form[action$='/logout'] button"));
        assertThat(driver.getCurrentUrl()).contains("/login");
    }

    // ---- households whose status under every standard is known (as the review's own fixture builds them) ----

    private Household poor(String commune, String code, long village, String head, CurrentUser officer) {
        HouseholdForm f = form(commune, code, village, head);
        f.setIncomePerCapita(600_000L);
        f.setHousingQuality("makeshift");
        f.setWaterSource("surface_water");
        f.setToilet("none");
        f.setInternetUse(false);
        f.getMembers().forEach(m -> m.setHealthInsurance(false));
        return registry.create(f, officer);
    }

    private Household nearPoor(String commune, String code, long village, String head, CurrentUser officer) {
        HouseholdForm f = form(commune, code, village, head);
        f.setIncomePerCapita(1_000_000L);
        return registry.create(f, officer);
    }

    private Household comfortable(String commune, String code, long village, String head, CurrentUser officer) {
        HouseholdForm f = form(commune, code, village, head);
        f.setIncomePerCapita(9_000_000L);
        return registry.create(f, officer);
    }

    private static HouseholdForm form(String commune, String code, long village, String head) {
        HouseholdForm f = RegistryFixture.household(commune, code);
        f.setVillageId(village);
        f.getMembers().get(0).setFullName(head);
        return f;
    }

    private static void prosper(HouseholdForm f) {
        f.setIncomePerCapita(9_000_000L);
        f.setHousingQuality("durable");
        f.setWaterSource("piped");
        f.setToilet("septic");
        f.setInternetUse(true);
        f.getMembers().forEach(m -> m.setHealthInsurance(true));
    }
}
