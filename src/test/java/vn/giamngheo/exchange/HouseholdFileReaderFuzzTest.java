package vn.giamngheo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.giamngheo.household.GeneratedHouseholds;

/**
 * Thousands of seeded mutations of a valid pair of files: the reader never throws, and either succeeds or
 * reports at least one well-formed error; what it returns never turns into a formula when written again.
 * A failure message names the case seed; {@link ExchangeFuzzer#csvCase} / {@link ExchangeFuzzer#xlsxCase}
 * rebuild that exact case.
 */
class HouseholdFileReaderFuzzTest {

    static final int CSV_CASES = 2_000;
    static final int XLSX_CASES = 300;
    static final long CSV_SEED = 20_260_901L;
    static final long XLSX_SEED = 7_700_000L;

    static ExchangeFuzzer fuzzer;

    @BeforeAll
    static void generate() {
        fuzzer = new ExchangeFuzzer(GeneratedHouseholds.generate(30, 11, 55, List.of("00004", "00008", "00010"),
                "F"));
    }

    private static ReadResult read(ExchangeFuzzer.Pair pair) {
        return new HouseholdFileReader(ExchangeFixture.TODAY).read(pair.householdsName(), pair.householdsStream(),
                pair.membersName(), pair.membersStream());
    }

    @Test
    void theUnmutatedFilesAreRead() {
        assertThat(read(fuzzer.validCsv()).households()).hasSize(30);
        assertThat(read(fuzzer.validXlsx()).households()).hasSize(30);
    }

    /** Found by the fuzzer (csv seed=20260911): a 1 MB name was accepted, then broke the XLSX export. */
    @Test
    void aHugeTextCellIsRefusedAsTooLong() {
        ReadResult result = ExchangeFixture.read(ExchangeFixture.HOUSEHOLDS,
                ExchangeFixture.withCell(ExchangeFixture.MEMBERS, 2, "full_name", "x".repeat(1 << 20)));

        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ExchangeProblem.TOO_LONG);
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.value()).hasSizeLessThan(50);
        });
    }

    /** Found by the fuzzer: 1e999999999 was normalised into a billion digits (a hang, then out of memory). */
    @Test
    void aDecimalWithAHugeExponentIsRefusedAtOnce() {
        for (String value : List.of("1e999999999", "1E+2147483647", "1e-999999999", "10000000")) {
            ReadResult result = ExchangeFixture.read(
                    ExchangeFixture.withCell(ExchangeFixture.HOUSEHOLDS, 2, "floor_area_m2", value),
                    ExchangeFixture.MEMBERS);

            assertThat(result.errors()).as(value).singleElement()
                    .extracting(ExchangeProblem::code).isEqualTo(ExchangeProblem.INVALID_NUMBER);
        }
    }

    /** The registry numbers members 1 to 99; a larger number was accepted and failed only when stored. */
    @Test
    void aMemberNumberAbove99IsRefused() {
        ReadResult result = ExchangeFixture.read(ExchangeFixture.HOUSEHOLDS,
                ExchangeFixture.withCell(ExchangeFixture.MEMBERS, 3, "member_no", "100"));

        assertThat(result.errors()).singleElement()
                .extracting(ExchangeProblem::code).isEqualTo(ExchangeProblem.INVALID_MEMBER_NO);
    }

    @Test
    void mutatedCsvFilesNeverThrowAndAlwaysExplainARefusal() {
        Stats stats = run(CSV_CASES, CSV_SEED, fuzzer::csvCase);
        System.out.println("CSV fuzz: " + stats);
        assertThat(stats.failures).as("failing cases").isEmpty();
        assertThat(stats.refused).as("most mutations are refused").isGreaterThan(CSV_CASES / 2);
        assertThat(stats.accepted).as("some mutations are harmless").isPositive();
    }

    @Test
    void mutatedXlsxFilesNeverThrowAndAlwaysExplainARefusal() {
        Stats stats = run(XLSX_CASES, XLSX_SEED, fuzzer::xlsxCase);
        System.out.println("XLSX fuzz: " + stats);
        assertThat(stats.failures).as("failing cases").isEmpty();
        assertThat(stats.refused).isPositive();
        assertThat(stats.accepted).isPositive();
    }

    static final class Stats {
        int accepted;
        int refused;
        final List<String> failures = new ArrayList<>();

        @Override
        public String toString() {
            return accepted + " accepted, " + refused + " refused, " + failures.size() + " failing";
        }
    }

    private static Stats run(int cases, long firstSeed, LongFunction<ExchangeFuzzer.Pair> cases2) {
        Stats stats = new Stats();
        for (long seed = firstSeed; seed < firstSeed + cases; seed++) {
            ExchangeFuzzer.Pair pair = cases2.apply(seed);
            try {
                ReadResult result = read(pair);
                List<String> problems = check(pair, result);
                if (!problems.isEmpty()) {
                    stats.failures.add(pair + ": " + problems);
                } else if (result.isSuccess()) {
                    stats.accepted++;
                } else {
                    stats.refused++;
                }
            } catch (Throwable e) {
                stats.failures.add(pair + ": threw " + e);
            }
        }
        return stats;
    }

    /** What is wrong with the result of one case (empty when the properties hold). */
    static List<String> check(ExchangeFuzzer.Pair pair, ReadResult result) throws IOException {
        List<String> wrong = new ArrayList<>();
        for (ExchangeProblem p : result.problems()) {
            if (p.file() == null || !(p.file().equals(pair.householdsName()) || p.file().equals(pair.membersName()))) {
                wrong.add("problem without the file name: " + p);
            }
            if (p.line() < 0) {
                wrong.add("negative line: " + p);
            }
            if (p.message() == null || p.message().isBlank() || p.message().contains("null")) {
                wrong.add("unclear message: " + p);
            }
            if (p.code() == null || !p.code().startsWith("exchange.")) {
                wrong.add("no message code: " + p);
            }
        }
        if (!result.isSuccess()) {
            if (result.errors().isEmpty()) {
                wrong.add("refused without an error");
            }
            return wrong;
        }
        // accepted: written again, nothing the reader returned may be evaluable by a spreadsheet
        List<HouseholdData> data = result.households();
        HouseholdFileWriter writer = new HouseholdFileWriter();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        writer.writeHouseholdsCsv(data, csv);
        writer.writeMembersCsv(data, csv);
        for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(csv.toString(StandardCharsets.UTF_8)))) {
            for (String cell : record) {
                if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !isNumber(cell)) {
                    wrong.add("evaluable CSV cell after a round trip: " + cell);
                }
            }
        }
        for (boolean households : new boolean[] {true, false}) {
            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            if (households) {
                writer.writeHouseholdsXlsx(data, xlsx);
            } else {
                writer.writeMembersXlsx(data, xlsx);
            }
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
                for (Row row : book.getSheetAt(0)) {
                    row.forEach(cell -> {
                        if (cell.getCellType() == CellType.FORMULA) {
                            wrong.add("formula cell after a round trip: " + cell.getCellFormula());
                        }
                    });
                }
            }
        }
        return wrong;
    }

    private static boolean isNumber(String cell) {
        try {
            new BigDecimal(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
