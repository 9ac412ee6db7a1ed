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
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.MemberForm;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Issue 16: a commune officer follows the link of a missing fact from the household page to its field, records it
 * and the household is classified; saving another household's edit form unchanged changes nothing; the list shows
 * the count and pages and sorts by its column headers.
 */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HouseholdEditJourneyTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;

    @Test
    void officerFillsAMissingFactFromItsLinkAndAnUnchangedSaveChangesNothing() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 35);
        String suffix = String.valueOf(System.nanoTime() % 100000);
        users.create("xa-sua" + suffix, "mat-khau-2026", "Cán bộ xã thử", Role.COMMUNE_OFFICER, fixture.unitId("commune", commune));
        CurrentUser officer = users.findByUsername("xa-sua" + suffix).orElseThrow();

        HouseholdForm missing = RegistryFixture.household(commune, "ED" + suffix + "-1");
        missing.getMembers().get(0).setFullName("Vàng Văn Chứ");
        MemberForm child = RegistryFixture.member(3, "Vàng Thị Mai", "child", "2016-09-09");
        child.setInSchool(true);
        child.setEmployment("student");
        child.setMalnourished(false);
        missing.getMembers().add(child);
        Household unclassified = registry.create(missing, officer);
        HouseholdForm complete = RegistryFixture.household(commune, "ED" + suffix + "-2");
        complete.getMembers().get(0).setFullName("Bàn Văn Ân");
        complete.setTelephoneUse(null);
        complete.getMembers().get(1).setMalnourished(null);
        Household other = registry.create(complete, officer);

        ChromeDriver driver = Browser.start();
        try {
            String base = "http://localhost:" + port;
            driver.get(base + "/login");
            driver.findElement(By.id("username")).sendKeys("xa-sua" + suffix);
            driver.findElement(By.id("password")).sendKeys("mat-khau-2026");
            Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));

            driver.get(base + "/households/" + unclassified.id());
            WebElement facts = driver.findElement(By.id("missing-facts"));
            assertThat(facts.getText()).contains("Vàng Thị Mai").contains("học đúng cấp học");
            Browser.screenshot(driver, "h1-01-missing-fact");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#missing-facts a.fix-fact"));
            assertThat(driver.getCurrentUrl()).endsWith("/households/" + unclassified.id() + "/edit#member-3-school_level_appropriate");
            WebElement field = driver.findElement(By.id("member-3-school_level_appropriate"));
            assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("member-3-school_level_appropriate");
            Browser.screenshot(driver, "h1-02-field-focused");
            new Select(field).selectByValue("true");
            Browser.clickAndWaitForNextPage(driver, By.id("save-household"));
            assertThat(driver.findElement(By.id("saved-message")).isDisplayed()).isTrue();
            assertThat(driver.findElements(By.id("missing-facts"))).isEmpty();
            assertThat(driver.findElements(By.cssSelector("#classification .badge"))).hasSize(1);
            Browser.screenshot(driver, "h1-03-classified");

            driver.get(base + "/households/" + other.id());
            String classification = driver.findElement(By.id("classification")).getText();
            String factsBefore = driver.findElement(By.cssSelector("dl.facts")).getText();
            String membersBefore = driver.findElement(By.id("members")).getText();
            Browser.clickAndWaitForNextPage(driver, By.id("edit-household"));
            assertThat(new Select(driver.findElement(By.id("fact-telephone_use"))).getFirstSelectedOption().getAttribute("value")).isEmpty();
            Browser.screenshot(driver, "h1-04-edit-form");
            Browser.clickAndWaitForNextPage(driver, By.id("save-household"));
            assertThat(driver.findElement(By.id("classification")).getText()).isEqualTo(classification);
            assertThat(driver.findElement(By.cssSelector("dl.facts")).getText()).isEqualTo(factsBefore);
            assertThat(driver.findElement(By.id("members")).getText()).isEqualTo(membersBefore);
            Household after = registry.get(other.id(), officer);
            assertThat(after.version()).isEqualTo(other.version());
            assertThat(after.telephoneUse()).isNull();
            assertThat(after.members().get(1).malnourished()).isNull();

            driver.get(base + "/households?q=ED" + suffix);
            assertThat(driver.findElement(By.id("household-count")).getText()).contains("2 hộ").contains("Trang 1 / 1");
            Browser.clickAndWaitForNextPage(driver, By.id("sort-name"));
            assertThat(driver.getCurrentUrl()).contains("sort=name").contains("q=ED" + suffix);
            assertThat(heads(driver)).containsExactly("Bàn Văn Ân", "Vàng Văn Chứ");
            Browser.clickAndWaitForNextPage(driver, By.id("sort-name"));
            assertThat(driver.getCurrentUrl()).contains("dir=desc");
            assertThat(heads(driver)).containsExactly("Vàng Văn Chứ", "Bàn Văn Ân");
            Browser.screenshot(driver, "h1-05-list-sorted");
        } finally {
            driver.quit();
        }
    }

    private static List<String> heads(ChromeDriver driver) {
        return driver.findElements(By.cssSelector("#household-table tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
    }
}
