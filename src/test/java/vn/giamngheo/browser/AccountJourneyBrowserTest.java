package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Issue 17 part A in a browser: an administrator creates an account with an initial password; its user logs in, is
 * sent to the change-password page whatever they open, is refused a common password, chooses a good one and then
 * reaches the application; the administrator disables the account and the user's open session ends.
 */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountJourneyBrowserTest {

    @LocalServerPort int port;
    @Autowired UserAccounts users;

    @Test
    void aNewUserChangesTheInitialPasswordAndLosesTheSessionWhenDisabled() throws Exception {
        String suffix = String.valueOf(System.nanoTime() % 100000);
        String adminName = "quantri-tk" + suffix;
        String name = "nguoidung" + suffix;
        users.create(adminName, "song lo chay qua 2026", "Quản trị", Role.ADMINISTRATOR, null);

        ChromeDriver user = null;
        ChromeDriver admin = Browser.start();
        try {
            String base = "http://localhost:" + port;
            login(admin, base, adminName, "song lo chay qua 2026", base + "/");
            admin.get(base + "/admin/users");
            admin.findElement(By.cssSelector("#new-user-form input[name=username]")).sendKeys(name);
            admin.findElement(By.cssSelector("#new-user-form input[name=fullName]")).sendKeys("Vàng Thị Dung");
            new Select(admin.findElement(By.cssSelector("#new-user-form select[name=role]"))).selectByValue("MINISTRY_VIEWER");
            new Select(admin.findElement(By.cssSelector("#new-user-form select[name=unitLevel]"))).selectByValue("");
            admin.findElement(By.cssSelector("#new-user-form input[name=password]")).sendKeys("mat khau ban dau 01");
            Browser.clickAndWaitForNextPage(admin, By.cssSelector("#new-user-form button[type=submit]"));
            assertThat(admin.findElement(By.id("users-table")).getText()).contains(name);
            Browser.screenshot(admin, "account-01-created");

            user = Browser.start();
            login(user, base, name, "mat khau ban dau 01", base + "/account/password");
            user.get(base + "/households");
            assertThat(user.getCurrentUrl()).isEqualTo(base + "/account/password");
            assertThat(user.findElement(By.id("password-required")).isDisplayed()).isTrue();
            Browser.screenshot(user, "account-02-change-required");

            changePassword(user, "mat khau ban dau 01", "password123456");
            assertThat(user.findElement(By.id("password-problems")).getText()).isNotBlank();
            Browser.screenshot(user, "account-03-common-refused");

            changePassword(user, "mat khau ban dau 01", "chim en bay ve lang 2026");
            assertThat(user.findElement(By.id("password-changed")).isDisplayed()).isTrue();
            user.get(base + "/households");
            assertThat(user.getCurrentUrl()).isEqualTo(base + "/households");

            admin.get(base + "/admin/users");
            Browser.clickAndWaitForNextPage(admin, By.cssSelector("form[action$='/" + name + "/enabled'] button"));
            user.get(base + "/households");
            assertThat(user.getCurrentUrl()).isEqualTo(base + "/login?ended");
            assertThat(user.findElement(By.id("login-ended")).isDisplayed()).isTrue();
            Browser.screenshot(user, "account-04-session-ended");
        } finally {
            admin.quit();
            if (user != null) {
                user.quit();
            }
        }
    }

    private static void changePassword(ChromeDriver driver, String current, String next) {
        driver.findElement(By.id("current")).sendKeys(current);
        driver.findElement(By.id("new-password")).sendKeys(next);
        driver.findElement(By.id("repeat-password")).sendKeys(next);
        Browser.clickAndWaitForNextPage(driver, By.id("password-submit"));
    }

    private static void login(ChromeDriver driver, String base, String username, String password, String landing) {
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));
        assertThat(driver.getCurrentUrl()).isEqualTo(landing);
    }
}
