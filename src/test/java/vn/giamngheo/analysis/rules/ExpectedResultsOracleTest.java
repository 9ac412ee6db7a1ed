package vn.giamngheo.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@code expected_results.csv} whose data set is shipped is reproduced to the printed number of
 * digits: the computed value, rounded half-up to the scale of the printed value, equals it.
 */
class ExpectedResultsOracleTest {

    private static final Pattern UNCENSORED = Pattern.compile("hd\\((\\w+)\\) uncensored headcount");
    private static final Pattern SUBGROUP = Pattern.compile("(\\w+)=(\\w+)");

    record Row(String dataSet, String measure, String subgroup, String kPercent, String value, String status) {
        @Override
        public String toString() {
            return dataSet + " " + measure + " " + subgroup + (kPercent.isEmpty() ? "" : " k=" + kPercent + "%") + " = " + value;
        }
    }

    static List<Row> rows() {
        try (InputStream in = ExpectedResultsOracleTest.class.getResourceAsStream("/analytics/oracle/expected_results.csv");
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                     .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parser.getRecords().stream().map(ExpectedResultsOracleTest::row).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(CSVRecord r) {
        return new Row(r.get("dataset"), r.get("measure"), r.get("subgroup"), r.get("k_percent"), r.get("value"), r.get("status"));
    }

    static Stream<Row> checkableRows() {
        return rows().stream().filter(row -> OracleDataSets.named(row.dataSet()).isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkableRows")
    void engineReproducesThePrintedDigits(Row row) {
        OracleDataSets data = OracleDataSets.named(row.dataSet()).orElseThrow();
        if (!row.kPercent().isEmpty()) {
            assertThat(data.spec().cutoff()).as("k of the oracle row").isEqualTo(Fraction.parse(row.kPercent() + "%"));
        }
        AlkireFosterResult result = data.result();
        PovertyMeasures measures = measuresOf(result, row.subgroup());
        double computed = valueOf(measures, row.measure());
        BigDecimal printed = new BigDecimal(row.value());

        assertThat(BigDecimal.valueOf(computed).setScale(printed.scale(), RoundingMode.HALF_UP))
                .as("%s (computed %s)", row, computed)
                .isEqualTo(printed);
    }

    @Test
    void onlyRowsOfDataSetsThatAreNotShippedAreLeftUnchecked() {
        Set<String> unchecked = new TreeSet<>();
        rows().stream().filter(row -> OracleDataSets.named(row.dataSet()).isEmpty()).forEach(row -> unchecked.add(row.dataSet()));

        assertThat(unchecked).containsExactly("ben_dhs17_18", "syn_cdta");
        assertThat(checkableRows()).extracting(Row::measure).contains("M0", "H", "A", "hd(d_nutr) uncensored headcount");
    }

    private static PovertyMeasures measuresOf(AlkireFosterResult result, String subgroup) {
        if (subgroup.equals("national")) {
            return result.overall();
        }
        Matcher m = SUBGROUP.matcher(subgroup);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown subgroup in oracle: " + subgroup);
        }
        return result.subgroup(m.group(1), m.group(2));
    }

    private static double valueOf(PovertyMeasures measures, String measure) {
        switch (measure) {
            case "M0":
                return measures.adjustedHeadcount();
            case "H":
                return measures.headcount();
            case "A":
                return measures.intensity();
            default:
                Matcher m = UNCENSORED.matcher(measure);
                if (m.matches()) {
                    return measures.indicator(m.group(1)).uncensoredHeadcount();
                }
                throw new IllegalArgumentException("unknown measure in oracle: " + measure);
        }
    }
}
