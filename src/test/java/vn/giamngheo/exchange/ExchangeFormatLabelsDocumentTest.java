package vn.giamngheo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tables of {@code docs/exchange-format.md} §1.1 (column titles and value labels) are what the readers accept,
 * so they cannot drift from the message files. When a label or title changes, run this test with
 * {@code -Dgiamngheo.docs.write=true} to write them again, and commit the document.
 */
class ExchangeFormatLabelsDocumentTest {

    static final Path DOCUMENT = Path.of("docs/exchange-format.md");
    static final String BEGIN = "<!-- §1.1 tables: written by ExchangeFormatLabelsDocumentTest from the message files, do not edit by hand -->\n";
    static final String END = "<!-- end of the §1.1 tables -->\n";

    @Test
    void theTablesOfSection11AreUpToDate() throws IOException {
        String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        assertThat(begin).as("the §1.1 markers in " + DOCUMENT).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String expected = document.substring(0, begin + BEGIN.length()) + tables() + document.substring(end);
        if (Boolean.getBoolean("giamngheo.docs.write")) {
            Files.writeString(DOCUMENT, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
                .as(DOCUMENT + " §1.1 is out of date: run ExchangeFormatLabelsDocumentTest with -Dgiamngheo.docs.write=true")
                .isEqualTo(expected);
    }

    static String tables() {
        StringBuilder md = new StringBuilder();
        for (var table : List.of(java.util.Map.entry("households", Columns.HOUSEHOLDS),
                java.util.Map.entry("members", Columns.MEMBERS))) {
            Set<String> required = table.getKey().equals("households") ? Columns.HOUSEHOLDS_REQUIRED
                    : Columns.MEMBERS_REQUIRED;
            md.append("\n#### Column titles of ").append(table.getKey()).append("\n")
                    .append("| column | Vietnamese title | required | values |\n|---|---|---|---|\n");
            for (String column : table.getValue()) {
                md.append("| `").append(column).append("` | ").append(Labels.title(column)).append(" | ")
                        .append(required.contains(column) ? "yes" : "").append(" | ").append(kind(column)).append(" |\n");
            }
        }
        md.append("\n#### Labels of the coded values\n")
                .append("| column | code | Vietnamese label |\n|---|---|---|\n");
        for (String column : codedColumns()) {
            for (Object constant : Columns.CODED.get(column).getEnumConstants()) {
                Coded value = (Coded) constant;
                md.append("| `").append(column).append("` | `").append(value.code()).append("` | ")
                        .append(Labels.label(value)).append(" |\n");
            }
        }
        md.append("| yes/no columns | `yes` | ").append(Labels.yesNo(true)).append(" |\n")
                .append("| yes/no columns | `no` | ").append(Labels.yesNo(false)).append(" |\n\n");
        return md.toString();
    }

    private static String kind(String column) {
        if (Columns.CODED.containsKey(column)) {
            return Columns.LISTS.contains(column) ? "labels or codes, `;`-separated" : "label or code";
        }
        if (Columns.BOOLEANS.contains(column)) {
            return "yes/no";
        }
        if (column.equals("birth_date")) {
            return "date or year";
        }
        return Columns.DATES.contains(column) ? "date" : "";
    }

    private static List<String> codedColumns() {
        List<String> columns = new java.util.ArrayList<>();
        for (String column : Columns.HOUSEHOLDS) {
            if (Columns.CODED.containsKey(column)) {
                columns.add(column);
            }
        }
        for (String column : Columns.MEMBERS) {
            if (Columns.CODED.containsKey(column) && !columns.contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }
}
