package vn.giamngheo.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The field app's scripts where they hold logic (validation, the meeting's rule, the queue's sync against a fake
 * server): the node tests of {@code src/test/js/*.test.mjs}, run with node's own test runner. Skipped when node is
 * not installed (the browser journey {@code FieldOfflineJourneyTest} still runs the scripts in Chromium).
 */
class FieldScriptsTest {

    @Test
    void theScriptsUnitTestsPass() throws Exception {
        assumeTrue(nodeAvailable(), "node is not installed");
        List<String> files;
        try (Stream<Path> tests = Files.list(Path.of("src/test/js"))) {
            files = tests.map(Path::toString).filter(p -> p.endsWith(".test.mjs")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        List<String> command = new java.util.ArrayList<>(List.of("node", "--experimental-detect-module", "--test"));
        command.addAll(files);
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("# fail 0").doesNotContain("# pass 0");
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
