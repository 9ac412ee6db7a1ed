package vn.giamngheo.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.giamngheo.exchange.ExchangeFixture.HOUSEHOLDS;
import static vn.giamngheo.exchange.ExchangeFixture.MEMBERS;
import static vn.giamngheo.exchange.ExchangeFixture.read;
import static vn.giamngheo.exchange.ExchangeFixture.withCell;
import static vn.giamngheo.exchange.ExchangeFixture.withLine;
import static vn.giamngheo.exchange.ExchangeFixture.withoutLine;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HouseholdFileReaderTest {

    @Test
    void validFilesGiveTypedHouseholdsWithTheirMembers() {
        ReadResult result = read(HOUSEHOLDS, MEMBERS);

        assertThat(result.problems()).isEmpty();
        assertThat(result.households()).hasSize(3);
        HouseholdData first = result.households().get(0);
        assertThat(first.household().area()).isEqualTo(Area.RURAL);
        assertThat(first.household().incomePerCapita()).isEqualTo(1_400_000L);
        assertThat(first.household().b1Score()).isNull();
        assertThat(first.household().infoDevices()).containsExactlyInAnyOrder(InfoDevice.TV, InfoDevice.RADIO);
        assertThat(first.household().causes()).containsExactly(PovertyCause.LACK_CAPITAL);
        assertThat(first.household().ethnicMinority()).isFalse();
        assertThat(first.household().socialProtection()).isNull();
        assertThat(first.members()).extracting(MemberRecord::memberNo).containsExactly(1, 2, 3);
        assertThat(first.members().get(1).birthDate()).isEqualTo(BirthDate.yearOnly(1982));
        HouseholdData second = result.households().get(1);
        assertThat(second.household().b1Score()).isEqualByComparingTo("150");
        assertThat(second.household().floorAreaM2()).isEqualTo(new BigDecimal("60.5"));
        assertThat(second.household().referenceDate()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(second.members().get(0).disability()).isEqualTo(Disability.SEVERE);
        assertThat(second.members().get(0).ethnicity()).isEqualTo("Thái");
    }

    @Test
    void aByteOrderMarkIsAccepted() {
        ReadResult result = read("\uFEFF" + HOUSEHOLDS, "\uFEFF" + MEMBERS);

        assertThat(result.problems()).isEmpty();
        assertThat(result.households()).hasSize(3);
    }

    @Test
    void quotedCellsMayHoldCommasQuotesAndLineBreaksAndLaterLinesAreCountedInTheFile() {
        String households = withCell(HOUSEHOLDS, 3, "housing_quality", "palace");
        households = withCell(households, 2, "address", "\"Số 1, ngõ \"\"Hoa\"\"\nxóm Bãi\"");

        ReadResult result = read(households, MEMBERS);

        assertThat(result.errors()).extracting(ExchangeProblem::line, ExchangeProblem::column)
                .containsExactly(tuple(4, "housing_quality"));
        ReadResult valid = read(withCell(HOUSEHOLDS, 2, "address", "\"Số 1, ngõ \"\"Hoa\"\"\nxóm Bãi\""), MEMBERS);
        assertThat(valid.households().get(0).household().address()).isEqualTo("Số 1, ngõ \"Hoa\"\nxóm Bãi");
    }

    @Test
    void yesNoAcceptsVietnameseWordsInAnyCase() {
        String households = withCell(HOUSEHOLDS, 2, "internet_use", "CÓ");
        households = withCell(households, 3, "internet_use", "Không");

        ReadResult result = read(households, MEMBERS);

        assertThat(result.households()).extracting(h -> h.household().internetUse()).containsExactly(true, false, true);
    }

    @Test
    void unknownColumnsAreWarningsAndDoNotStopTheRead() {
        String households = HOUSEHOLDS.replaceFirst("\n", ",note\n");

        ReadResult result = read(households, MEMBERS);

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.warnings()).extracting(ExchangeProblem::line, ExchangeProblem::column, ExchangeProblem::code)
                .containsExactly(tuple(1, "note", ExchangeProblem.UNKNOWN_COLUMN));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithAClearError() {
        byte[] latin1 = HOUSEHOLDS.getBytes(StandardCharsets.ISO_8859_1);
        latin1[latin1.length - 1] = (byte) 0xE9; // é in Latin-1 is not valid UTF-8 at the end of the file
        ReadResult result = new HouseholdFileReader(ExchangeFixture.TODAY).read("households.csv",
                new java.io.ByteArrayInputStream(latin1), "members.csv", ExchangeFixture.stream(MEMBERS));

        assertThat(result.errors()).extracting(ExchangeProblem::file, ExchangeProblem::code)
                .containsExactly(tuple("households.csv", ExchangeProblem.NOT_UTF8));
    }

    static Stream<Arguments> oneProblemEach() {
        return Stream.of(
                problem("missing required column", h -> h.replace("housing_quality,", "housing_qualty,"), m -> m,
                        "households.csv", 1, "housing_quality", ExchangeProblem.MISSING_COLUMN),
                problem("invalid enum value", h -> withCell(h, 3, "water_source", "river"), m -> m,
                        "households.csv", 3, "water_source", ExchangeProblem.INVALID_VALUE),
                problem("invalid value in a ;-list", h -> withCell(h, 2, "info_devices", "tv;fax"), m -> m,
                        "households.csv", 2, "info_devices", ExchangeProblem.INVALID_VALUE),
                problem("invalid yes/no", h -> withCell(h, 2, "internet_use", "maybe"), m -> m,
                        "households.csv", 2, "internet_use", ExchangeProblem.INVALID_VALUE),
                problem("required value empty", h -> withCell(h, 4, "toilet", ""), m -> m,
                        "households.csv", 4, "toilet", ExchangeProblem.REQUIRED_VALUE),
                problem("bad number", h -> withCell(h, 2, "income_per_capita", "1.400.000"), m -> m,
                        "households.csv", 2, "income_per_capita", ExchangeProblem.INVALID_NUMBER),
                problem("negative floor area", h -> withCell(h, 2, "floor_area_m2", "-1"), m -> m,
                        "households.csv", 2, "floor_area_m2", ExchangeProblem.INVALID_NUMBER),
                problem("bad date", h -> withCell(h, 3, "reference_date", "31/09/2026"), m -> m,
                        "households.csv", 3, "reference_date", ExchangeProblem.INVALID_DATE),
                problem("neither income nor b1 score", h -> withCell(h, 4, "income_per_capita", ""), m -> m,
                        "households.csv", 4, "income_per_capita", ExchangeProblem.NO_INCOME_BASIS),
                problem("commune code of 4 digits", h -> withCell(h, 4, "commune_code", "0008"),
                        m -> withCell(m, 6, "commune_code", "0008"),
                        "households.csv", 4, "commune_code", ExchangeProblem.INVALID_COMMUNE_CODE),
                problem("duplicate household in a commune", h -> withLine(h,
                        "H003,00008,,urban,,,2500000,,durable,80,piped,septic,yes,,,,,,,,"), m -> m,
                        "households.csv", 5, "household_code", ExchangeProblem.DUPLICATE_HOUSEHOLD),
                problem("household without member", h -> h, m -> withoutLine(m, 6),
                        "households.csv", 4, "household_code", ExchangeProblem.NO_MEMBERS),
                problem("bad birth date", h -> h, m -> withCell(m, 3, "birth_date", "1982-02-30"),
                        "members.csv", 3, "birth_date", ExchangeProblem.INVALID_DATE),
                problem("birth date the day after today", h -> h, m -> withCell(m, 4, "birth_date", "2026-10-02"),
                        "members.csv", 4, "birth_date", ExchangeProblem.FUTURE_BIRTH_DATE),
                problem("birth year after this year", h -> h, m -> withCell(m, 4, "birth_date", "2027"),
                        "members.csv", 4, "birth_date", ExchangeProblem.FUTURE_BIRTH_DATE),
                problem("member_no zero", h -> h, m -> withCell(m, 3, "member_no", "0"),
                        "members.csv", 3, "member_no", ExchangeProblem.INVALID_MEMBER_NO),
                problem("member_no used twice", h -> h, m -> withCell(m, 4, "member_no", "2"),
                        "members.csv", 4, "member_no", ExchangeProblem.DUPLICATE_MEMBER_NO),
                problem("id number of 11 digits", h -> h, m -> withCell(m, 2, "id_number", "00108000000"),
                        "members.csv", 2, "id_number", ExchangeProblem.INVALID_ID_NUMBER),
                problem("id number used twice", h -> h, m -> withCell(m, 6, "id_number", "001080000001"),
                        "members.csv", 6, "id_number", ExchangeProblem.DUPLICATE_ID_NUMBER),
                problem("two heads", h -> h, m -> withCell(m, 3, "relation", "head"),
                        "members.csv", 3, "relation", ExchangeProblem.HEAD_COUNT),
                problem("no head", h -> h, m -> withCell(m, 5, "relation", "parent"),
                        "members.csv", 5, "relation", ExchangeProblem.HEAD_COUNT),
                problem("member of an unknown household", h -> h, m -> withCell(withCell(m, 4, "household_code",
                        "H009"), 4, "relation", "head"),
                        "members.csv", 4, "household_code", ExchangeProblem.UNKNOWN_HOUSEHOLD));
    }

    private static Arguments problem(String name, UnaryOperator<String> households, UnaryOperator<String> members,
            String file, int line, String column, String code) {
        return Arguments.of(name, households, members, file, line, column, code);
    }

    @ParameterizedTest(name = "{0} is reported at {3}:{4}:{5}")
    @MethodSource("oneProblemEach")
    void eachKindOfProblemIsReportedWithFileLineAndColumn(String name, UnaryOperator<String> households,
            UnaryOperator<String> members, String file, int line, String column, String code) {
        ReadResult result = read(households.apply(HOUSEHOLDS), members.apply(MEMBERS));

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.errors()).extracting(ExchangeProblem::file, ExchangeProblem::line, ExchangeProblem::column,
                ExchangeProblem::code).containsExactly(tuple(file, line, column, code));
    }

    @Test
    void aFileWithSeveralErrorsReportsThemAllWithLineAndColumnAndNoHousehold() {
        String households = withCell(HOUSEHOLDS, 2, "water_source", "river");
        households = withCell(households, 2, "floor_area_m2", "abc");
        households = withCell(households, 4, "area", "town");
        String members = withCell(MEMBERS, 3, "sex", "f");
        members = withCell(members, 5, "id_number", "12345");

        ReadResult result = read(households, members);

        assertThat(result.errors()).extracting(ExchangeProblem::toString).containsExactly(
                "households.csv:2:floor_area_m2: abc: not a decimal number ≥ 0 (12.5 or 12,5)",
                "households.csv:2:water_source: river: not one of " + Labels.accepted(WaterSource.class),
                "households.csv:4:area: town: not one of urban (thành thị), rural (nông thôn)",
                "members.csv:3:sex: f: not one of male (nam), female (nữ)",
                "members.csv:5:id_number: 12345: the identity number must have exactly 12 digits");
        assertThat(result.errors().get(3).args()).containsExactly("male (nam), female (nữ)");
        assertThat(result.errors().get(3).code()).isEqualTo("exchange.invalid-value");
    }

    @Test
    void anXlsxFileIsReadLikeTheCsv() {
        ReadResult csv = read(HOUSEHOLDS, MEMBERS);
        HouseholdFileWriter writer = new HouseholdFileWriter();
        ByteArrayOutputStream households = new ByteArrayOutputStream();
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        writer.writeHouseholdsXlsx(csv.households(), households);
        writer.writeMembersXlsx(csv.households(), members);

        ReadResult xlsx = new HouseholdFileReader(ExchangeFixture.TODAY).read("h.xlsx",
                new java.io.ByteArrayInputStream(households.toByteArray()), "m.xlsx",
                new java.io.ByteArrayInputStream(members.toByteArray()));

        assertThat(xlsx.problems()).isEmpty();
        assertThat(xlsx.households()).isEqualTo(csv.households());
        assertThat(Set.copyOf(xlsx.households().get(0).household().infoDevices()))
                .containsExactlyInAnyOrder(InfoDevice.TV, InfoDevice.RADIO);
    }
}
