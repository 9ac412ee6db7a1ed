package vn.giamngheo.table;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The checkers' messages from {@code i18n/planning.properties} (English) and
 * {@code i18n/planning_vi.properties} (Vietnamese), read without Spring. Arguments are text, so numbers
 * appear exactly as the checker formatted them.
 */
public final class Messages {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final String BUNDLE = "i18n/planning";
    private static final String COLUMN_ARGUMENT = "column:";

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Messages forLocale(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public String format(String key, List<String> args) {
        Object[] shown = args.stream().map(this::argument).toArray();
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(shown);
    }

    private String argument(String arg) {
        if (arg.startsWith(COLUMN_ARGUMENT)) {
            String column = arg.substring(COLUMN_ARGUMENT.length());
            try {
                return bundle.getString("column." + column);
            } catch (MissingResourceException e) {
                return column;
            }
        }
        return arg;
    }

    /** An argument that the message shows as the column's label in the reader's language. */
    public static String column(String name) {
        return COLUMN_ARGUMENT + name;
    }
}
