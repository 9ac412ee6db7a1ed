package vn.giamngheo.budget.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.giamngheo.table.CheckReport;
import vn.giamngheo.table.Finding;
import vn.giamngheo.table.Severity;
import vn.giamngheo.table.TableReader;

/**
 * The An Giang 2021 budget (domain.md §5): grand total 1.041.987 = central 301.937 + provincial 29.850 +
 * bank 710.000 + mobilised 200. Lines: 2 grand total, 3 group I (general policies), 4-8 its items,
 * 9 group II (national target programme), 10 project 2 with an "of which" line 11, 12 project 3 with
 * sub-projects 13-14, 15-18 projects 4-7.
 */
class BudgetCheckerTest {

    static final String AN_GIANG = "an-giang-2021-budget.csv";

    @ParameterizedTest
    @ValueSource(strings = {AN_GIANG, "an-giang-2021-budget-total-last.csv"})
    void aConsistentBudgetHasNoFinding(String file) throws Exception {
        CheckReport report = BudgetChecker.check(TableReader.readCsv(file, text(file)));

        assertThat(report.findings()).isEmpty();
        assertThat(report.rowsChecked()).isEqualTo(17);
        assertThat(report.exitStatus()).isZero();
    }

    @ParameterizedTest(name = "line {0} {1} = {2}: one error at line {0}, column {3}, expected {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # line | column    | new value | error column | expected  | lines with consequence notes
            4      | bank      | 701.000   | bank         | 710.000   | 3
            4      | total     | 710.001   | total        | 710.000   | 3
            5      | central   | 18.000    | central      | 180.000   | 3
            8      | local     | ''        | local        | 350       | 3
            17     | mobilised | 5         | mobilised    | 0         | 9
            13     | local     | 2.060     | local        | 2.600     | 12
            12     | central   | 15.473    | central      | 15.437    | 9;12
            3      | local     | 18.530    | local        | 18.350    | 2;3
            9      | mobilised | 50        | mobilised    | 0         | 2;9
            2      | total     | 1.041.978 | total        | 1.041.987 | 2
            """)
    void oneChangedCellIsOneErrorAtItsLineAndColumnAndItsSumsAreConsequences(int line, String column, String value,
            String errorColumn, String expected, String consequenceLines) throws Exception {
        CheckReport report = check(withCell(AN_GIANG, line, column, value));

        assertThat(report.findings()).filteredOn(Finding::isError)
                .extracting(Finding::line, Finding::column, Finding::rule, Finding::expected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(line, errorColumn, "cell_does_not_fit", expected));
        assertThat(report.findings()).filteredOn(f -> !f.isError()).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.NOTE);
            assertThat(f.rule()).endsWith("_consequence");
            assertThat(f.column()).isEqualTo(errorColumn);
            assertThat(f.message()).contains(String.valueOf(line));
        });
        assertThat(report.findings()).filteredOn(f -> !f.isError()).extracting(Finding::line)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(consequenceLines.split(";")).map(Integer::valueOf)
                        .toList());
    }

    @Test
    void aSlipOnAnOfWhichLineIsOnlyItsOwnRowError() throws Exception {
        CheckReport report = check(withCell(AN_GIANG, 11, "central", "5.500"));

        assertThat(report.findings())
                .extracting(Finding::line, Finding::column, Finding::severity, Finding::rule, Finding::expected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(11, "total", Severity.ERROR,
                        "row_sources_add_up", "5.500"));
    }

    @Test
    void twoSlipsInTheSameColumnOfAGroupAreReportedWithoutGuessingTheCell() throws Exception {
        CheckReport report = check(withCell(withCell(text(AN_GIANG), 5, "central", "181.000"), 6, "central", "46.000"));

        assertThat(report.findings())
                .extracting(Finding::line, Finding::column, Finding::severity, Finding::rule, Finding::expected)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "central", Severity.ERROR, "group_sum", "247.000"),
                        org.assertj.core.groups.Tuple.tuple(5, "total", Severity.ERROR, "row_sources_add_up", "191.000"),
                        org.assertj.core.groups.Tuple.tuple(6, "total", Severity.ERROR, "row_sources_add_up", "51.000"));
    }

    @ParameterizedTest(name = "code \"{0}\" item \"{1}\" is a {2}")
    @CsvSource(delimiter = '|', textBlock = """
            I     | Nhóm         | GROUP
            IV.   | Nhóm         | GROUP
            3     | Mục          | ITEM
            3.    | Mục          | ITEM
            1.1   | Tiểu mục     | SUB_ITEM
            a)    | Tiểu mục     | SUB_ITEM
            -     | Trong đó     | DETAIL
            ''    | Tổng cộng    | GRAND_TOTAL
            ''    | TỔNG SỐ      | GRAND_TOTAL
            """)
    void theCodeGivesThePlaceInTheTree(String code, String item, BudgetRow.Kind kind) throws Exception {
        String csv = "code,item,total,central,local,bank,mobilised\n"
                + "I,Nhóm mở đầu,1,1,,,\n1,Mục mở đầu,1,1,,,\n"
                + "\"" + code + "\",\"" + item + "\",0,,,,\n"
                + "II,Nhóm cuối,0,,,,\n";
        List<Finding> findings = new ArrayList<>();

        BudgetTree tree = BudgetTree.read(TableReader.readCsv("test.csv", csv), findings);

        assertThat(tree.rows()).filteredOn(r -> r.line() == 4).singleElement()
                .extracting(BudgetRow::kind).isEqualTo(kind);
        assertThat(findings).isEmpty();
    }

    @Test
    void anUnreadableAmountIsAnErrorAtItsCellAndNoSumUsesIt() throws Exception {
        CheckReport report = check(withCell(AN_GIANG, 5, "central", "180.00O"));

        assertThat(report.findings()).extracting(Finding::line, Finding::column, Finding::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "central", "not_a_number"));
    }

    private static CheckReport check(String csv) throws TableReader.UnreadableTableException {
        return BudgetChecker.check(TableReader.readCsv("test.csv", csv));
    }

    static String text(String name) {
        try {
            return Files.readString(Path.of(BudgetCheckerTest.class.getResource("/budget/" + name).toURI()));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CSV with one cell replaced; {@code source} is a fixture name or CSV text. */
    static String withCell(String source, int line, String column, String value) throws IOException {
        String csv = source.endsWith(".csv") ? text(source) : source;
        List<CSVRecord> records = CSVParser.parse(csv, CSVFormat.RFC4180).getRecords();
        int index = records.get(0).toList().indexOf(column);
        StringWriter out = new StringWriter();
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
        for (int i = 0; i < records.size(); i++) {
            List<String> cells = new ArrayList<>(records.get(i).toList());
            if (i == line - 1) {
                cells.set(index, value);
            }
            printer.printRecord(cells);
        }
        printer.flush();
        return out.toString();
    }
}
