package vn.giamngheo.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The Vietnamese spellings of exchange-format 1.1 (§1.1): the label of every coded value and the title of every
 * column, read from the message files the pages use ({@code i18n/messages_vi.properties} for the values,
 * {@code i18n/exchange_vi.properties} for the column titles), so there is one source. Labels and titles are
 * matched after {@link #fold folding}: case, accents, đ/Đ and extra spaces do not matter.
 */
public final class Labels {

    /** The message-key prefix of each code list's labels in {@code messages_vi.properties}. */
    static final Map<Class<?>, String> PREFIXES = Map.ofEntries(
            Map.entry(Area.class, "area."), Map.entry(HousingQuality.class, "housing."),
            Map.entry(WaterSource.class, "water."), Map.entry(Toilet.class, "toilet."),
            Map.entry(InfoDevice.class, "device."), Map.entry(PovertyCause.class, "cause."),
            Map.entry(Sex.class, "sex."), Map.entry(Relation.class, "relation."),
            Map.entry(Employment.class, "employment."), Map.entry(Disability.class, "disability."),
            Map.entry(Education.class, "education."));

    /** The message key of a column's Vietnamese title in {@code exchange_vi.properties}. */
    public static String titleKey(String column) {
        return "exchange.column." + column;
    }

    /** The message key of what a column means (the template's instructions). */
    public static String helpKey(String column) {
        return "exchange.column." + column + ".help";
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Properties VALUES = load("/i18n/messages_vi.properties");
    private static final Properties TITLES = load("/i18n/exchange_vi.properties");

    /** Folded title → column, per table. */
    private static final Map<List<String>, Map<String, String>> COLUMNS_BY_TITLE = new HashMap<>();

    static {
        for (List<String> table : List.of(Columns.HOUSEHOLDS, Columns.MEMBERS)) {
            Map<String, String> byTitle = new HashMap<>();
            for (String column : table) {
                byTitle.put(fold(title(column)), column);
                byTitle.put(fold(column), column);
            }
            COLUMNS_BY_TITLE.put(table, byTitle);
        }
    }

    private Labels() {
    }

    /**
     * Text as compared: without accents (đ/Đ as d), lower case, runs of spaces as one, no spaces at either end.
     * "  NƯỚC   Máy " and "nuoc may" both fold to "nuoc may".
     */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The message key of a coded value's label (e.g. {@code toilet.none}), for pages in the reader's language. */
    public static String labelKey(Coded value) {
        return PREFIXES.get(((Enum<?>) value).getDeclaringClass()) + value.code();
    }

    /** The Vietnamese label of a coded value, as the pages show it. */
    public static String label(Coded value) {
        Enum<?> constant = (Enum<?>) value;
        String key = PREFIXES.get(constant.getDeclaringClass()) + value.code();
        String label = VALUES.getProperty(key);
        if (label == null) {
            throw new IllegalStateException("no label " + key + " in i18n/messages_vi.properties");
        }
        return label;
    }

    /** The labels of a code list, in declaration order. */
    public static <E extends Enum<E> & Coded> List<String> labels(Class<E> type) {
        List<String> labels = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            labels.add(label(constant));
        }
        return labels;
    }

    /** The Vietnamese title of a column of §1 (households or members). */
    public static String title(String column) {
        String title = TITLES.getProperty(titleKey(column));
        if (title == null) {
            throw new IllegalStateException("no title " + titleKey(column) + " in i18n/exchange_vi.properties");
        }
        return title;
    }

    /** Yes and no as written in files with labels. */
    public static String yesNo(boolean value) {
        return VALUES.getProperty(value ? "yes" : "no");
    }

    /**
     * The column of {@code table} ({@link Columns#HOUSEHOLDS} or {@link Columns#MEMBERS}) named by a header cell:
     * its code, or its Vietnamese title, compared folded.
     */
    public static Optional<String> column(List<String> table, String header) {
        if (table.contains(header)) {
            return Optional.of(header);
        }
        Map<String, String> byTitle = COLUMNS_BY_TITLE.get(table);
        return byTitle == null ? Optional.empty() : Optional.ofNullable(byTitle.get(fold(header)));
    }

    /** The value whose code or label is {@code text} (codes exactly or case-insensitively, labels folded). */
    public static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String text) {
        Optional<E> byCode = Coded.fromCode(type, text);
        if (byCode.isPresent()) {
            return byCode;
        }
        Map<String, Object> labels = ByLabel.OF.get(type);
        Object exact = labels.get(text); // a label as written (an export with labels): no folding
        @SuppressWarnings("unchecked")
        E byLabel = (E) (exact != null ? exact : labels.get(fold(text)));
        return Optional.ofNullable(byLabel);
    }

    /** The accepted values of a code list for messages: "piped (nước máy), drilled_well (giếng khoan), …". */
    public static <E extends Enum<E> & Coded> String accepted(Class<E> type) {
        StringBuilder text = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(constant.code()).append(" (").append(label(constant)).append(')');
        }
        return text.toString();
    }

    /** Label as written, folded label and folded code → constant, per code list, computed once. */
    private static final class ByLabel {
        static final ClassValue<Map<String, Object>> OF = new ClassValue<>() {
            @Override
            protected Map<String, Object> computeValue(Class<?> type) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Object constant : type.getEnumConstants()) {
                    map.put(label((Coded) constant), constant);
                    map.put(fold(label((Coded) constant)), constant);
                    map.put(fold(((Coded) constant).code()), constant);
                }
                return Map.copyOf(map);
            }
        };
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Labels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
