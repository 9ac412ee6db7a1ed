package vn.giamngheo.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitCsvLoaderTest {

    private static final String CSV = """
            "pid","w","area","d_water","d_school"
            1,2.5,"rural",1,0
            2,0.5,"urban",0,
            3,1,,NA,1
            4,1,"urban",.,1
            """;

    private static final CsvLayout LAYOUT = CsvLayout.builder().id("pid").weight("w").subgroup("area")
            .indicator("water", "d_water").indicator("school", "d_school").build();

    private static InputStream plain(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream gzipped(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    @Test
    void readsIdWeightSubgroupsAndDeprivationsUnderTheirConfiguredNames() {
        List<AnalysisUnit> units = new UnitCsvLoader(LAYOUT).load(plain(CSV), "test.csv");

        assertThat(units).hasSize(4);
        assertThat(units.get(0)).isEqualTo(new AnalysisUnit("1", 2.5, Map.of("area", "rural"),
                Map.of("water", true, "school", false)));
    }

    @Test
    void emptyNaAndDotAreMissingAndAnEmptySubgroupCellIsNoValue() {
        List<AnalysisUnit> units = new UnitCsvLoader(LAYOUT).load(plain(CSV), "test.csv");

        assertThat(units.get(1).deprivations()).isEqualTo(Map.of("water", false));
        assertThat(units.get(2).deprivations()).isEqualTo(Map.of("school", true));
        assertThat(units.get(2).subgroups()).isEmpty();
        assertThat(units.get(3).deprivations()).isEqualTo(Map.of("school", true));
    }

    @Test
    void aGzipFileReadsTheSameAsThePlainFile() throws IOException {
        UnitCsvLoader loader = new UnitCsvLoader(LAYOUT);

        assertThat(loader.load(gzipped(CSV), "test.csv.gz")).isEqualTo(loader.load(plain(CSV), "test.csv"));
    }

    @Test
    void withoutAWeightColumnEveryUnitWeighsOneAndWithoutAnIdColumnTheLineIsTheId() {
        CsvLayout layout = CsvLayout.builder().indicator("water", "d_water").build();

        List<AnalysisUnit> units = new UnitCsvLoader(layout).load(plain(CSV), "test.csv");

        assertThat(units).extracting(AnalysisUnit::weight).containsOnly(1.0);
        assertThat(units).extracting(AnalysisUnit::id).containsExactly("2", "3", "4", "5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "yes", "-1", "0.5"})
    void anythingButOneZeroOrMissingIsAnErrorNamingLineAndColumn(String cell) {
        String csv = "pid,w,area,d_water,d_school\n1,1,rural,1,0\n2,1,rural," + cell + ",0\n";

        assertThatThrownBy(() -> new UnitCsvLoader(LAYOUT).load(plain(csv), "bad.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.csv line 3, column d_water")
                .hasMessageContaining("'" + cell + "'");
    }

    @Test
    void aNegativeOrUnreadableWeightIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> new UnitCsvLoader(LAYOUT).load(plain("pid,w,area,d_water,d_school\n1,-2,rural,1,0\n"), "w.csv"))
                .hasMessageContaining("w.csv line 2").hasMessageContaining("weight must be a finite number >= 0");
        assertThatThrownBy(() -> new UnitCsvLoader(LAYOUT).load(plain("pid,w,area,d_water,d_school\n1,,rural,1,0\n"), "w.csv"))
                .hasMessageContaining("w.csv line 2, column w");
    }

    @Test
    void configuredColumnsAbsentFromTheHeaderAreNamed() {
        CsvLayout layout = CsvLayout.builder().weight("weight").indicator("water", "water").build();

        assertThatThrownBy(() -> new UnitCsvLoader(layout).load(plain(CSV), "test.csv"))
                .hasMessageContaining("columns [weight, water] not in header");
    }

    @Test
    void beninOracleFileKeeps82153PersonsWithoutMissingIndicators() {
        AlkireFosterResult result = OracleDataSets.BEN_DHS06.result();

        assertThat(OracleDataSets.BEN_DHS06.units()).hasSize(89_282);
        assertThat(result.unitsUsed()).isEqualTo(82_153);
        assertThat(result.unitsDropped()).isEqualTo(89_282 - 82_153);
    }
}
