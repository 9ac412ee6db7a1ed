package vn.giamngheo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HouseholdFileWriterTest {

    private final HouseholdFileWriter writer = new HouseholdFileWriter();

    private static List<HouseholdData> fixture(String village, String name) {
        String households = ExchangeFixture.withCell(ExchangeFixture.HOUSEHOLDS, 2, "village", village);
        String members = ExchangeFixture.withCell(ExchangeFixture.MEMBERS, 2, "full_name", name);
        return ExchangeFixture.read(households, members).households();
    }

    private static List<HouseholdData> dangerous() {
        List<HouseholdData> data = fixture("\"Thôn 1, \"\"Đông\"\"\"", "Nguyễn Văn A");
        HouseholdRecord h = data.get(0).household();
        HouseholdRecord risky = new HouseholdRecord(h.householdCode(), h.communeCode(), "=HYPERLINK(\"x\")",
                h.area(), "@SUM(A1)", h.referenceDate(), h.incomePerCapita(), h.b1Score(), h.housingQuality(),
                h.floorAreaM2(), h.waterSource(), h.toilet(), h.internetUse(), h.telephoneUse(), h.infoDevices(),
                h.loudspeakerReach(), h.wasteTreatment(), h.causes(), h.ethnicMinority(), h.meritHousehold(),
                h.socialProtection());
        MemberRecord m = data.get(0).members().get(0);
        MemberRecord riskyMember = new MemberRecord(m.householdCode(), m.communeCode(), m.memberNo(), "-Lê '+ A",
                m.idNumber(), m.birthDate(), m.sex(), "'Kinh", m.relation(), m.employment(), m.workingCapacity(),
                m.disability(), m.monthlySocialAllowance(), m.healthInsurance(), m.malnourished(), m.education(),
                m.inSchool(), m.schoolLevelAppropriate(), m.sickUntreated(), m.meritPerson());
        List<MemberRecord> members = new java.util.ArrayList<>(data.get(0).members());
        members.set(0, riskyMember);
        return List.of(new HouseholdData(risky, members), data.get(1), data.get(2));
    }

    @Test
    void csvWriteThenReadGivesEqualRecords() {
        List<HouseholdData> data = dangerous();

        ReadResult read = readCsv(data);

        assertThat(read.problems()).isEmpty();
        assertThat(read.households()).isEqualTo(data);
    }

    @Test
    void xlsxWriteThenReadGivesEqualRecords() {
        List<HouseholdData> data = dangerous();
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        writer.writeHouseholdsXlsx(data, h);
        writer.writeMembersXlsx(data, m);

        ReadResult read = new HouseholdFileReader(ExchangeFixture.TODAY).read("households.xlsx",
                new ByteArrayInputStream(h.toByteArray()), "members.xlsx", new ByteArrayInputStream(m.toByteArray()));

        assertThat(read.problems()).isEmpty();
        assertThat(read.households()).isEqualTo(data);
    }

    @Test
    void csvTextThatLooksLikeAFormulaIsQuotedButNumbersAreNot() {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        writer.writeHouseholdsCsv(dangerous(), h);
        String csv = h.toString(StandardCharsets.UTF_8);

        assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\")\"", ",'@SUM(A1),", ",1400000,", ",60.5,");
        assertThat(csv).doesNotContain(",=HYPERLINK", ",@SUM");
    }

    @Test
    void xlsxTextIsAlwaysAStringCellNeverAFormula() throws Exception {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        writer.writeHouseholdsXlsx(dangerous(), h);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(h.toByteArray()))) {
            var row = workbook.getSheet("households").getRow(1);
            assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("00004");
            assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @ParameterizedTest(name = "\"{0}\" is written as \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"=1+2|'=1+2", "+84 912|'+84 912", "-5|'-5", "@A1|'@A1", "'x|''x",
            "Kinh|Kinh", "a=b|a=b", "''|'''"})
    void protectionQuoteIsAddedOnlyWhereASpreadsheetWouldEvaluateAndIsRemovedOnRead(String text, String written) {
        assertThat(HouseholdFileWriter.protect(text)).isEqualTo(written);
        assertThat(HouseholdFileWriter.unprotect(written)).isEqualTo(text);
    }

    private ReadResult readCsv(List<HouseholdData> data) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        writer.writeHouseholdsCsv(data, h);
        writer.writeMembersCsv(data, m);
        return new HouseholdFileReader(ExchangeFixture.TODAY).read("households.csv",
                new ByteArrayInputStream(h.toByteArray()), "members.csv", new ByteArrayInputStream(m.toByteArray()));
    }
}
