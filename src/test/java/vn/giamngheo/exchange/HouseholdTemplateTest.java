package vn.giamngheo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The import template (exchange-format 1.1): what it offers, and that a template filled as a person fills it in
 * Excel (labels from the drop-downs, dates as dates, a bare year as text) is read by the importer's reader as it is.
 */
class HouseholdTemplateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 31);

    static UnaryOperator<String> messages(String file) {
        Properties properties = new Properties();
        try (InputStream in = HouseholdTemplateTest.class.getResourceAsStream("/i18n/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key -> {
            String text = properties.getProperty(key);
            assertThat(text).as(key + " in " + file).isNotNull();
            return text;
        };
    }

    private static final UnaryOperator<String> VI = messages("exchange_vi.properties");
    private static final UnaryOperator<String> EN = messages("exchange.properties");

    @Test
    void sheetsTitlesDropDownsAndDates() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(HouseholdTemplate.workbook(VI)))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Hướng dẫn");
            assertThat(workbook.getSheet("households")).isNotNull();
            assertThat(workbook.getSheet("members")).isNotNull();
            assertThat(workbook.isSheetHidden(workbook.getSheetIndex(HouseholdTemplate.LISTS))).isTrue();
            for (List<String> columns : List.of(Columns.HOUSEHOLDS, Columns.MEMBERS)) {
                XSSFSheet sheet = workbook.getSheet(columns == Columns.HOUSEHOLDS ? "households" : "members");
                Row header = sheet.getRow(0);
                assertThat(sheet.getLastRowNum()).as("no data row").isZero();
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                for (int c = 0; c < columns.size(); c++) {
                    assertThat(header.getCell(c).getStringCellValue()).isEqualTo(Labels.title(columns.get(c)));
                    assertThat(workbook.getFontAt(header.getCell(c).getCellStyle().getFontIndex()).getBold()).isTrue();
                    assertThat(sheet.getColumnWidth(c)).as(columns.get(c)).isGreaterThanOrEqualTo(12 * 256);
                }
                List<String> listed = new ArrayList<>();
                for (DataValidation v : sheet.getDataValidations()) {
                    int column = v.getRegions().getCellRangeAddress(0).getFirstColumn();
                    String code = columns.get(column);
                    DataValidationConstraint constraint = v.getValidationConstraint();
                    if (constraint.getValidationType() == DataValidationConstraint.ValidationType.LIST) {
                        listed.add(code);
                        assertThat(constraint.getFormula1()).startsWith(HouseholdTemplate.LISTS + "!$");
                        assertThat(v.getShowErrorBox()).as(code).isEqualTo(!Columns.LISTS.contains(code));
                        assertThat(listValues(workbook, constraint.getFormula1())).as(code).isEqualTo(
                                Columns.BOOLEANS.contains(code) ? List.of("có", "không") : labelsOf(code));
                    } else {
                        assertThat(code).isIn(Columns.DATES);
                        assertThat(v.getShowErrorBox()).isTrue();
                        assertThat(sheet.getColumnStyle(column).getDataFormatString()).isEqualTo("dd/mm/yyyy");
                    }
                }
                Set<String> expected = columns.stream().filter(c -> Columns.CODED.containsKey(c)
                        || Columns.BOOLEANS.contains(c)).collect(Collectors.toSet());
                assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(sheet.getDataValidations()).hasSize(expected.size()
                        + (int) columns.stream().filter(Columns.DATES::contains).count());
            }
            assertThat(workbook.getSheet("households").getColumnStyle(1).getDataFormatString()).isEqualTo("@");
        }
    }

    @ParameterizedTest(name = "instructions in {0}")
    @ValueSource(strings = {"vi", "en"})
    void theInstructionsNameEveryColumnWithItsValues(String language) throws IOException {
        UnaryOperator<String> text = language.equals("vi") ? VI : EN;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(HouseholdTemplate.workbook(text)))) {
            XSSFSheet sheet = workbook.getSheet(text.apply("exchange.template.instructions"));
            List<String> rows = new ArrayList<>();
            for (Row row : sheet) {
                StringBuilder line = new StringBuilder();
                row.forEach(cell -> line.append(cell.getStringCellValue()).append('|'));
                rows.add(line.toString());
            }
            String all = String.join("\n", rows);
            assertThat(all).contains(text.apply("exchange.template.step4"));
            for (String column : Columns.HOUSEHOLDS) {
                assertThat(all).contains("households|" + column + "|" + Labels.title(column) + "|");
            }
            for (String column : Columns.MEMBERS) {
                assertThat(all).contains("members|" + column + "|" + Labels.title(column) + "|");
            }
            assertThat(all).contains("|water_source|Nguồn nước sinh hoạt|" + text.apply("exchange.template.yes") + "|"
                    + text.apply(Labels.helpKey("water_source")) + "|nước máy = piped; giếng khoan = drilled_well;");
            assertThat(all).contains("|address|Địa chỉ||");
        }
    }

    /** Filled through POI as Excel stores what a person types, read by the importer's reader without a change. */
    @Test
    void aFilledTemplateImportsAsItIs() throws IOException {
        List<HouseholdData> data = EveryValueHouseholds.generate(48);
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(HouseholdTemplate.workbook(VI)))) {
            XSSFSheet households = workbook.getSheet("households");
            XSSFSheet members = workbook.getSheet("members");
            int memberRow = 1;
            for (int i = 0; i < data.size(); i++) {
                HouseholdRecord h = data.get(i).household();
                fill(households, i + 1, java.util.Arrays.asList(h.householdCode(), h.communeCode(), h.village(), h.area(), h.address(),
                        h.referenceDate(), h.incomePerCapita(), h.b1Score(), h.housingQuality(), h.floorAreaM2(),
                        h.waterSource(), h.toilet(), h.internetUse(), h.telephoneUse(), h.infoDevices(),
                        h.loudspeakerReach(), h.wasteTreatment(), h.causes(), h.ethnicMinority(), h.meritHousehold(),
                        h.socialProtection()));
                for (MemberRecord m : data.get(i).members()) {
                    fill(members, memberRow++, java.util.Arrays.asList(m.householdCode(), m.communeCode(), m.memberNo(), m.fullName(),
                            m.idNumber(), m.birthDate(), m.sex(), m.ethnicity(), m.relation(), m.employment(),
                            m.workingCapacity(), m.disability(), m.monthlySocialAllowance(), m.healthInsurance(),
                            m.malnourished(), m.education(), m.inSchool(), m.schoolLevelAppropriate(), m.sickUntreated(),
                            m.meritPerson()));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }

        ReadResult read = new HouseholdFileReader(TODAY).read("mau.xlsx", new ByteArrayInputStream(filled),
                "mau.xlsx", new ByteArrayInputStream(filled));

        assertThat(read.problems()).isEmpty();
        assertThat(read.households()).hasSize(data.size()).isEqualTo(viaCodes(data));
    }

    /** Null leaves the cell out; what a person picks or types otherwise, in the column's own format. */
    private static void fill(XSSFSheet sheet, int rowIndex, List<?> values) {
        Row row = sheet.createRow(rowIndex);
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null || value instanceof Set<?> empty && empty.isEmpty()) {
                continue;
            }
            Cell cell = row.createCell(c);
            CellStyle columnStyle = sheet.getColumnStyle(c);
            if (columnStyle != null) {
                cell.setCellStyle(columnStyle);
            }
            if (value instanceof Coded coded) {
                cell.setCellValue(Labels.label(coded));
            } else if (value instanceof Set<?> set) {
                cell.setCellValue(set.stream().map(v -> (Coded) v)
                        .sorted(Comparator.comparing(v -> ((Enum<?>) v).ordinal()))
                        .map(Labels::label).collect(Collectors.joining("; ")));
            } else if (value instanceof Boolean b) {
                cell.setCellValue(Labels.yesNo(b));
            } else if (value instanceof LocalDate d) {
                cell.setCellValue(d);
            } else if (value instanceof BirthDate b) {
                if (b.isYearOnly()) {
                    cell.setCellValue(String.valueOf(b.year()));
                } else {
                    cell.setCellValue(b.assumedDate());
                }
            } else if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    private static List<HouseholdData> viaCodes(List<HouseholdData> data) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        new HouseholdFileWriter().writeHouseholdsCsv(data, h);
        new HouseholdFileWriter().writeMembersCsv(data, m);
        return new HouseholdFileReader(TODAY).read("households.csv", new ByteArrayInputStream(h.toByteArray()),
                "members.csv", new ByteArrayInputStream(m.toByteArray())).households();
    }

    private static List<String> listValues(XSSFWorkbook workbook, String range) {
        var reference = new org.apache.poi.ss.util.AreaReference(range, workbook.getSpreadsheetVersion());
        List<String> values = new ArrayList<>();
        for (var cell : reference.getAllReferencedCells()) {
            values.add(workbook.getSheet(cell.getSheetName()).getRow(cell.getRow()).getCell(cell.getCol())
                    .getStringCellValue());
        }
        return values;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> labelsOf(String column) {
        return Labels.labels((Class) Columns.CODED.get(column));
    }
}
