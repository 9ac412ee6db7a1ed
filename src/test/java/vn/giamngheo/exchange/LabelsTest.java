package vn.giamngheo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Exchange-format 1.1: Vietnamese labels and column titles, folded; yes/no and dates as people write them. */
class LabelsTest {

    @ParameterizedTest(name = "\"{0}\" folds to \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "nước máy|nuoc may",
            "Nuoc may|nuoc may",
            "NƯỚC MÁY|nuoc may",
            "  nước    máy  |nuoc may",
            "Đại học trở lên|dai hoc tro len",
            "đài|dai",
            "Giếng khoan|gieng khoan",
            "semi_septic|semi_septic",
            "Nước\tmáy|nuoc may",
            "Có|co",
            "KHÔNG|khong"})
    void folding(String text, String folded) {
        assertThat(Labels.fold(text)).isEqualTo(folded);
    }

    static Stream<Arguments> labelledValues() {
        return Stream.of(
                Arguments.of(WaterSource.class, "nước máy", WaterSource.PIPED),
                Arguments.of(WaterSource.class, "Nuoc may", WaterSource.PIPED),
                Arguments.of(WaterSource.class, "NƯỚC MÁY", WaterSource.PIPED),
                Arguments.of(WaterSource.class, " nước   máy ", WaterSource.PIPED),
                Arguments.of(WaterSource.class, "piped", WaterSource.PIPED),
                Arguments.of(WaterSource.class, "PIPED", WaterSource.PIPED),
                Arguments.of(WaterSource.class, "Khe, mó được bảo vệ", WaterSource.PROTECTED_SPRING),
                Arguments.of(WaterSource.class, "nuoc mat (song, suoi, ao, ho)", WaterSource.SURFACE_WATER),
                Arguments.of(Toilet.class, "bán tự hoại", Toilet.SEMI_SEPTIC),
                Arguments.of(Toilet.class, "tự hoại", Toilet.SEPTIC),
                Arguments.of(Toilet.class, "Không có nhà tiêu", Toilet.NONE),
                Arguments.of(HousingQuality.class, "Kiên cố", HousingQuality.DURABLE),
                Arguments.of(HousingQuality.class, "thieu kien co", HousingQuality.LESS_DURABLE),
                Arguments.of(InfoDevice.class, "Đài", InfoDevice.RADIO),
                Arguments.of(InfoDevice.class, "dien thoai thong minh", InfoDevice.SMARTPHONE),
                Arguments.of(Education.class, "ĐẠI HỌC TRỞ LÊN", Education.UNIVERSITY),
                Arguments.of(Education.class, "trung hoc co so", Education.LOWER_SECONDARY),
                Arguments.of(Sex.class, "Nữ", Sex.FEMALE),
                Arguments.of(Sex.class, "nu", Sex.FEMALE),
                Arguments.of(Relation.class, "Chủ hộ", Relation.HEAD),
                Arguments.of(Relation.class, "vợ/chồng", Relation.SPOUSE),
                Arguments.of(Employment.class, "tự làm", Employment.SELF_EMPLOYED),
                Arguments.of(Disability.class, "đặc biệt nặng", Disability.VERY_SEVERE),
                Arguments.of(Disability.class, "không", Disability.NONE),
                Arguments.of(Area.class, "Nông thôn", Area.RURAL),
                Arguments.of(PovertyCause.class, "Thiếu vốn", PovertyCause.LACK_CAPITAL));
    }

    @ParameterizedTest(name = "{0}: \"{1}\" is {2}")
    @MethodSource("labelledValues")
    <E extends Enum<E> & Coded> void aLabelOrACodeReadsAsItsValue(Class<E> type, String text, E value) {
        assertThat(Labels.parse(type, text)).contains(value);
    }

    @ParameterizedTest(name = "{0}: \"{1}\" is refused")
    @CsvSource(delimiter = '|', value = {"WaterSource|nước sông", "WaterSource|nuoc", "Toilet|tu", "Sex|n",
            "Relation|chu", "WaterSource|''"})
    void aValueThatIsNeitherIsRefused(String type, String text) throws ClassNotFoundException {
        assertThat(parse(Class.forName("vn.giamngheo.exchange." + type), text)).isEmpty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<Object> parse(Class<?> type, String text) {
        return (Optional<Object>) Labels.parse((Class) type, text);
    }

    /** Every value of every code list: its label reads back to it, unambiguously, and fits a ;-list. */
    @Test
    void everyLabelReadsBackToItsValueAndNoTwoValuesShareAFoldedSpelling() {
        for (Class<? extends Coded> type : Columns.CODED.values()) {
            Map<String, Object> seen = new HashMap<>();
            for (Coded value : type.getEnumConstants()) {
                String label = Labels.label(value);
                assertThat(label).as(value.code()).isNotBlank().doesNotContain(";");
                assertThat(parse(type, label)).as(label).containsSame((Object) value);
                assertThat(parse(type, label.toUpperCase(java.util.Locale.ROOT))).as(label).containsSame((Object) value);
                for (String spelling : List.of(Labels.fold(label), Labels.fold(value.code()))) {
                    Object before = seen.put(spelling, value);
                    assertThat(before == null || before == value).as(type.getSimpleName() + ": " + spelling
                            + " names two values").isTrue();
                }
            }
        }
    }

    /** One source: the labels are the Vietnamese messages the pages show ({@code water.piped}, …). */
    @Test
    void theLabelsAreThePagesMessages() throws IOException {
        Properties vi = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/messages_vi.properties")) {
            vi.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(Labels.label(WaterSource.PIPED)).isEqualTo("nước máy").isEqualTo(vi.getProperty("water.piped"));
        assertThat(Labels.label(Toilet.SEMI_SEPTIC)).isEqualTo(vi.getProperty("toilet.semi_septic"));
        assertThat(Labels.label(Education.UNIVERSITY)).isEqualTo(vi.getProperty("education.university"));
        assertThat(Labels.yesNo(true)).isEqualTo(vi.getProperty("yes")).isEqualTo("có");
        assertThat(Labels.yesNo(false)).isEqualTo(vi.getProperty("no")).isEqualTo("không");
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {"có|true", "Có|true", "CÓ|true", "co|true", "yes|true", "Yes|true",
            "TRUE|true", "true|true", "1|true", "không|false", "Không|false", "khong|false", "KHONG|false",
            "no|false", "false|false", "0|false", " có |true"})
    void yesAndNo(String text, boolean value) {
        assertThat(RowReader.yesNo(text)).isEqualTo(value);
    }

    @ParameterizedTest(name = "\"{0}\" is not yes or no")
    @CsvSource({"maybe", "x", "2", "c", "ko", "yess"})
    void neitherYesNorNo(String text) {
        assertThat(RowReader.yesNo(text)).isNull();
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {"15/03/2024|2024-03-15", "5/3/2024|2024-03-05", "2024-03-15|2024-03-15",
            "29/02/2024|2024-02-29", "31/12/1999|1999-12-31"})
    void dates(String text, LocalDate date) {
        assertThat(RowReader.date(text)).isEqualTo(date);
    }

    @ParameterizedTest(name = "\"{0}\" is not a date")
    @CsvSource({"31/02/2024", "29/02/2023", "15-03-2024", "2024/03/15", "15/13/2024", "15/03/24", "03/15/2024x"})
    void notDates(String text) {
        assertThat(RowReader.date(text)).isNull();
    }

    @ParameterizedTest(name = "households header \"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {"household_code|household_code", "Mã hộ|household_code",
            "ma ho|household_code", "MÃ HỘ|household_code", "  Nguồn   nước sinh hoạt |water_source",
            "nguon nuoc sinh hoat|water_source", "Diện tích nhà ở (m2)|floor_area_m2",
            "Thu nhập bình quân đầu người (đồng/tháng)|income_per_capita", "WATER_SOURCE|water_source",
            "Thiết bị tiếp cận thông tin|info_devices"})
    void householdHeaders(String header, String column) {
        assertThat(Labels.column(Columns.HOUSEHOLDS, header)).contains(column);
    }

    @ParameterizedTest(name = "members header \"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {"Họ và tên|full_name", "ho va ten|full_name", "Ngày sinh|birth_date",
            "Mã hộ|household_code", "Quan hệ với chủ hộ|relation", "Có bảo hiểm y tế|health_insurance"})
    void memberHeaders(String header, String column) {
        assertThat(Labels.column(Columns.MEMBERS, header)).contains(column);
    }

    @ParameterizedTest(name = "households header \"{0}\" is unknown")
    @CsvSource({"Họ và tên", "ghi chú", "nguon nuoc", "hộ"})
    void unknownHouseholdHeaders(String header) {
        assertThat(Labels.column(Columns.HOUSEHOLDS, header)).isEmpty();
    }

    @Test
    void everyColumnHasATitleAndNoTwoColumnsOfATableShareOne() {
        for (List<String> table : List.of(Columns.HOUSEHOLDS, Columns.MEMBERS)) {
            Map<String, String> seen = new HashMap<>();
            for (String column : table) {
                String folded = Labels.fold(Labels.title(column));
                assertThat(seen.put(folded, column)).as(folded).isNull();
                assertThat(Labels.column(table, Labels.title(column))).contains(column);
            }
        }
    }
}
