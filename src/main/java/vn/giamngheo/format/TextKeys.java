package vn.giamngheo.format;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The message key of a Vietnamese text kept in the data (a unit type, a policy's amount unit, a programme item as a
 * policy names it): a prefix and the text without diacritics, words joined by {@code -}
 * ({@code "Dự án 4 – Tiểu dự án 1"} → {@code support.item.du-an-4-tieu-du-an-1}). Pages look the key up in the
 * reader's language and show the text itself when there is none (a text an administrator wrote). Plain Java.
 */
public final class TextKeys {

    private TextKeys() {
    }

    /** The key of {@code text} under {@code prefix} (which ends with a dot); the prefix alone (no message) for no text. */
    public static String of(String prefix, String text) {
        if (text == null || text.isBlank()) {
            return prefix;
        }
        String plain = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT).replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return prefix + plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
