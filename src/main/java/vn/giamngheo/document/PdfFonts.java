package vn.giamngheo.document;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Serif from {@code fonts/} on the class path, embedded as Identity-H subsets so every Vietnamese
 * letter is drawn and extracted correctly. The base fonts are loaded once; each document only records the
 * glyphs it uses.
 */
final class PdfFonts {

    static final float BODY = 12f;
    static final float SMALL = 10.5f;
    static final float TITLE = 13.5f;

    private static final BaseFont REGULAR = load("DejaVuSerif.ttf");
    private static final BaseFont BOLD = load("DejaVuSerif-Bold.ttf");
    private static final BaseFont ITALIC = load("DejaVuSerif-Italic.ttf");

    private PdfFonts() {
    }

    static Font regular(float size) {
        return new Font(REGULAR, size);
    }

    static Font bold(float size) {
        return new Font(BOLD, size);
    }

    static Font italic(float size) {
        return new Font(ITALIC, size);
    }

    static BaseFont regularBase() {
        return REGULAR;
    }

    private static BaseFont load(String file) {
        try (InputStream in = PdfFonts.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the class path: fonts/" + file);
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
