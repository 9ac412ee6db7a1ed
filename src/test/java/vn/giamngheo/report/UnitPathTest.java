package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.report.rules.Unit;

/** A unit's province id is the first id of its path, read without splitting the path (same answer as pathIds). */
class UnitPathTest {

    @ParameterizedTest
    @CsvSource({
            "/10797/, 10797",
            "/10797/11011/, 10797",
            "/1/2/3/4/, 1",
            "/123456789012/7/, 123456789012",
            "10797/11011/, 10797",
            "//5/6/, 5",
            "/42, 42",
    })
    void theProvinceIdIsTheFirstIdOfThePath(String path, long expected) {
        Unit unit = new Unit(1L, "X", Unit.COMMUNE, "X", null, "08", "rural", null, null, path);
        assertThat(unit.provinceId()).isEqualTo(expected).isEqualTo(unit.pathIds().get(0));
    }
}
