package vn.giamngheo.document;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The fixed wording of the forms from {@code i18n/document.properties} (English) and
 * {@code i18n/document_vi.properties} (Vietnamese), read without Spring. Every entry is a
 * {@link MessageFormat} pattern, so a single quote is written {@code ''}.
 */
public final class DocumentLabels {

    public static final Locale VIETNAMESE = Text.VIETNAMESE;
    static final String BUNDLE = "i18n/document";

    private final ResourceBundle bundle;
    private final Locale locale;

    private DocumentLabels(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** Labels in the given language; Vietnamese when {@code locale} is null. */
    public static DocumentLabels forLocale(Locale locale) {
        Locale wanted = locale == null ? VIETNAMESE : locale;
        return new DocumentLabels(ResourceBundle.getBundle(BUNDLE, wanted,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), wanted);
    }

    public Locale locale() {
        return locale;
    }

    /** The label with its arguments filled in, in composed Unicode. */
    public String get(String key, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof String s ? Text.nfc(s) : args[i];
        }
        return Text.nfc(new MessageFormat(bundle.getString(key), locale).format(shown));
    }
}
