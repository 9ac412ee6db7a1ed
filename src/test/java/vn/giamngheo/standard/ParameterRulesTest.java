package vn.giamngheo.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.standard.rules.Parameter;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.standard.rules.StandardCatalog;

/** A new value must be the same kind of value as the one it replaces, and the standard must still hold together. */
class ParameterRulesTest {

    static final PovertyStandard ND07 = StandardCatalog.national().standard("ND07_2021").orElseThrow();

    @ParameterizedTest(name = "{0} = \"{1}\" → {2}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "income_line_rural          | 2000000          | none",
            "income_line_rural          | 2.000.000        | standard.problem.not-a-whole-number",
            "income_line_rural          | -1               | standard.problem.not-a-whole-number",
            "income_line_rural          | ' '              | standard.problem.value-required",
            "deprivation_threshold      | 2                | none",
            "deprivation_threshold      | hai              | standard.problem.not-a-whole-number",
            "dependants_share_max       | 0.6              | none",
            "dependants_share_max       | 0,6              | standard.problem.not-a-number",
            "b1_threshold_rural         | 150              | none",
            "child_schooling_requires_level | no           | none",
            "child_schooling_requires_level | có           | standard.problem.not-yes-no",
            "valid_to                   | 2025-12-31       | none",
            "valid_to                   | 31/12/2025       | standard.problem.not-a-date",
            "rule_shape                 | two_path         | none",
            "rule_shape                 | three_path       | standard.problem.unknown-rule-shape",
            "indicators                 | employment;nutrition | none",
            "indicators                 | employment;happiness | standard.problem.unknown-indicator",
            "indicators                 | employment;employment | standard.problem.duplicate-indicator",
            "clean_water_sources        | piped;rain_water | none",
            "clean_water_sources        | piped;nước mưa   | standard.problem.not-a-code-list",
    })
    void aNewValueMustBeOfTheKindOfTheOldOne(String name, String value, String problem) {
        Parameter current = ND07.require(name);
        assertThat(ParameterRules.check("value", current, value).map(StandardProblem::messageKey).orElse(null))
                .isEqualTo(problem);
    }

    @ParameterizedTest(name = "threshold {0} with 12 indicators → {1}")
    @CsvSource(nullValues = "none", value = {"1, none", "12, none", "0, standard.problem.threshold-out-of-range",
            "13, standard.problem.threshold-out-of-range"})
    void theDeprivationThresholdMustBeReachable(String threshold, String problem) {
        Map<String, Parameter> parameters = new HashMap<>(ND07.parameters());
        parameters.put("deprivation_threshold", ND07.require("deprivation_threshold").withValue(threshold, "x",
                vn.giamngheo.standard.rules.Confidence.S, ""));
        assertThat(ParameterRules.checkConsistency(new PovertyStandard("X", parameters)))
                .extracting(StandardProblem::messageKey).containsExactlyElementsOf(
                        problem == null ? java.util.List.of() : java.util.List.of(problem));
    }

    @Test
    void theNationalStandardsHoldTogether() {
        StandardCatalog catalog = StandardCatalog.national();
        catalog.codes().forEach(code ->
                assertThat(ParameterRules.checkConsistency(catalog.standard(code).orElseThrow())).as(code).isEmpty());
    }

    @Test
    void theVersionAndTheOriginAreNotUserParameters() {
        assertThat(ParameterRules.changeable(ND07)).doesNotContain("version", "derived_from").contains("valid_to", "title");
        assertThat(ParameterRules.overridable(ND07)).doesNotContain("version", "valid_from", "valid_to", "title")
                .contains("income_line_rural", "deprivation_threshold");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {"1500000 | 1.500.000", "700000 | 700.000", "2016 | 2016", "0.5 | 0,5",
            "140 | 140", "piped;drilled_well | piped; drilled_well", "income_gate | income_gate"})
    void valuesAreWrittenTheVietnameseWay(String value, String shown) {
        assertThat(ParameterRow.display(value)).isEqualTo(shown);
    }
}
