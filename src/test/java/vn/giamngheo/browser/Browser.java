package vn.giamngheo.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for browser journeys. Skipped with a message where Chromium is absent, except
 * under CI (environment variable CI set), where its absence fails the test.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    static ChromeDriver start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "Chromium or ChromeDriver missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install the Debian packages chromium and chromium-driver to run the browser journeys";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message + " — required under CI");
            }
            Assumptions.abort(message);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=vi", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriver driver = new ChromeDriver(options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /**
     * Clicks what submits a form or follows a link and waits until the next page has loaded. A marker set on the
     * current window disappears with the navigation; unlike waiting for a stale element, this never asks the
     * browser about a node of a document that is being torn down (Chromium answers that with an inspector error).
     */
    static void clickAndWaitForNextPage(ChromeDriver driver, org.openqa.selenium.By what) {
        driver.executeScript("window.__giamngheoPage = true;");
        driver.findElement(what).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                        "return window.__giamngheoPage === undefined && document.readyState === 'complete';")));
    }

    static void screenshot(ChromeDriver driver, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
