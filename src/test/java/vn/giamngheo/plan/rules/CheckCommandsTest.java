package vn.giamngheo.plan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.budget.CheckBudgetCommand;
import vn.giamngheo.system.cli.BatchCommand;
import vn.giamngheo.plan.CheckPlanCommand;

class CheckCommandsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(BatchCommand command, String... args) {
        return command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} {1}: exit {2}")
    @CsvSource({
            "check-plan,   planning/muong-khuong-2023-correct.csv,              0",
            "check-plan,   planning/muong-khuong-2023-difference-convention.csv, 0",
            "check-plan,   planning/muong-khuong-2023-two-slips.csv,            1",
            "check-budget, budget/an-giang-2021-budget.csv,                     0",
            "check-budget, budget/an-giang-2021-budget-total-last.csv,          0"})
    void theExitStatusIsZeroWithoutErrorsAndOneWithAnError(String name, String file, int status) {
        BatchCommand command = name.equals("check-plan") ? new CheckPlanCommand() : new CheckBudgetCommand();

        assertThat(run(command, PlanFixtures.resource("../" + file).toString())).isEqualTo(status);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("line,unit_or_item,column,severity,rule,printed,expected,message");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(" lỗi, ", " dòng");
    }

    @Test
    void theFindingsGoToTheOutFileAndTheSummaryToStandardOutput() throws IOException {
        Path findings = dir.resolve("findings.csv");

        int status = run(new CheckPlanCommand(), PlanFixtures.resource("muong-khuong-2023-two-slips.csv").toString(),
                "--out", findings.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).strip())
                .endsWith("2 lỗi, 0 cảnh báo, 1 ghi chú trong 11 dòng");
        List<CSVRecord> records = CSVParser.parse(findings, StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertThat(records).extracting(r -> r.get("line") + ":" + r.get("column") + ":" + r.get("severity"))
                .containsExactly("2:poor:note", "5:poor:error", "9:poor_end_rate:error");
        assertThat(records.get(2).get("message")).contains("42,92", "42,29");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a missing file        | missing.csv | ''                                                   | file not found
            a missing column      | plan.csv    | unit,households,poor,poor_rate,reduction,reduction_rate,poor_end | poor_end_rate
            an empty file         | plan.csv    | ''                                                   | empty
            """)
    void aTableThatCannotBeReadExitsWithTwoAndSaysWhy(String rule, String file, String content, String reason)
            throws IOException {
        Files.writeString(dir.resolve("plan.csv"), content);

        assertThat(run(new CheckPlanCommand(), dir.resolve(file).toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(reason);
    }

    @ParameterizedTest(name = "line {0}: {1} → {2}, exit 1")
    @CsvSource(delimiter = '|', value = {
            // an item whose total no longer equals its sources (180.000 + 10.000)
            "5  | 190.000 | 191.000",
            // a leaf's total changed: its sub-project group (Dự án 3) no longer adds up either
            "14 | 2.400   | 2.500"})
    void aBudgetWithOneChangedCellExitsWithOneAndReportsThatLine(int line, String printed, String changed) throws IOException {
        List<String> lines = Files.readAllLines(PlanFixtures.resource("../budget/an-giang-2021-budget.csv"), StandardCharsets.UTF_8);
        String row = lines.get(line - 1);
        assertThat(row).contains("," + printed + ",");
        lines.set(line - 1, row.replaceFirst("," + java.util.regex.Pattern.quote(printed) + ",", "," + changed + ","));
        Path file = dir.resolve("budget.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        Path findings = dir.resolve("findings.csv");

        assertThat(run(new CheckBudgetCommand(), file.toString(), "--out", findings.toString())).isEqualTo(1);
        List<CSVRecord> errors = CSVParser.parse(findings, StandardCharsets.UTF_8,
                        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords().stream()
                .filter(r -> r.get("severity").equals("error")).toList();
        assertThat(errors).extracting(r -> r.get("line")).contains(String.valueOf(line));
        assertThat(errors).filteredOn(r -> r.get("line").equals(String.valueOf(line))).extracting(r -> r.get("printed"))
                .contains(changed);
    }

    @Test
    void aBudgetWithoutTheBankColumnCannotBeChecked() throws IOException {
        Files.writeString(dir.resolve("b.csv"), "code,item,total,central,local,mobilised\n,Tổng cộng,1,1,,\n");

        assertThat(run(new CheckBudgetCommand(), dir.resolve("b.csv").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bank");
    }

    @ParameterizedTest(name = "rate on line {0} printed {1}: exit {2}")
    @CsvSource({"9, 42.29, 0", "9, 42.92, 1", "2, 35.60, 0", "2, 0.3560, 0"})
    void anXlsxPlanIsCheckedAsDisplayedOnItsFirstSheet(int line, double poorEndRate, int status) throws IOException {
        Path xlsx = xlsxOf("muong-khuong-2023-correct.csv", line, poorEndRate);

        assertThat(run(new CheckPlanCommand(), xlsx.toString())).isEqualTo(status);
        if (status == 1) {
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(line + ",", "poor_end_rate", "42,92");
        }
    }

    /** The CSV fixture as a workbook: counts as numbers "#,##0", rates as "0.00" (or "0.00%" when below 1). */
    private Path xlsxOf(String fixture, int line, double poorEndRate) throws IOException {
        List<CSVRecord> records = CSVParser.parse(PlanFixtures.text(fixture), CSVFormat.RFC4180).getRecords();
        Path file = dir.resolve("plan.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(file)) {
            CellStyle count = workbook.createCellStyle();
            count.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            CellStyle rate = workbook.createCellStyle();
            rate.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
            Sheet sheet = workbook.createSheet("plan");
            List<String> header = records.get(0).toList();
            for (int r = 0; r < records.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = new ArrayList<>(records.get(r).toList());
                for (int c = 0; c < cells.size(); c++) {
                    String h = header.get(c);
                    String v = cells.get(c);
                    if (r == 0 || v.isEmpty() || h.equals("unit") || h.equals("stt")) {
                        row.createCell(c).setCellValue(v);
                    } else if (h.endsWith("rate")) {
                        double value = Double.parseDouble(v.replace(',', '.'));
                        if (r + 1 == line && h.equals(line == 2 ? "poor_rate" : "poor_end_rate")) {
                            value = poorEndRate;
                        }
                        var cell = row.createCell(c);
                        boolean asPercent = value < 1;
                        cell.setCellValue(value);
                        cell.setCellStyle(asPercent ? percent : rate);
                    } else {
                        var cell = row.createCell(c);
                        cell.setCellValue(Double.parseDouble(v.replace(".", "")));
                        cell.setCellStyle(count);
                    }
                }
            }
            workbook.write(os);
        }
        return file;
    }
}
