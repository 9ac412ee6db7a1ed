package vn.giamngheo.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.util.CellReference;
import vn.giamngheo.document.WorkbookBuilder;

/**
 * The XLSX template to fill for an import (exchange-format 1.1): sheets {@code households} and {@code members}
 * with the Vietnamese column titles (bold, frozen, wide enough), drop-down lists of the labels for every coded and
 * yes/no column, dates as dd/mm/yyyy with a date check, identity numbers and codes kept as text, and a sheet of
 * instructions (every column: meaning, required or not, codes and labels). The reader reads a filled template
 * as it is.
 */
public final class HouseholdTemplate {

    /** Rows of each sheet that get the drop-downs and checks (a commune has about 8,000 households). */
    static final int HOUSEHOLD_ROWS = 10_000;
    static final int MEMBER_ROWS = 50_000;
    /** The hidden sheet holding the lists behind the drop-downs. */
    static final String LISTS = "lists";
    /** Text columns whose digits must stay as typed (leading zeros, 12 digits). */
    private static final Set<String> TEXT = Set.of("household_code", "commune_code", "id_number");
    /** A birth date before it is taken for a bare year typed as a number (1982 is 04/06/1905 in Excel). */
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1910, 1, 1);

    private HouseholdTemplate() {
    }

    /**
     * The template's bytes.
     *
     * @param text the message of a key of {@code i18n/exchange*.properties} in the reader's language (the
     *             instructions); column titles and labels are always Vietnamese, as the files are
     */
    public static byte[] workbook(UnaryOperator<String> text) {
        WorkbookBuilder book = WorkbookBuilder.create();
        Map<String, String> ranges = new LinkedHashMap<>();
        instructions(book.sheet(text.apply("exchange.template.instructions")), text);
        WorkbookBuilder.SheetBuilder households = book.sheet("households");
        WorkbookBuilder.SheetBuilder members = book.sheet("members");
        lists(book.sheet(LISTS), ranges);
        fill(households, Columns.HOUSEHOLDS, HOUSEHOLD_ROWS, ranges, text);
        fill(members, Columns.MEMBERS, MEMBER_ROWS, ranges, text);
        book.hide(LISTS);
        return book.bytes();
    }

    private static void fill(WorkbookBuilder.SheetBuilder sheet, List<String> columns, int rows,
                             Map<String, String> ranges, UnaryOperator<String> text) {
        List<String> titles = columns.stream().map(Labels::title).toList();
        sheet.header(titles).freeze(0, 1).widths(titles.size(), c -> Math.min(40, Math.max(12, titles.get(c).length() + 2)));
        for (int c = 0; c < columns.size(); c++) {
            String column = columns.get(c);
            String invalid = text.apply("exchange.template.invalid");
            if (Columns.CODED.containsKey(column)) {
                sheet.dropDown(c, 1, rows, ranges.get(column), !Columns.LISTS.contains(column), invalid);
            } else if (Columns.BOOLEANS.contains(column)) {
                sheet.dropDown(c, 1, rows, ranges.get("yes_no"), true, invalid);
            } else if (column.equals("reference_date")) {
                sheet.columnFormat(c, WorkbookBuilder.DATE).dates(c, 1, rows, LocalDate.of(2000, 1, 1),
                        LocalDate.of(2100, 12, 31), text.apply("exchange.template.invalidDate"));
            } else if (column.equals("birth_date")) {
                // a date, or a year typed as text: a bare number would be a day of 1905
                String cell = CellReference.convertNumToColString(c) + "2";
                sheet.columnFormat(c, WorkbookBuilder.DATE).valid(c, 1, rows, "OR(AND(ISNUMBER(" + cell + "),"
                        + cell + ">=DATE(" + EARLIEST_BIRTH.getYear() + ",1,1)),AND(ISTEXT(" + cell + "),OR(LEN("
                        + cell + ")=4,LEN(" + cell + ")=10)))", text.apply("exchange.template.invalidDate"));
            } else if (TEXT.contains(column)) {
                sheet.columnFormat(c, WorkbookBuilder.TEXT);
            }
        }
    }

    /** One column per code list and one for yes/no, the labels in declaration order. */
    private static void lists(WorkbookBuilder.SheetBuilder sheet, Map<String, String> ranges) {
        List<List<String>> lists = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String column : orderedCodedColumns()) {
            names.add(column);
            lists.add(labels(Columns.CODED.get(column)));
        }
        names.add("yes_no");
        lists.add(List.of(Labels.yesNo(true), Labels.yesNo(false)));
        int longest = lists.stream().mapToInt(List::size).max().orElse(0);
        for (int r = 0; r < longest; r++) {
            WorkbookBuilder.RowBuilder row = sheet.row();
            for (List<String> list : lists) {
                if (r < list.size()) {
                    row.text(list.get(r));
                } else {
                    row.skip();
                }
            }
        }
        for (int c = 0; c < names.size(); c++) {
            String letter = CellReference.convertNumToColString(c);
            ranges.put(names.get(c), LISTS + "!$" + letter + "$1:$" + letter + "$" + lists.get(c).size());
        }
    }

    private static List<String> orderedCodedColumns() {
        List<String> columns = new ArrayList<>();
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> labels(Class<? extends Coded> type) {
        return Labels.labels((Class) type);
    }

    private static void instructions(WorkbookBuilder.SheetBuilder sheet, UnaryOperator<String> text) {
        WorkbookBuilder.Look wrapped = WorkbookBuilder.Look.PLAIN.wrapped().top();
        sheet.row().text(text.apply("exchange.template.title"), WorkbookBuilder.Look.PLAIN.bold());
        for (String step : List.of("step1", "step2", "step3", "step4")) {
            sheet.row().merged(text.apply("exchange.template." + step), wrapped, 5);
            sheet.poi().getRow(sheet.rowIndex() - 1).setHeightInPoints(45);
        }
        sheet.blank();
        sheet.header(List.of(text.apply("exchange.template.sheet"), text.apply("exchange.template.code"),
                text.apply("exchange.template.column"), text.apply("exchange.template.required"),
                text.apply("exchange.template.meaning"), text.apply("exchange.template.values")));
        for (var table : List.of(Map.entry("households", Columns.HOUSEHOLDS), Map.entry("members", Columns.MEMBERS))) {
            Set<String> required = table.getKey().equals("households") ? Columns.HOUSEHOLDS_REQUIRED
                    : Columns.MEMBERS_REQUIRED;
            for (String column : table.getValue()) {
                String requirement = required.contains(column) ? text.apply("exchange.template.yes")
                        : column.equals("income_per_capita") || column.equals("b1_score")
                        ? text.apply("exchange.template.oneOf") : "";
                sheet.row().text(table.getKey(), wrapped).text(column, wrapped).text(Labels.title(column), wrapped)
                        .text(requirement, wrapped).text(text.apply(Labels.helpKey(column)), wrapped)
                        .text(values(column, text), wrapped);
            }
        }
        sheet.widths(6, c -> new int[] {12, 24, 30, 14, 50, 60}[c]);
    }

    /** The values a column accepts, for the instructions: "nước máy = piped; …", yes/no, dates. */
    static String values(String column, UnaryOperator<String> text) {
        if (Columns.CODED.containsKey(column)) {
            StringBuilder values = new StringBuilder();
            for (Object constant : Columns.CODED.get(column).getEnumConstants()) {
                Coded value = (Coded) constant;
                values.append(values.length() == 0 ? "" : "; ").append(Labels.label(value)).append(" = ")
                        .append(value.code());
            }
            return Columns.LISTS.contains(column) ? values + " (" + text.apply("exchange.template.several") + ")"
                    : values.toString();
        }
        if (Columns.BOOLEANS.contains(column)) {
            return text.apply("exchange.template.yesNo");
        }
        if (column.equals("birth_date")) {
            return text.apply("exchange.template.birthDate");
        }
        if (column.equals("reference_date")) {
            return text.apply("exchange.template.date");
        }
        return "";
    }
}
