package vn.giamngheo.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.giamngheo.exchange.ExchangeFixture.HOUSEHOLDS;
import static vn.giamngheo.exchange.ExchangeFixture.MEMBERS;
import static vn.giamngheo.exchange.ExchangeFixture.TODAY;
import static vn.giamngheo.exchange.ExchangeFixture.read;
import static vn.giamngheo.exchange.ExchangeFixture.stream;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exchange-format 1.1: the readers take Vietnamese column titles and labels (any case, with or without accents),
 * yes/no as có/không, dates as dd/MM/yyyy, and read every version-1 file as before.
 */
class HouseholdFileReaderLabelsTest {

    /** {@link ExchangeFixture#HOUSEHOLDS} as an official would type it: titles, labels, Vietnamese dates. */
    static final String HOUSEHOLDS_VI = String.join("\n",
            "Mã hộ,MÃ XÃ,Thôn/Tổ dân phố,Khu vực,Dia chi,Ngày tham chiếu,Thu nhập bình quân đầu người (đồng/tháng),"
                    + "Điểm B1,Chất lượng nhà ở,Diện tích nhà ở (m2),Nguồn nước sinh hoạt,loại nhà tiêu,Sử dụng Internet,"
                    + "Thuê bao điện thoại,Thiết bị tiếp cận thông tin,Nghe được loa truyền thanh,"
                    + "Rác thải được thu gom hoặc xử lý,Nguyên nhân nghèo,Hộ dân tộc thiểu số,Hộ có người có công,"
                    + "  hộ  bảo trợ xã hội ",
            "H001,00004,Thôn 1,nông thôn,,,1400000,,thiếu kiên cố,30,Nước máy,TỰ HOẠI,không,,ti vi; đài,có,,thiếu vốn,khong,,",
            "H002,00004,Thôn 2,,Số 5,01/10/2026,,150,kien co,60.5,giếng khoan,không có nhà tiêu,có,Có,,không,co,,có,không,không",
            "H003,00008,,Thành thị,,,2500000,,Kiên cố,80,nuoc may,tu hoai,yes,,điện thoại thông minh,,,,,,") + "\n";

    /** {@link ExchangeFixture#MEMBERS} with titles (some columns still by their codes) and labels. */
    static final String MEMBERS_VI = String.join("\n",
            "household_code,commune_code,Số thứ tự thành viên,Họ và tên,Số định danh cá nhân,Ngày sinh,Giới tính,Dân tộc,"
                    + "Quan hệ với chủ hộ,Việc làm,Có khả năng lao động,Mức độ khuyết tật,Hưởng trợ cấp xã hội hằng tháng,"
                    + "Có bảo hiểm y tế,Suy dinh dưỡng,Trình độ học vấn,Đang đi học,Học đúng độ tuổi,"
                    + "Ốm đau không khám chữa bệnh,merit_person",
            "H001,00004,1,Nguyễn Văn A,001080000001,01/05/1980,nam,Kinh,chủ hộ,làm công ăn lương không có hợp đồng,có,không,,có,,trung học cơ sở,không,,,",
            "H001,00004,2,Trần Thị B,,1982,nữ,Kinh,vợ/chồng,tự làm,có,,,không,,tiểu học,không,,,",
            "H001,00004,3,Nguyễn Văn C,,2/3/2015,Nam,Kinh,con,đi học,không,,,có,không,tieu hoc,có,có,,",
            "H002,00004,1,Lò Văn D,001060000002,1960,nam,Thái,Chủ hộ,không làm việc,không,nặng,có,có,,chưa đi học,không,,không,có",
            "H003,00008,1,Lê Thị E,,31/12/1990,NỮ,Kinh,chu ho,làm công ăn lương có hợp đồng,1,không,,true,,đại học trở lên,0,,,")
            + "\n";

    @Test
    void vietnameseTitlesAndLabelsReadAsTheSameRecordsAsCodes() {
        ReadResult codes = read(HOUSEHOLDS, MEMBERS);
        ReadResult labels = read(HOUSEHOLDS_VI, MEMBERS_VI);

        assertThat(codes.problems()).isEmpty();
        assertThat(labels.problems()).isEmpty();
        assertThat(labels.households()).hasSize(3).isEqualTo(codes.households());
    }

    @Test
    void theBulkStreamReaderReadsThemToo() throws IOException {
        List<HouseholdData> read = new ArrayList<>();
        try (HouseholdStreamReader reader = new HouseholdStreamReader(TODAY, "households.csv", stream(HOUSEHOLDS_VI),
                "members.csv", stream(MEMBERS_VI))) {
            assertThat(reader.headerProblems()).isEmpty();
            for (HouseholdStreamReader.Entry e = reader.next(); e != null; e = reader.next()) {
                assertThat(e.problems()).isEmpty();
                read.add(e.data());
            }
        }
        assertThat(read).isEqualTo(read(HOUSEHOLDS, MEMBERS).households());
    }

