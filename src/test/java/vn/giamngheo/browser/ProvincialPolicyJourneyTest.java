package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * A province's officer defines the province's own health-insurance top-up for people aged 80 and over (poor,
 * near-poor and average households), co-funded 30 % by the provincial budget and 70 % by the central budget, then
 * reads its coverage and gap in a commune: two people over 80 are entitled, one has the card, one is in the gap, and
 * the cost is split 30/70.
 */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProvincialPolicyJourneyTest {

    private static final String PASSWORD = "mat-khau-2026";
    private static final long PRICE = 1_263_600L;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;

    @Test
    void aProvinceDefinesATopUpForPeopleOver80AndReadsItsCoverageAndGap() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 78);
        long communeId = fixture.unitId("commune", commune);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        String serial = String.valueOf(System.nanoTime() % 1_000_000);
        Household poor = household(commune, "T80A" + serial, "1941-02-01", officer);
        Household nearPoor = household(commune, "T80B" + serial, "1936-09-09", officer);
        decide(commune, communeId, poor, "poor");
        decide(commune, communeId, nearPoor, "near_poor");
        String username = "tinh-t80" + serial;
        users.create(username, PASSWORD, "Cán bộ Sở Y tế", Role.PROVINCE_OFFICER, fixture.unitId("province", "08"));
        String code = "BHYT80_J" + serial;

        ChromeDriver driver = Browser.start();
        try {
            String base = "http://localhost:" + port;
            driver.get(base + "/login");
            driver.findElement(By.id("username")).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));

            // the policy: people over 80 of poor, near-poor and average households, one card a year each
            driver.get(base + "/support/policies");
            Browser.clickAndWaitForNextPage(driver, By.id("new-policy"));
            WebElement form = driver.findElement(By.id("policy-form"));
            form.findElement(By.name("code")).sendKeys(code);
            form.findElement(By.name("nameVi")).sendKeys("Hỗ trợ thẻ bảo hiểm y tế cho người từ đủ 80 tuổi");
            form.findElement(By.name("nameEn")).sendKeys("Health-insurance card for people aged 80 and over");
            new Select(form.findElement(By.name("beneficiary"))).selectByValue("person");
            for (String status : new String[] {"poor", "near_poor", "average"}) {
                form.findElement(By.cssSelector("input[name=statuses][value=" + status + "]")).click();
            }
            form.findElement(By.name("minAge")).sendKeys("80");
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2026-01-01'",
                    form.findElement(By.name("validFrom")));
            new Select(form.findElement(By.name("benefitKind"))).selectByValue("card");
            form.findElement(By.name("amountVnd")).sendKeys(String.valueOf(PRICE));
            new Select(form.findElement(By.name("fundingSource"))).selectByValue("mixed");
            form.findElement(By.name("legalSource")).sendKeys("Nghị quyết của HĐND tỉnh (thử nghiệm)");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#policy-form button[type=submit]"));
            assertThat(driver.findElements(By.id("policy-saved"))).isNotEmpty();
            assertThat(driver.findElement(By.id("policy-level")).getText()).isNotEqualTo("Trung ương").isNotBlank();
            Browser.screenshot(driver, "provincial-policy-01-saved");

            // co-funding: 30 % provincial budget, 70 % central budget
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2026-01-01'",
                    driver.findElement(By.cssSelector("#shares-form input[name=validFrom]")));
            driver.findElement(By.id("share_local_budget")).sendKeys("30");
            driver.findElement(By.id("share_central_budget")).sendKeys("70");
            Browser.clickAndWaitForNextPage(driver, By.cssSelector("#shares-form button[type=submit]"));
            assertThat(driver.findElements(By.id("shares-saved"))).isNotEmpty();
            assertThat(driver.findElement(By.id("shares-table")).getText()).contains("30").contains("70");
            Browser.screenshot(driver, "provincial-policy-02-shares");

            // the commune gives one card
            long policyId = jdbc.sql("SELECT id FROM support_policy WHERE code = :c AND province_code = '08'")
                    .param("c", code).query(Long.class).single();
            jdbc.sql("""
                            INSERT INTO benefit_record (province_code, household_id, member_no, policy_id, benefit_date,
                                source, recorded_by)
                            VALUES (:p, :h, 3, :policy, DATE '2026-02-01', 'form', 'test')""")
                    .param("p", poor.provinceCode()).param("h", poor.id()).param("policy", policyId).update();

            // coverage and gap of the commune on 30 June 2026
            driver.get(base + "/support/coverage?unitId=" + communeId + "&policy=" + code + "&date=2026-06-30");
            WebElement row = driver.findElement(By.id("coverage-" + code));
            assertThat(row.findElement(By.className("entitled")).getText()).isEqualTo("2");
            assertThat(row.findElement(By.className("received")).getText()).isEqualTo("1");
            assertThat(row.findElement(By.className("gap")).getText()).isEqualTo("1");
            assertThat(row.findElement(By.className("level")).getText()).isNotEqualTo("Trung ương");
            assertThat(row.findElement(By.className("cost")).getText()).contains("2.527.200");
            String costs = driver.findElement(By.id("cost-table")).getText();
            assertThat(costs).contains("ngân sách địa phương").contains("758.160")
                    .contains("ngân sách trung ương").contains("1.769.040");
            Browser.screenshot(driver, "provincial-policy-03-coverage");
        } finally {
            driver.quit();
        }
    }

    private Household household(String commune, String code, String parentBirth, CurrentUser officer) {
        HouseholdForm form = RegistryFixture.household(commune, code);
        form.getMembers().add(RegistryFixture.member(3, "Cụ " + code, "parent", parentBirth));
        return registry.create(form, officer);
    }

    /** A decided list from 1 January 2025 with one household (as the commune chair's decision writes it). */
    private void decide(String commune, long communeId, Household h, String status) {
        long round = jdbc.sql("""
                        INSERT INTO review_round (province_code, commune_id, kind, review_year, review_month, list_year,
                            standard_code, standard_version, reference_date, opens_on, decision_due, state, created_by)
                        VALUES ('08', :c, 'monthly', :y, :m, :y, 'ND07_2021', 1, DATE '2025-01-01', DATE '2025-01-01',
                            DATE '2025-01-01', 'decided', 'test') RETURNING id""")
                .param("c", communeId).param("y", 2000 + (int) (h.id() % 100)).param("m", 1 + (int) (h.id() / 100 % 12))
                .query(Long.class).single();
        long decision = jdbc.sql("""
                        INSERT INTO review_decision (round_id, province_code, commune_id, number, decided_on, effective_from,
                            list_year, signed_by, recorded_by)
                        VALUES (:r, '08', :c, :n, DATE '2025-01-01', DATE '2025-01-01', 2025, 'Chủ tịch', 'test')
                        RETURNING id""")
                .param("r", round).param("c", communeId).param("n", "QĐ-T80-" + h.id()).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO household_status (province_code, household_id, commune_id, village_id, decision_id,
                            round_id, list_year, effective_from, status, standard_code, standard_version,
                            household_code, head_name, members, area, ethnic_minority, social_protection, merit)
                        VALUES ('08', :h, :c, NULL, :d, :r, 2025, DATE '2025-01-01', :s, 'ND07_2021', 1, :code,
                            'Chủ hộ', 3, 'rural', false, false, false)""")
                .param("h", h.id()).param("c", communeId).param("d", decision).param("r", round).param("s", status)
                .param("code", h.householdCode()).update();
    }
}
