package vn.giamngheo.standard.rules;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Renders explanations as plain sentences from the {@code i18n/classification} bundles: Vietnamese for the
 * officer reading to the family, English by default. Bundles are UTF-8 properties (Java 9+ reads them so).
 * The renderer is the single place of wording: an argument may be a nested {@link Message}, a {@link Code}
 * (said in words with {@code classification.value.<field>.<code>}) or a {@link CodeList} (joined with
 * commas and the language's "or"); numbers are formatted for the locale by the patterns of the bundle.
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
        Object[] args = message.args().stream().map(this::argument).toArray();
        return new MessageFormat(bundle.getString(message.key()), locale).format(args);
    }

    /**
     * A code in words, e.g. {@code housing_quality}/{@code makeshift} → "đơn sơ". A code the bundles do not
     * know (e.g. from a province's own parameter) is shown as it is rather than failing the whole page.
     */
    public String value(String field, String code) {
        String key = "classification.value." + field + "." + code;
        return bundle.containsKey(key) ? bundle.getString(key) : code;
    }

    /** The name of a field of the exchange format in words, e.g. {@code waste_treatment}; unknown → as it is. */
    public String fieldName(String field) {
        String key = "classification.field." + field;
        return bundle.containsKey(key) ? bundle.getString(key) : field;
    }

    private Object argument(Object argument) {
        if (argument instanceof Message m) {
            return render(m);
        }
        if (argument instanceof Code c) {
            return value(c.field(), c.value());
        }
        if (argument instanceof CodeList l) {
            return list(l.values().stream().map(v -> value(l.field(), v)).toList());
        }
        return argument;
    }

    /** "a", "a hoặc b", "a, b hoặc c" (English: "a or b", "a, b or c"). */
    private String list(List<String> words) {
        if (words.size() <= 1) {
            return words.isEmpty() ? "" : words.get(0);
        }
        String head = String.join(", ", words.subList(0, words.size() - 1));
        return new MessageFormat(bundle.getString("classification.list.or"), locale)
                .format(new Object[] {head, words.get(words.size() - 1)});
    }
}