    static Stream<Arguments> refusedLabels() {
        return Stream.of(
                Arguments.of("water_source", "nước sông", 2, "piped (nước máy)"),
                Arguments.of("toilet", "tu", 3, "semi_septic (bán tự hoại)"),
                Arguments.of("info_devices", "ti vi; máy fax", 2, "computer (máy vi tính)"),
                Arguments.of("internet_use", "chắc có", 4, "có, không"),
                Arguments.of("reference_date", "31/09/2026", 3, "DD/MM/YYYY"));
    }

    @ParameterizedTest(name = "{0} = {1} is refused on line {2} naming the accepted values")
    @MethodSource("refusedLabels")
    void anUnknownLabelIsRefusedWithLineColumnAndTheAcceptedValues(String column, String value, int line,
                                                                    String accepted) {
        String households = withVietnameseCell(HOUSEHOLDS_VI, line, column, value);

        ReadResult result = read(households, MEMBERS_VI);

        assertThat(result.errors()).hasSize(1);
        ExchangeProblem problem = result.errors().get(0);
        assertThat(problem.line()).isEqualTo(line);
        assertThat(problem.column()).isEqualTo(column);
        assertThat(value).contains(problem.value());
        assertThat(problem.args().get(0).toString()).contains(accepted);
        assertThat(problem.message()).contains(accepted);
    }

    @Test
    void aColumnNamedByItsCodeAndByItsTitleIsRefused() {
        String households = HOUSEHOLDS_VI.replaceFirst("Nguồn nước sinh hoạt", "water_source")
                .replaceFirst(",  hộ  bảo trợ xã hội ", ",Nguồn nước sinh hoạt");

        ReadResult result = read(households, MEMBERS_VI);

        assertThat(result.errors()).extracting(ExchangeProblem::file, ExchangeProblem::line, ExchangeProblem::column,
                        ExchangeProblem::value, ExchangeProblem::code)
                .containsExactly(tuple("households.csv", 1, "water_source", "Nguồn nước sinh hoạt",
                        ExchangeProblem.DUPLICATE_COLUMN));
        assertThat(result.errors().get(0).args()).containsExactly("water_source", "water_source", 11);
        assertThat(result.errors().get(0).message()).contains("column 11");
    }

    @Test
    void codesAndTitlesMayBeMixedAcrossColumns() {
        String households = HOUSEHOLDS_VI.replaceFirst("Nguồn nước sinh hoạt", "water_source");

        assertThat(read(households, MEMBERS_VI).problems()).isEmpty();
    }

    static Stream<Arguments> versionOneFiles() {
        return Stream.of(
                Arguments.of("ExchangeFixture", HOUSEHOLDS, MEMBERS, 3, 5),
                Arguments.of("classification", resource("households.csv"), resource("members.csv"), -1, -1));
    }

    /** Every version-1 file stays valid: the fixtures of the other tests, read unchanged, without a problem. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("versionOneFiles")
    void versionOneFilesReadUnchanged(String name, String households, String members, int count, int people) {
        ReadResult result = read(households, members);

        assertThat(result.problems()).isEmpty();
        int rows = (int) households.lines().skip(1).filter(l -> !l.isBlank()).count();
        int memberRows = (int) members.lines().skip(1).filter(l -> !l.isBlank()).count();
        assertThat(result.households()).hasSize(count < 0 ? rows : count).hasSize(rows);
        assertThat(result.households().stream().mapToInt(h -> h.members().size()).sum())
                .isEqualTo(people < 0 ? memberRows : people).isEqualTo(memberRows);
        // and they write back to the same text: codes are still what version 1 writes
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new HouseholdFileWriter().writeHouseholdsCsv(result.households(), out);
        assertThat(read(out.toString(java.nio.charset.StandardCharsets.UTF_8), members).households())
                .isEqualTo(result.households());
    }

    private static String resource(String name) {
        try (InputStream in = HouseholdFileReaderLabelsTest.class.getResourceAsStream("/classification/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The Vietnamese fixture with one cell replaced (by the column's code; no cell of it is quoted). */
    private static String withVietnameseCell(String csv, int line, String column, String value) {
        String[] lines = csv.split("\n", -1);
        String[] header = lines[0].split(",", -1);
        int index = -1;
        for (int i = 0; i < header.length; i++) {
            if (Labels.column(Columns.HOUSEHOLDS, header[i].trim()).orElse("").equals(column)) {
                index = i;
            }
        }
        String[] cells = lines[line - 1].split(",", -1);
        cells[index] = value;
        lines[line - 1] = String.join(",", cells);
        return String.join("\n", lines);
    }
}
