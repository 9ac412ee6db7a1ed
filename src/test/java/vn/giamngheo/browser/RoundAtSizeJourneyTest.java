package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.MemberForm;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * A round with more households than a page (issue 16) from collection to the province's approval, every action
 * taken in the step panel above the household list: the background collection, the blocked household named with a
 * link to its missing field and the refusal naming it, the pages of households, the complaint found by the head's
 * name, and the summary with the confirmation before the chair signs and before the province approves.
 */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoundAtSizeJourneyTest {

    private static final String PASSWORD = "mat-khau-2026";
    private static final int HOUSEHOLDS = 120;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired GeographyCatalog geography;

    private String base;
    private ChromeDriver driver;

    @Test
    void aRoundLargerThanAPageFromCollectionToApprovalWithTheStepsAboveTheHouseholds() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 120);
        long communeId = fixture.unitId("commune", commune);
        String suffix = String.valueOf(System.nanoTime() % 100000);
        String officerName = "cbsize" + suffix;
        String chairName = "ctsize" + suffix;
        String provinceName = "tsize" + suffix;
        users.create(officerName, PASSWORD, "Cán bộ Đinh Thị Hoa", Role.COMMUNE_OFFICER, communeId);
        users.create(chairName, PASSWORD, "Ma Văn Sơn", Role.COMMUNE_CHAIR, communeId);
        users.create(provinceName, PASSWORD, "Cán bộ Sở", Role.PROVINCE_OFFICER, fixture.unitId("province", "08"));
        CurrentUser officer = users.findByUsername(officerName).orElseThrow();
        long village1 = geography.createVillage(communeId, "Bản Pác", "thôn").id();
        long village2 = geography.createVillage(communeId, "Nặm Đăm", "thôn").id();
        for (int i = 1; i <= HOUSEHOLDS; i++) {
            HouseholdForm f = RegistryFixture.household(commune, String.format("SZ-%03d", i));
            f.setVillageId(i % 2 == 0 ? village1 : village2);
            f.setIncomePerCapita(i % 3 == 0 ? 9_000_000L : 1_000_000L);
            f.getMembers().get(0).setFullName(i == 77 ? "Sầm Thị Quyên" : "Nông Văn " + i);
            registry.create(f, officer);
        }
        // a household whose child's nutrition and schooling were not recorded: it cannot be classified
        HouseholdForm gap = RegistryFixture.household(commune, "SZ-GAP");
        gap.setVillageId(village1);
        gap.setIncomePerCapita(1_000_000L);
        gap.getMembers().get(0).setFullName("Hà Văn Thiếu");
        MemberForm child = RegistryFixture.member(3, "Hà Văn Nhỏ", "child", "2017-05-01");
        child.setIdNumber(null);
        gap.getMembers().add(child);
        Household blocked = registry.create(gap, officer);

        driver = Browser.start();
        try {
            base = "http://localhost:" + port;
            login(officerName);
            driver.get(base + "/reviews");
            new Select(driver.findElement(By.id("open-commune"))).selectByValue(String.valueOf(communeId));
            new Select(driver.findElement(By.id("open-kind"))).selectByValue("periodic");
            WebElement year = driver.findElement(By.id("open-year"));
            year.clear();
            year.sendKeys("2025");
            submit(By.id("open-submit"));
            String roundUrl = driver.getCurrentUrl();
            assertThat(roundUrl).matches(".*/reviews/\\d+$");
            for (String village : List.of("Bản Pác", "Nặm Đăm")) {
                new Select(driver.findElement(By.id("add-village-id"))).selectByVisibleText(village);
                submit(By.id("add-village"));
            }
            assertThat(text("households-shown")).contains("121");
            submit(By.id("advance"));
            assertThat(text("round-state")).isEqualTo("Thu thập thông tin");

            // collection in the background; the panel (not the list) holds the action
            assertAbove("collect-all", "round-households");
            collectAll();
            assertThat(text("blocked")).contains("SZ-GAP").contains("Hà Văn Thiếu").contains("thành viên 3");
            WebElement fact = driver.findElement(By.cssSelector("#blocked-households li[data-code='SZ-GAP'] a.missing-fact"));
            assertThat(fact.getAttribute("href")).contains("/households/" + blocked.id() + "/edit#member-3-");
            assertAbove("blocked", "round-households");
            Browser.screenshot(driver, "round-size-01-blocked");

            // the refusal names the household
            submit(By.id("advance"));
            assertThat(text("problems")).contains("SZ-GAP (Hà Văn Thiếu)");
            assertThat(text("round-state")).isEqualTo("Thu thập thông tin");

            // the household's facts are entered (as the link leads to), then collected again: it no longer blocks
            HouseholdForm fixed = HouseholdForm.of(registry.get(blocked.id(), officer));
            fixed.getMembers().stream().filter(m -> Integer.valueOf(3).equals(m.getMemberNo())).forEach(m -> {
                m.setMalnourished(false);
                m.setInSchool(true);
                m.setSchoolLevelAppropriate(true);
            });
            registry.update(blocked.id(), fixed, officer);
            collectAll();
            assertThat(driver.findElements(By.id("blocked"))).isEmpty();

            // the households come in pages: the next page by htmx, the same page by its plain link
            assertThat(driver.findElements(By.cssSelector("#round-households tbody tr[data-code]"))).hasSize(50);
            String firstOnPage1 = firstCode();
            driver.findElement(By.id("page-next")).click();
            waitFor(Duration.ofSeconds(10)).until(d -> !firstCode().equals(firstOnPage1));
            assertThat(text("households-shown")).startsWith("Hộ 51–100");
            new Select(driver.findElement(By.id("filter-village"))).selectByVisibleText("Nặm Đăm (60)");
            driver.findElement(By.id("filter-submit")).click(); // htmx replaces the list, the page stays
            waitFor(Duration.ofSeconds(10)).until(d -> text("households-shown").equals("Hộ 1–50 trong 60"));
            waitFor(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("village=" + village2));
            // the pager's plain link (no script needed) gives the same list
            driver.get(driver.findElement(By.id("page-next")).getAttribute("href"));
            assertThat(text("households-shown")).isEqualTo("Hộ 51–60 trong 60");

            driver.get(roundUrl);
            submit(By.id("advance"));
            assertThat(text("round-state")).isEqualTo("Họp thôn");
            assertAbove("meeting-form", "round-households");
            meeting("Bản Pác");
            meeting("Nặm Đăm");
            setDate("posting-start", "2025-11-03");
            assertAbove("posting-form", "round-households");
            submit(By.id("posting-submit"));
            assertThat(text("round-state")).isEqualTo("Niêm yết");

            // a complaint: the household found by its head's name
            assertAbove("complaint-form", "round-households");
            driver.findElement(By.id("complaint-who")).sendKeys("Lò Văn Páo");
            setDate("complaint-date", "2025-11-04");
            driver.findElement(By.id("complaint-household-search")).sendKeys("Quyên");
            driver.findElement(By.cssSelector("#complaint-matches input[data-code='SZ-077']")).click();
            driver.findElement(By.id("complaint-content")).sendKeys("Đề nghị xem lại thu nhập.");
            submit(By.id("complaint-submit"));
            assertThat(text("complaints")).contains("SZ-077");
            driver.findElement(By.cssSelector("#complaints .complaint-answer")).sendKeys("Giữ nguyên kết quả.");
            submit(By.cssSelector("#complaints .complaint-answer-submit"));
            logout();

            // the chair reads the summary, and confirmation is required
            login(chairName);
            driver.get(roundUrl);
            assertAbove("round-summary", "round-households");
            assertAbove("decision-form", "round-households");
            assertThat(text("round-summary")).contains("Tóm tắt");
            driver.findElement(By.id("decision-number")).sendKeys("55/QĐ-UBND");
            setDate("decision-date", "2025-11-12");
            submit(By.id("decision-submit"));
            assertThat(text("confirm-number")).isEqualTo("55/QĐ-UBND");
            assertThat(driver.findElement(By.cssSelector("#summary-lists td[data-list='near_poor']")).getText().strip())
                    .isEqualTo("81");
            Browser.screenshot(driver, "round-size-02-confirm-decision");
            // sent without the tick (the browser's check removed): the server refuses and says why
            driver.executeScript("document.getElementById('confirm-read').removeAttribute('required');");
            submit(By.id("confirm-submit"));
            assertThat(text("problems")).contains("Quyết định chưa được ký");
            assertThat(text("round-state")).isEqualTo("Niêm yết");
            driver.findElement(By.id("decision-number")).sendKeys("55/QĐ-UBND");
            setDate("decision-date", "2025-11-12");
            submit(By.id("decision-submit"));
            driver.findElement(By.id("confirm-read")).click();
            submit(By.id("confirm-submit"));
            assertThat(text("round-state")).isEqualTo("Đã quyết định");
            logout();

            // the province approves on the same summary, confirmed
            login(provinceName);
            driver.get(roundUrl);
            assertAbove("approval-actions", "round-households");
            assertThat(text("approval-actions")).contains("Tóm tắt");
            submit(By.id("approve"));
            assertThat(driver.findElement(By.id("round-summary")).isDisplayed()).isTrue();
            driver.findElement(By.id("confirm-read")).click();
            submit(By.id("confirm-submit"));
            assertThat(text("approval-state")).isEqualTo("Đã phê duyệt");
        } finally {
            driver.quit();
        }
    }

    /** Starts the background collection and waits for it (shown as a progress bar when it outlasts the wait). */
    private void collectAll() {
        submit(By.id("collect-all"));
        if (!driver.findElements(By.id("collection-progress")).isEmpty()) {
            waitFor(Duration.ofSeconds(120))
                    .until(d -> !d.findElements(By.id("collection-reload")).isEmpty());
            submit(By.id("collection-reload"));
        }
    }

    /** A wait that looks again when htmx has replaced the element it was reading. */
    private WebDriverWait waitFor(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The element is entirely above the other one on the page (nothing to scroll past). */
    private void assertAbove(String id, String belowId) {
        WebElement e = driver.findElement(By.id(id));
        WebElement below = driver.findElement(By.id(belowId));
        assertThat(e.getLocation().getY() + e.getSize().getHeight()).as(id + " above " + belowId)
                .isLessThanOrEqualTo(below.getLocation().getY());
    }

    private String firstCode() {
        return driver.findElement(By.cssSelector("#round-households tbody tr[data-code]")).getAttribute("data-code");
    }

    private void meeting(String village) {
        new Select(driver.findElement(By.id("meeting-village"))).selectByVisibleText(village);
        setDate("meeting-date", "2025-10-20");
        driver.findElement(By.id("meeting-chair")).sendKeys("Vàng A Dính");
        driver.findElement(By.id("meeting-invited")).sendKeys("40");
        driver.findElement(By.id("meeting-attendees")).sendKeys("30");
        driver.findElement(By.id("meeting-agreed")).sendKeys("25");
        submit(By.id("meeting-submit"));
        assertThat(text("meeting-result")).contains("đã thống nhất");
    }

    private void submit(By what) {
        Browser.clickAndWaitForNextPage(driver, what);
    }

    private void setDate(String id, String iso) {
        driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), iso);
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText().strip();
    }

    private void login(String username) {
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        submit(By.id("login-submit"));
    }

    private void logout() {
        submit(By.cssSelector("form[action$='/logout'] button"));
    }
}
