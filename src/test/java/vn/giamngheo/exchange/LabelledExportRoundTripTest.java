package vn.giamngheo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.giamngheo.household.GeneratedHouseholds;

/**
 * Exports with labels (exchange-format 1.1) read back to the very records the export with codes reads to, for
 * households holding every coded value, in CSV (whole and streamed) and XLSX; the export with codes is unchanged.
 */
class LabelledExportRoundTripTest {

    /** After the generated households' dates (2026-11-01). */
    private static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 12, 31);
    private static final HouseholdFileWriter CODES = new HouseholdFileWriter();
    private static final HouseholdFileWriter LABELS = HouseholdFileWriter.withVietnameseLabels();

    static Stream<Arguments> households() {
        return Stream.of(Arguments.of("every coded value", EveryValueHouseholds.generate(48)),
                Arguments.of("generated communes", GeneratedHouseholds.generate(120, 2026_12_06L, 977L,
                        List.of("00004", "00008"), "G")));
    }

    @Test
    void theHouseholdsHoldEveryCodedValue() {
        Map<Class<?>, Set<Object>> seen = new HashMap<>();
        for (HouseholdData d : EveryValueHouseholds.generate(48)) {
            HouseholdRecord h = d.household();
            Stream.of(h.area(), h.housingQuality(), h.waterSource(), h.toilet()).filter(v -> v != null)
                    .forEach(v -> seen.computeIfAbsent(v.getClass(), k -> new java.util.HashSet<>()).add(v));
            Stream.concat(h.infoDevices().stream(), h.causes().stream())
                    .forEach(v -> seen.computeIfAbsent(v.getClass(), k -> new java.util.HashSet<>()).add(v));
            for (MemberRecord m : d.members()) {
                Stream.of(m.sex(), m.relation(), m.employment(), m.disability(), m.education()).filter(v -> v != null)
                        .forEach(v -> seen.computeIfAbsent(v.getClass(), k -> new java.util.HashSet<>()).add(v));
            }
        }
        for (Class<? extends Coded> type : Columns.CODED.values()) {
            assertThat(seen.get(type)).as(type.getSimpleName()).containsExactlyInAnyOrder(type.getEnumConstants());
        }
    }

    @ParameterizedTest(name = "{0}: CSV")
    @MethodSource("households")
    void csvWithLabelsReadsBackToTheRecordsOfCsvWithCodes(String name, List<HouseholdData> data) {
        ReadResult codes = readCsv(CODES, data);
        ReadResult labels = readCsv(LABELS, data);

        assertThat(codes.problems()).isEmpty();
        assertThat(labels.problems()).isEmpty();
        assertThat(labels.households()).hasSize(data.size()).isEqualTo(codes.households());
    }

    @ParameterizedTest(name = "{0}: XLSX")
    @MethodSource("households")
    void xlsxWithLabelsReadsBackToTheRecordsOfXlsxWithCodes(String name, List<HouseholdData> data) {
        ReadResult codes = readXlsx(CODES, data);
        ReadResult labels = readXlsx(LABELS, data);

        assertThat(codes.problems()).isEmpty();
        assertThat(labels.problems()).isEmpty();
        assertThat(labels.households()).hasSize(data.size()).isEqualTo(codes.households())
                .isEqualTo(readCsv(CODES, data).households());
    }

    @ParameterizedTest(name = "{0}: streamed CSV, bulk reader")
    @MethodSource("households")
    void streamedCsvWithLabelsReadsBackWithTheBulkReader(String name, List<HouseholdData> data) throws IOException {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        try (HouseholdFileWriter.CsvPair pair = LABELS.openCsv(h, m)) {
            data.forEach(pair::write);
        }
        List<HouseholdData> read = new ArrayList<>();
        try (HouseholdStreamReader reader = new HouseholdStreamReader(TODAY, "households.csv",
                new ByteArrayInputStream(h.toByteArray()), "members.csv", new ByteArrayInputStream(m.toByteArray()))) {
            assertThat(reader.headerProblems()).isEmpty();
            for (HouseholdStreamReader.Entry e = reader.next(); e != null; e = reader.next()) {
                assertThat(e.problems()).isEmpty();
                read.add(e.data());
            }
        }
        assertThat(read).isEqualTo(readCsv(CODES, data).households());
    }

    @Test
    void labelsAreWrittenForPeople() {
        List<HouseholdData> data = EveryValueHouseholds.generate(48);
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        LABELS.writeHouseholdsCsv(data, h);
        LABELS.writeMembersCsv(data, m);
        String households = h.toString(StandardCharsets.UTF_8);
        String members = m.toString(StandardCharsets.UTF_8);

        assertThat(households.lines().findFirst().orElseThrow()).startsWith("Mã hộ,Mã xã,Thôn/Tổ dân phố,Khu vực,")
                .contains("Nguồn nước sinh hoạt").doesNotContain("water_source");
        // the first household (EV0): rural? no: area index 0 = urban; piped water, septic toilet, durable house
        assertThat(households.lines().skip(1).findFirst().orElseThrow())
                .startsWith("EV0,00004,,thành thị,'=Số 0,01/01/2026,1000000,120.5,kiên cố,20.25,nước máy,tự hoại,có,có,");
        assertThat(households).contains("\"khe, mó được bảo vệ\"").contains("ti vi; điện thoại")
                .doesNotContain(",piped,").doesNotContain(",yes,").doesNotContain("2026-01-01");
        assertThat(members.lines().findFirst().orElseThrow()).startsWith("Mã hộ,Mã xã,Số thứ tự thành viên,Họ và tên,");
        assertThat(members).contains(",chủ hộ,").contains(",nữ,").contains(",đại học trở lên,").containsPattern(
                ",\\d\\d/\\d\\d/\\d{4},").containsPattern(",19\\d\\d,");
    }

    @Test
    void theExportWithCodesIsUnchanged() {
        List<HouseholdData> data = ExchangeFixture.read(ExchangeFixture.HOUSEHOLDS, ExchangeFixture.MEMBERS)
                .households();
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        CODES.writeHouseholdsCsv(data, h);
        CODES.writeMembersCsv(data, m);

        // the version-1 fixture is what the writer wrote before version 1.1, byte for byte
        assertThat(h.toString(StandardCharsets.UTF_8)).isEqualTo(ExchangeFixture.HOUSEHOLDS.replace("\n", "\r\n"));
        assertThat(m.toString(StandardCharsets.UTF_8)).isEqualTo(ExchangeFixture.MEMBERS.replace("\n", "\r\n"));
    }

    @Test
    void xlsxWithLabelsHasBoldFrozenTitles() throws IOException {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        LABELS.writeHouseholdsXlsx(EveryValueHouseholds.generate(4), h);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(h.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheet("households");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã hộ");
            Font font = workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex());
            assertThat(font.getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getRow(1).getCell(10).getStringCellValue()).isEqualTo("nước máy");
        }
    }

    private static ReadResult readCsv(HouseholdFileWriter writer, List<HouseholdData> data) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        writer.writeHouseholdsCsv(data, h);
        writer.writeMembersCsv(data, m);
        return new HouseholdFileReader(TODAY).read("households.csv",
                new ByteArrayInputStream(h.toByteArray()), "members.csv", new ByteArrayInputStream(m.toByteArray()));
    }

    private static ReadResult readXlsx(HouseholdFileWriter writer, List<HouseholdData> data) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        writer.writeHouseholdsXlsx(data, h);
        writer.writeMembersXlsx(data, m);
        return new HouseholdFileReader(TODAY).read("households.xlsx",
                new ByteArrayInputStream(h.toByteArray()), "members.xlsx", new ByteArrayInputStream(m.toByteArray()));
    }
}
