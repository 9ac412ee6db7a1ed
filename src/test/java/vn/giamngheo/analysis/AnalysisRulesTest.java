package vn.giamngheo.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.analysis.rules.AlkireFosterSpec;
import vn.giamngheo.analysis.rules.Fraction;
import vn.giamngheo.standard.rules.StandardCatalog;

/** The analysis rules that need no database: parameter lines, default weights and cut-off, bundles. */
class AnalysisRulesTest {

    private final StandardCatalog catalog = StandardCatalog.national();

    @Test
    void parameterChangesAreReadOnePerLineAsNameEqualsValue() {
        assertThat(WhatIfRequest.parseParameters(List.of("income_line_rural = 2000000\r\n\ndeprivation_threshold=2")))
                .isEqualTo(Map.of("income_line_rural", "2000000", "deprivation_threshold", "2"));
    }

    @Test
    void aParameterLineWithoutAValueIsRefused() {
        assertThatThrownBy(() -> WhatIfRequest.parseParameters(List.of("income_line_rural")))
                .isInstanceOf(InvalidAnalysisException.class).hasMessageContaining("name=value");
    }

    @ParameterizedTest
    @CsvSource({"ND07_2021, 1/4, 6", "QD59_2015, 3/10, 5", "ND351_2025, 1/4, 6"})
    void theDefaultCutOffIsTheThresholdOverTheNumberOfIndicatorsAndDimensionsWeighEqually(String code, String k,
            int dimensions) {
        AlkireFosterSpec spec = MpiService.spec(catalog.standard(code).orElseThrow(), null);

        assertThat(spec.cutoff()).isEqualTo(Fraction.parse(k));
        assertThat(spec.dimensions()).hasSize(dimensions);
        spec.dimensions().values().forEach(indicators -> assertThat(indicators.stream()
                .map(i -> i.weight()).reduce(Fraction.ZERO, Fraction::plus)).isEqualTo(Fraction.of(1, dimensions)));
    }

    @Test
    void aCutOffOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> MpiService.spec(catalog.standard("ND07_2021").orElseThrow(), "0"))
                .isInstanceOf(InvalidAnalysisException.class);
        assertThatThrownBy(() -> MpiService.spec(catalog.standard("ND07_2021").orElseThrow(), "a third"))
                .isInstanceOf(InvalidAnalysisException.class);
    }

    @Test
    void theAnalysisBundleHasTheSameKeysInEnglishAndVietnamese() throws IOException {
        assertThat(keys("analysis_vi")).isEqualTo(keys("analysis"));
    }

    @Test
    void everyOutcomeAndDimensionHasALabel() throws IOException {
        Properties en = bundle("analysis");
        for (Outcome o : Outcome.values()) {
            assertThat(en).containsKey("analysis.status." + o.code());
        }
        for (String code : catalog.codes()) {
            catalog.standard(code).orElseThrow().allParameters().stream()
                    .filter(p -> p.name().startsWith("dimension."))
                    .forEach(p -> assertThat(en).containsKey("analysis.dimension." + p.value()));
        }
        for (String variable : MpiService.SUBGROUPS) {
            assertThat(en).containsKey("analysis.subgroup." + variable);
        }
    }

    private static java.util.Set<String> keys(String name) throws IOException {
        return bundle(name).stringPropertyNames();
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AnalysisRulesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as("bundle %s", name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
