package vn.giamngheo.document;

import java.text.Normalizer;
import java.util.Locale;

/** Every string that reaches a document goes through here: composed Unicode (NFC), never null. */
final class Text {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private Text() {
    }

    static String nfc(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    static String upper(String text) {
        return nfc(text).toUpperCase(VIETNAMESE);
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
