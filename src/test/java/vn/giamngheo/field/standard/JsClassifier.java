package vn.giamngheo.field.standard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code static/field/js/classifier.js} on many households at once: with {@code node} when it is installed
 * ({@code /usr/bin/node}, or {@code node} on the PATH), else in headless Chromium through Selenium, else the test is
 * skipped with a message — except under CI (environment variable {@code CI} set), where a missing runtime fails.
 */
final class JsClassifier {

    static final Path SCRIPT = Path.of("src/main/resources/static/field/js/classifier.js");
    static final Path RUNNER = Path.of("src/test/resources/field/parity-runner.mjs");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private JsClassifier() {
    }

    /**
     * The results of {@code classify} in Vietnamese and English for each case, in the order of the cases: a list of
     * {@code {id, vi, en}}.
     *
     * @param standards code → the standard document
     */
    static JsonNode run(Map<String, FieldStandardDocument> standards, List<Map<String, Object>> cases) throws Exception {
        Path dir = Files.createTempDirectory("field-parity");
        Path input = dir.resolve("input.json");
        Path output = dir.resolve("output.json");
        try {
            JSON.writeValue(input.toFile(), Map.of("standards", standards, "cases", cases));
            return run(input, output);
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(output);
            Files.deleteIfExists(dir);
        }
    }

    private static JsonNode run(Path input, Path output) throws Exception {
        Path node = node();
        if (node != null) {
            Process process = new ProcessBuilder(node.toString(), RUNNER.toAbsolutePath().toString(),
                    SCRIPT.toAbsolutePath().toUri().toString(), input.toString(), output.toString())
                    .redirectErrorStream(true).start();
            String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("node failed: " + log);
            }
            return JSON.readTree(output.toFile());
        }
        return inChromium(Files.readString(input));
    }

    static Path node() {
        for (Path candidate : List.of(Path.of("/usr/bin/node"), Path.of("/usr/local/bin/node"))) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The module's text run as a classic script in a blank page (its exports made plain declarations). */
    private static JsonNode inChromium(String input) throws IOException {
        Path chromium = Path.of("/usr/bin/chromium");
        Path driverPath = Path.of("/usr/bin/chromedriver");
        if (!Files.isExecutable(chromium) || !Files.isExecutable(driverPath)) {
            String message = "neither node nor Chromium with ChromeDriver is installed: the classifier.js parity check"
                    + " needs one of them (Debian packages nodejs, or chromium and chromium-driver)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message + " — required under CI");
            }
            Assumptions.abort(message);
        }
        System.setProperty("webdriver.chrome.driver", driverPath.toString());
        var options = new org.openqa.selenium.chrome.ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory("chromium-parity"));
        var driver = new org.openqa.selenium.chrome.ChromeDriver(options);
        try {
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            String module = Files.readString(SCRIPT).replaceAll("(?m)^export ", "");
            Object result = driver.executeScript(module + """
                    ;const input = JSON.parse(arguments[0]);
                    return JSON.stringify(input.cases.map((c) => {
                      const household = { household: c.household, members: c.members };
                      const options = { communeArea: c.communeArea };
                      return { id: c.id, vi: classify(input.standards[c.standard], household, c.reference, 'vi', options),
                        en: classify(input.standards[c.standard], household, c.reference, 'en', options) };
                    }));""", input);
            return JSON.readTree((String) result);
        } finally {
            driver.quit();
        }
    }
}
