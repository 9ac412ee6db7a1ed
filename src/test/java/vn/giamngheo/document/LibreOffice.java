package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * LibreOffice headless ({@code soffice}, Debian package libreoffice-writer-nogui) opens the Word files the tests
 * write and converts them to PDF, as an official's office suite would open them. Without it the tests are skipped
 * with a message, unless the environment variable CI is set (then they fail). Each run uses its own profile
 * directory, so that conversions running at the same time on one machine do not wait for one another's lock.
 */
public final class LibreOffice {

    private LibreOffice() {
    }

    public static void require() {
        boolean present = runs(List.of("soffice", "--version"));
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("soffice (libreoffice-writer-nogui) is required when CI is set");
        }
        Assumptions.assumeTrue(present, "soffice (libreoffice-writer-nogui) not installed: Word file checks skipped");
    }

    /** Converts a DOCX file to PDF beside it and returns the PDF. */
    public static Path toPdf(Path docx) throws IOException {
        Path dir = docx.toAbsolutePath().getParent();
        Path profile = Files.createTempDirectory("soffice-profile");
        List<String> command = List.of("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", dir.toString(), docx.toAbsolutePath().toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " failed: " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            deleteTree(profile);
        }
        Path pdf = dir.resolve(docx.getFileName().toString().replaceAll("\\.docx$", ".pdf"));
        assertThat(pdf).as("PDF written by LibreOffice from " + docx + ": " + log).exists();
        return pdf;
    }

    /** Saves a Word file under {@code target/documents/}, converts it with LibreOffice and returns the PDF. */
    public static Path convert(String name, byte[] docx) throws IOException {
        Path dir = Path.of("target", "documents");
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.write(file, docx);
        return toPdf(file);
    }

    /** The text of the converted PDF as one line (pdftotext; wrapping does not matter, every letter does). */
    public static String text(Path pdf) throws IOException {
        Process p = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("pdftotext " + pdf).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return out.replaceAll("[\\s\\u00a0]+", " ");
    }

    /** Width and height of each page in points, read with OpenPDF. */
    public static List<float[]> pageSizes(Path pdf) throws IOException {
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.toString());
        try {
            List<float[]> sizes = new java.util.ArrayList<>();
            for (int i = 1; i <= reader.getNumberOfPages(); i++) {
                com.lowagie.text.Rectangle r = reader.getPageSizeWithRotation(i);
                sizes.add(new float[] {r.getWidth(), r.getHeight()});
            }
            return sizes;
        } finally {
            reader.close();
        }
    }

    /** Renders every page at 60 dpi (pdftoppm) beside the PDF, to be looked at; returns the number of images. */
    public static int renderPages(Path pdf) throws IOException {
        String base = pdf.toString().replaceAll("\\.pdf$", "");
        String prefix = pdf.getFileName().toString().replaceAll("\\.pdf$", "") + "-";
        try (var old = Files.list(pdf.getParent())) {
            for (Path f : old.filter(f -> isPage(f, prefix)).toList()) {
                Files.delete(f);
            }
        }
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "60", pdf.toString(), base)
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0).as("pdftoppm " + pdf).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        try (var files = Files.list(pdf.getParent())) {
            return (int) files.filter(f -> isPage(f, prefix)).count();
        }
    }

    private static boolean isPage(Path file, String prefix) {
        String name = file.getFileName().toString();
        return name.startsWith(prefix) && name.substring(prefix.length()).matches("\\d+\\.png");
    }

    private static boolean runs(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
