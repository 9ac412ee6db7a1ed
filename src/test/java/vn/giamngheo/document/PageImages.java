package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * Renders PDF files to PNG with Poppler's {@code pdftoppm -r 50 -png} into {@code target/documents/} and checks
 * each page's size: A4 portrait is ≈ 413 × 585 pixels at 50 dpi (595.3 × 841.9 pt; pdftoppm rounds up, so
 * 414 × 585), landscape ≈ 585 × 413; one pixel either way is accepted. Without pdftoppm the tests
 * are skipped with a message, unless the environment variable CI is set (then they fail).
 */
public final class PageImages {

    public static final Path OUT = Path.of("target", "documents");
    public static final int DPI = 50;
    /** A4 (210 × 297 mm = 595.3 × 841.9 pt) at 50 dpi, rounded as pdftoppm rounds. */
    public static final int A4_SHORT = 413;
    public static final int A4_LONG = 585;

    private PageImages() {
    }

    public static void require() {
        boolean present;
        try {
            Process p = new ProcessBuilder("pdftoppm", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            present = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("pdftoppm (poppler-utils) is required when CI is set");
        }
        Assumptions.assumeTrue(present, "pdftoppm (poppler-utils) not installed: PDF page rendering skipped");
    }

    /** Writes the PDF, renders every page and checks that each is A4 in the given orientation; returns the PNGs. */
    public static List<Path> renderA4(String name, byte[] pdf, boolean landscape) throws IOException, InterruptedException {
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name + ".pdf");
        Files.write(file, pdf);
        try (Stream<Path> old = Files.list(OUT)) {
            for (Path p : old.filter(p -> p.getFileName().toString().matches(
                    java.util.regex.Pattern.quote(name) + "-\\d+\\.png")).toList()) {
                Files.delete(p);
            }
        }
        Process p = new ProcessBuilder("pdftoppm", "-r", String.valueOf(DPI), "-png", file.toString(),
                OUT.resolve(name).toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("pdftoppm: " + output).isZero();
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(OUT)) {
            files.filter(f -> f.getFileName().toString().matches(java.util.regex.Pattern.quote(name) + "-\\d+\\.png"))
                    .sorted().forEach(pages::add);
        }
        assertThat(pages).as("pages of " + name).isNotEmpty();
        for (Path png : pages) {
            BufferedImage image = ImageIO.read(png.toFile());
            int wide = landscape ? A4_LONG : A4_SHORT;
            int high = landscape ? A4_SHORT : A4_LONG;
            assertThat(image.getWidth()).as(png + " width").isBetween(wide - 1, wide + 1);
            assertThat(image.getHeight()).as(png + " height").isBetween(high - 1, high + 1);
            assertThat(inked(image)).as(png + " has something printed on it").isGreaterThan(200);
        }
        return pages;
    }

    /** Pixels that are clearly not white. */
    private static int inked(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                if (grey < 160) {
                    n++;
                }
            }
        }
        return n;
    }
}
