package vn.giamngheo.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import vn.giamngheo.plan.rules.PlanColumn;
import vn.giamngheo.table.Table;

/**
 * The column titles of the plan target table in the reader's language ("Số hộ", "Tỷ lệ hộ nghèo (%)"; "Households",
 * "Poverty rate (%)") instead of the codes of exchange-format §4, and back: a table whose headers are the titles of
 * either language reads as the one with the codes, so that a downloaded table imports again.
 */
final class PlanTableHeaders {

    private static final String BUNDLE = "i18n/plan";
    private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH);

    private PlanTableHeaders() {
    }

    /** The codes of the table's columns in order: {@code unit}, then those of {@link PlanColumn}. */
    static List<String> codes() {
        List<String> codes = new ArrayList<>();
        codes.add(PlanColumn.UNIT);
        for (PlanColumn c : PlanColumn.values()) {
            codes.add(c.header());
        }
        return codes;
    }

    /** The title of a column in a language (Vietnamese for none or {@code vi}, English otherwise). */
    static String title(String code, Locale locale) {
        return bundle(locale).getString("plan.column." + code);
    }

    /** A text of the table (sheet names, title, total row) in a language. */
    static String text(String key, Locale locale) {
        return bundle(locale).getString(key);
    }

    /** The titles of the columns in order, in a language. */
    static List<String> titles(Locale locale) {
        return codes().stream().map(c -> title(c, locale)).toList();
    }

    /** The table with every column titled in Vietnamese or English renamed to its code; other columns kept. */
    static Table withCodes(Table table) {
        Map<String, String> byTitle = new HashMap<>();
        for (Locale l : LANGUAGES) {
            for (String code : codes()) {
                byTitle.put(Table.columnKey(title(code, l)), code);
            }
        }
        if (table.columns().stream().noneMatch(byTitle::containsKey)) {
            return table;
        }
        List<String> columns = table.columns().stream().map(c -> byTitle.getOrDefault(c, c)).toList();
        List<Table.Row> rows = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            Map<String, String> cells = new LinkedHashMap<>();
            row.cells().forEach((k, v) -> cells.put(byTitle.getOrDefault(k, k), v));
            rows.add(new Table.Row(row.line(), cells));
        }
        return new Table(table.source(), columns, rows);
    }

    private static ResourceBundle bundle(Locale locale) {
        Locale wanted = locale == null || "vi".equals(locale.getLanguage()) ? LANGUAGES.get(0) : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, wanted,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
