package vn.giamngheo.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.review.OpenRound;
import vn.giamngheo.review.ReviewRounds;
import vn.giamngheo.review.RoundHouseholds;
import vn.giamngheo.review.rules.RoundKind;
import vn.giamngheo.review.rules.RoundState;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Issue 25 in a phone-sized browser (360×740): the field app is reached through a small TCP proxy written here, so
 * closing the proxy makes the server unreachable and opening it brings it back (besides DevTools' offline network
 * emulation). The app opens again without a connection after a reload; a village is done offline (ten households
 * corrected and a meeting recorded), synced when the server is back, and every change is found on the server with
 * its audit rows under the officer's name; a household edited meanwhile on the ordinary page is a conflict, shown
 * with its link to the server's conflict page. Screenshots under {@code target/screenshots/field-*}.
 */
@Tag("database")
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FieldOfflineJourneyTest {

    private static final String PASSWORD = "mat-khau-2026";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired GeographyCatalog geography;
    @Autowired ReviewRounds rounds;
    @Autowired RoundHouseholds roundHouseholds;
    @Autowired WebApplicationContext context;

    @Test
    void theAppOpensWithoutAConnectionAfterAReload() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 101);
        long communeId = fixture.unitId("commune", commune);
        String officer = "cbfield" + System.nanoTime() % 100000;
        users.create(officer, PASSWORD, "Cán bộ Lò Thị Xuân", Role.COMMUNE_OFFICER, communeId);

        try (Proxy proxy = new Proxy(port)) {
            ChromeDriver driver = phone();
            try {
                String base = "http://localhost:" + proxy.port();
                login(driver, base, officer);
                openApp(driver, base);
                assertThat(status(driver)).contains("Có mạng").contains("0 thay đổi chờ gửi");
                Browser.screenshot(driver, "field-01-start");

                offline(driver, proxy);
                driver.navigate().refresh();
                waitFor(driver).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
                assertThat(driver.findElement(By.className("brand")).getText()).isEqualTo("Thu thập tại thôn");
                assertThat(status(driver)).contains("Mất kết nối");
                // the texts came from the device: nothing shows a message key
                assertThat(driver.findElement(By.id("field-main")).getText()).doesNotContain("field.app.").contains("Việc được giao");
                Browser.screenshot(driver, "field-02-offline-after-reload");

                online(driver, proxy);
                driver.navigate().refresh();
                waitFor(driver).until(d -> status(d).contains("Có mạng"));
            } finally {
                driver.quit();
            }
        }
    }

    @Test
    void aVillageDoneOfflineIsSyncedWithItsAuditAndAConflictShown() throws Exception {
        RequestMappingHandlerMapping mappings = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        assumeTrue(mappings.getHandlerMethods().keySet().stream().anyMatch(info -> info.getPatternValues().contains("/api/v1/field/changes")),
                "the server's sync (vn.giamngheo.field.sync, branch h5) is not in this build");
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 102);
        long communeId = fixture.unitId("commune", commune);
        String suffix = String.valueOf(System.nanoTime() % 100000);
        String officerName = "cbthon" + suffix;
        String otherName = "cbvp" + suffix;
        users.create(officerName, PASSWORD, "Cán bộ Hà Văn Tuấn", Role.COMMUNE_OFFICER, communeId);
        users.create(otherName, PASSWORD, "Cán bộ văn phòng", Role.COMMUNE_OFFICER, communeId);
        CurrentUser officer = users.findByUsername(officerName).orElseThrow();
        long village = geography.createVillage(communeId, "Bản Khoang " + suffix, "thôn").id();
        List<Household> households = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            HouseholdForm f = RegistryFixture.household(commune, String.format("TH%s-%02d", suffix, i));
            f.setVillageId(village);
            f.getMembers().get(0).setFullName("Lường Văn " + (char) ('A' + i));
            households.add(registry.create(f, officer));
        }
        long round = rounds.open(new OpenRound(communeId, RoundKind.PERIODIC, 2026, null, null), officer).id();
        roundHouseholds.add(round, null, null, officer);
        rounds.advance(round, RoundState.COLLECTING, officer);
        // the survey was collected: the round is at its village meetings, where facts are still corrected
        roundHouseholds.collectAll(round, false, officer);
        rounds.advance(round, RoundState.MEETINGS, officer);

        try (Proxy proxy = new Proxy(port)) {
            ChromeDriver driver = phone();
            ChromeDriver office = null;
            try {
                String base = "http://localhost:" + proxy.port();
                login(driver, base, officerName);
                openApp(driver, base);
                WebElement download = waitFor(driver).until(d -> d.findElement(By.cssSelector("button[data-round='" + round + "']")));
                Browser.screenshot(driver, "field-03-assignments");
                download.click();
                waitFor(driver).until(d -> !d.findElements(By.cssSelector("a[href^='#/round/" + round + "/village/']")).isEmpty());

                offline(driver, proxy);
                Instant offlineSince = Instant.now();
                driver.findElement(By.cssSelector("a[href='#/round/" + round + "/village/" + village + "']")).click();
                waitFor(driver).until(d -> d.findElements(By.cssSelector("#households a.row")).size() == 12);
                Browser.screenshot(driver, "field-04-village");
                for (int i = 0; i < 10; i++) {
                    Household h = households.get(i);
                    driver.executeScript("location.hash = arguments[0]", "#/round/" + round + "/village/" + village);
                    waitFor(driver).until(d -> !d.findElements(By.cssSelector("#households a.row[data-code='" + h.householdCode() + "']")).isEmpty());
                    tap(driver, driver.findElement(By.cssSelector("#households a.row[data-code='" + h.householdCode() + "']")));
                    WebElement area = waitFor(driver).until(d -> d.findElement(By.id("f-floor_area_m2")));
                    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", area);
                    area.clear();
                    area.sendKeys("4" + i + ".5");
                    if (i == 0) {
                        WebElement toilet = driver.findElement(By.id("f-toilet"));
                        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", toilet);
                        new org.openqa.selenium.support.ui.Select(toilet).selectByValue("septic");
                    }
                    if (i == 0) {
                        Browser.screenshot(driver, "field-05-questionnaire");
                    }
                    tap(driver, driver.findElement(By.id("save-household")));
                    waitFor(driver).until(d -> !d.findElements(By.id("saved")).isEmpty());
                }
                Browser.screenshot(driver, "field-06-saved-with-classification");
                // classified on the device, offline, under the round's standard (not left "chưa phân loại")
                assertThat(driver.findElement(By.id("device-status")).getText())
                        .isIn("hộ nghèo", "hộ cận nghèo", "trên chuẩn cận nghèo", "không nghèo");

                // the village meeting: three households discussed, one of them short of half of those present
                driver.executeScript("location.hash = arguments[0]", "#/round/" + round + "/village/" + village + "/meeting");
                waitFor(driver).until(d -> d.findElement(By.id("meeting-present"))).sendKeys("30");
                driver.findElement(By.id("meeting-invited")).sendKeys("40");
                driver.findElement(By.id("meeting-chair")).sendKeys("Lò Văn Páo, trưởng thôn");
                for (int i = 0; i < 3; i++) {
                    WebElement count = driver.findElement(By.cssSelector("input.count[data-code='" + households.get(i).householdCode() + "']"));
                    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", count);
                    count.sendKeys(i == 2 ? "14" : "2" + i);
                }
                assertThat(driver.findElement(By.id("meeting-households")).getText())
                        .contains("Thống nhất (67 % người có mặt)").contains("Chưa thống nhất (47 % người có mặt)");
                Browser.screenshot(driver, "field-07-meeting");
                tap(driver, driver.findElement(By.id("save-meeting")));
                waitFor(driver).until(d -> status(d).contains("11 thay đổi chờ gửi"));

                // reloaded without a connection: the app and the queue are still there
                driver.navigate().refresh();
                waitFor(driver).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
                assertThat(status(driver)).contains("Mất kết nối").contains("11 thay đổi chờ gửi");
                Browser.screenshot(driver, "field-08-offline-reloaded");
                // nothing reached the server
                assertThat(floorArea(households.get(1).id())).isEqualByComparingTo("36.5");

                // meanwhile someone at the commune office edits the first household on the ordinary page
                office = Browser.start();
                String direct = "http://localhost:" + port;
                office.get(direct + "/login");
                office.findElement(By.id("username")).sendKeys(otherName);
                office.findElement(By.id("password")).sendKeys(PASSWORD);
                Browser.clickAndWaitForNextPage(office, By.id("login-submit"));
                office.get(direct + "/households/" + households.get(0).id() + "/edit");
                WebElement officeArea = office.findElement(By.id("fact-floor_area_m2"));
                officeArea.clear();
                officeArea.sendKeys("55");
                Browser.clickAndWaitForNextPage(office, By.id("save-household"));
                assertThat(floorArea(households.get(0).id())).isEqualByComparingTo("55");

                // the server is back: sync
                Instant reconnected = Instant.now();
                online(driver, proxy);
                driver.findElement(By.id("field-sync")).click();
                waitFor(driver).withMessage(() -> "status: " + status(driver) + " " + driver.executeScript(
                                "return JSON.stringify({syncing: fieldState.syncing, error: fieldState.lastError, "
                                        + "login: fieldState.loginNeeded, result: fieldState.lastResult, online: navigator.onLine})"))
                        .until(d -> status(d).contains("0 thay đổi chờ gửi"));
                driver.executeScript("location.hash = '#/queue'");
                waitFor(driver).until(d -> !d.findElements(By.cssSelector("#changes li.change")).isEmpty());
                Browser.screenshot(driver, "field-09-queue-after-sync");

                for (int i = 1; i < 10; i++) {
                    long id = households.get(i).id();
                    assertThat(floorArea(id)).as("household %d", i).isEqualByComparingTo("4" + i + ".5");
                    List<String> audited = jdbc.sql("""
                            SELECT detail FROM audit_log WHERE entity_id = :id AND username = :u AND at >= :since
                                AND detail LIKE '%captured at%'
                            """).param("id", String.valueOf(id)).param("u", officerName)
                            .param("since", java.sql.Timestamp.from(offlineSince)).query(String.class).list();
                    assertThat(audited).as("audit of household %d under %s", i, officerName).isNotEmpty();
                    // the time of capture, on the device while offline, not the time of the sync
                    Instant captured = Instant.parse(audited.get(0).replaceAll(".*captured at (\\S+?);?( .*)?$", "$1"));
                    assertThat(captured).isBetween(offlineSince, reconnected);
                }
                // the first household was edited on the server meanwhile: not overwritten, a conflict with its link
                assertThat(floorArea(households.get(0).id())).isEqualByComparingTo("55");
                WebElement conflict = driver.findElement(By.cssSelector("#changes a[data-conflict]"));
                assertThat(conflict.getAttribute("href")).contains("/field/conflicts/");
                assertThat(jdbc.sql("SELECT outcome || ' ' || result::text FROM field_change WHERE kind = 'meeting.record'")
                        .query(String.class).list()).as("the meeting's change").singleElement().asString().startsWith("applied");
                assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_log WHERE username = :u AND entity = 'village_meeting'
                            AND detail LIKE '%captured at%'""")
                        .param("u", officerName).query(Long.class).single()).as("the meeting's audit").isPositive();
                Browser.clickAndWaitForNextPage(driver, By.cssSelector("#changes a[data-conflict]"));
                assertThat(driver.getCurrentUrl()).contains("/field/conflicts/");
                Browser.screenshot(driver, "field-10-conflict");
                // merge field by field: the office's floor area, the toilet captured in the village
                driver.findElement(By.cssSelector("input[name='choice:household.floor_area_m2'][value=theirs]")).click();
                driver.findElement(By.cssSelector("input[name='choice:household.toilet'][value=mine]")).click();
                Browser.clickAndWaitForNextPage(driver, By.cssSelector("#conflict-form button[value=merge]"));
                Browser.screenshot(driver, "field-11-conflict-resolved");
                long first = households.get(0).id();
                assertThat(floorArea(first)).isEqualByComparingTo("55");
                assertThat(jdbc.sql("SELECT toilet FROM household WHERE id = :id").param("id", first).query(String.class).single())
                        .isEqualTo("septic");
                assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_id = :id AND username = :u AND at >= :since")
                        .param("id", String.valueOf(first)).param("u", officerName).param("since", java.sql.Timestamp.from(reconnected))
                        .query(Long.class).single()).as("the merge is audited under the officer").isPositive();
            } finally {
                driver.quit();
                if (office != null) {
                    office.quit();
                }
            }
        }
    }

    private BigDecimal floorArea(long household) {
        return jdbc.sql("SELECT floor_area_m2 FROM household WHERE id = :id").param("id", household)
                .query(BigDecimal.class).single();
    }

    /** A tap on an element brought to the middle of the screen (the status bar stays on top at 360 px). */
    private static void tap(ChromeDriver driver, WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static ChromeDriver phone() throws Exception {
        ChromeDriver driver = Browser.start();
        driver.manage().window().setSize(new Dimension(360, 740));
        return driver;
    }

    private static void login(ChromeDriver driver, String base, String username) {
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        Browser.clickAndWaitForNextPage(driver, By.id("login-submit"));
    }

    /** Opens the app and waits until its service worker controls the page (it then opens without a connection). */
    private static void openApp(ChromeDriver driver, String base) {
        driver.get(base + "/field");
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/field/");
        waitFor(driver).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        waitFor(driver).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return navigator.serviceWorker.controller !== null")));
        // every file of the precache list is kept before the server goes away
        waitFor(driver).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.serviceWorker.ready.then(r => done(r.active && r.active.state === 'activated'));""")));
    }

    private static void offline(ChromeDriver driver, Proxy proxy) throws IOException {
        proxy.close();
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(true);
        driver.setNetworkConditions(conditions);
    }

    private static void online(ChromeDriver driver, Proxy proxy) throws IOException {
        driver.deleteNetworkConditions();
        proxy.open();
    }

    private static String status(org.openqa.selenium.WebDriver driver) {
        return driver.findElement(By.id("field-status")).getText();
    }

    private static WebDriverWait waitFor(org.openqa.selenium.WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /**
     * A TCP forwarder from a port on localhost to the application: while closed, the port refuses connections (the
     * server is unreachable for the browser); opened again on the same port, the server is back.
     */
    static final class Proxy implements AutoCloseable {
        private final int target;
        private final int port;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile ServerSocket server;

        Proxy(int target) throws IOException {
            this.target = target;
            try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                this.port = probe.getLocalPort();
            }
            open();
        }

        int port() {
            return port;
        }

        synchronized void open() throws IOException {
            if (server != null) {
                return;
            }
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
            Thread accept = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                        sockets.add(client);
                        sockets.add(upstream);
                        pump(client, upstream);
                        pump(upstream, client);
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "field-proxy-accept");
            accept.setDaemon(true);
            accept.start();
        }

        private void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[16384];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // one side closed
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }, "field-proxy-pump");
            t.setDaemon(true);
            t.start();
        }

        /** Closes the port and every connection through it: the server is unreachable. */
        @Override
        public synchronized void close() throws IOException {
            if (server != null) {
                server.close();
                server = null;
            }
            for (Socket s : sockets) {
                closeQuietly(s);
            }
            sockets.clear();
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
