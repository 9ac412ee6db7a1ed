package vn.giamngheo.document;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Liberation Serif 2 from {@code fonts/} on the class path (SIL OFL 1.1, metric-compatible with Times New Roman,
 * the font Decree 30/2020/NĐ-CP names; see docs/adr/0010-document-font.md), embedded as Identity-H subsets so
 * every Vietnamese letter is drawn and extracted correctly. The base fonts are loaded once; each document only
 * records the glyphs it uses. The sizes are those of Decree 30/2020 annex I.
 */
final class PdfFonts {

    /** Body text, number, place and date, title lines, signer: 13–14 pt. */
    static final float BODY = 13f;
    /** Tables inside a document. */
    static final float SMALL = 11f;
    /** The document's kind ("QUYẾT ĐỊNH", "BÁO CÁO"): 13–14 pt bold. */
    static final float TITLE = 14f;
    /** The issuing body and the first line of the motto: 12–13 pt. */
    static final float HEADING = 12.5f;
    /** "Độc lập - Tự do - Hạnh phúc": 13–14 pt bold. */
    static final float MOTTO = 13f;
    /** "Nơi nhận:" 12 pt bold italic; its items 11 pt. */
    static final float RECIPIENTS_LABEL = 12f;
    static final float RECIPIENTS = 11f;

    private static final BaseFont REGULAR = load("LiberationSerif-Regular.ttf");
    private static final BaseFont BOLD = load("LiberationSerif-Bold.ttf");
    private static final BaseFont ITALIC = load("LiberationSerif-Italic.ttf");
    private static final BaseFont BOLD_ITALIC = load("LiberationSerif-BoldItalic.ttf");

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

    static Font boldItalic(float size) {
        return new Font(BOLD_ITALIC, size);
    }

    static BaseFont regularBase() {
        return REGULAR;
    }

    /** The width of {@code text} on one line, in points, from the font's metrics (regular or bold face). */
    static float width(String text, boolean bold, float size) {
        return (bold ? BOLD : REGULAR).getWidthPoint(Text.nfc(text), size);
    }

    /** Every character of {@code text} has a glyph in all four faces (no empty boxes on paper). */
    static boolean covers(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c)
                || REGULAR.charExists(c) && BOLD.charExists(c) && ITALIC.charExists(c) && BOLD_ITALIC.charExists(c));
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
