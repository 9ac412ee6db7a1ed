package vn.giamngheo.classification;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Renders explanations as plain sentences from the {@code i18n/classification} bundles: Vietnamese for the
 * officer reading to the family, English by default. Bundles are UTF-8 properties (Java 9+ reads them so).
 */
public final class ExplanationRenderer {

    public static final String BUNDLE = "i18n/classification";
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final ResourceBundle bundle;
    private final Locale locale;

    public ExplanationRenderer(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public List<String> render(Explanation explanation) {
        return explanation.reasons().stream().map(this::render).toList();
    }

    public String render(Message message) {
        Object[] args = message.args().stream().map(a -> a instanceof Message m ? render(m) : a).toArray();
        return new MessageFormat(bundle.getString(message.key()), locale).format(args);
    }
}
