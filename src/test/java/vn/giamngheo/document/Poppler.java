package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Poppler's pdftotext and pdftoppm, run on the files the tests write to {@code target/documents/}. Without
 * them the PDF tests are skipped with a message, unless the environment variable CI is set (then they fail).
 */
final class Poppler {

    static final Path OUT = Path.of("target", "documents");

    private Poppler() {
    }

    static void require() {
        boolean present = runs("pdftotext", "-v") && runs("pdftoppm", "-v");
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("pdftotext and pdftoppm (poppler-utils) are required when CI is set");
        }
        Assumptions.assumeTrue(present, "pdftotext/pdftoppm (poppler-utils) not installed: PDF text checks skipped");
    }

    static Path save(String name, byte[] bytes) throws IOException {
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** The text of the pages, laid out, with runs of spaces collapsed to one (justified text spreads words). */
    static String text(Path pdf) throws IOException {
        return collapse(run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-"));
    }

    static String pageText(Path pdf, int page) throws IOException {
        String p = String.valueOf(page);
        return collapse(run("pdftotext", "-layout", "-enc", "UTF-8", "-f", p, "-l", p, pdf.toString(), "-"));
    }

    /** Renders page 1 at 60 dpi and checks the image is a real picture, not an empty file. */
    static Path renderFirstPage(Path pdf) throws IOException {
        String base = pdf.toString().replaceAll("\\.pdf$", "");
        run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf.toString(), base);
        Path png = Path.of(base + ".png");
        assertThat(png).exists();
        assertThat(Files.size(png)).as("PNG of page 1").isGreaterThan(5_000);
        return png;
    }

    /** The text as one line: wrapping does not matter, every letter still does. */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String collapse(String text) {
        return text.replaceAll("[ \\t\\u00a0]+", " ");
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", cmd) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return out;
    }
}
