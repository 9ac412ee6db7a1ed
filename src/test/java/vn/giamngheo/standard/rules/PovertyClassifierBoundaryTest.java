package vn.giamngheo.standard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.standard.rules.Households.REFERENCE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.status.rules.PovertyStatus;

class PovertyClassifierBoundaryTest {

    private final PovertyClassifier classifier = new PovertyClassifier();

    private static PovertyStandard standard(String code) {
        return StandardCatalog.national().standard(code).orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1}: income {2} with {3} deprivations is {4} {5}")
    @CsvSource({
            // Decree 07: income is a gate
            "ND07_2021,  RURAL, 1500000, 3, POOR,      ",
            "ND07_2021,  RURAL, 1500000, 2, NEAR_POOR, ",
            "ND07_2021,  RURAL, 1500001, 3, AVERAGE,   ",
            "ND07_2021,  RURAL, 1500001, 5, AVERAGE,   ",
            "ND07_2021,  RURAL, 2250000, 0, AVERAGE,   ",
            "ND07_2021,  RURAL, 2250001, 5, NOT_POOR,  ",
            "ND07_2021,  URBAN, 2000000, 3, POOR,      ",
            "ND07_2021,  URBAN, 2000000, 2, NEAR_POOR, ",
            "ND07_2021,  URBAN, 2000001, 3, AVERAGE,   ",
            "ND07_2021,  URBAN, 3000000, 3, AVERAGE,   ",
            "ND07_2021,  URBAN, 3000001, 3, NOT_POOR,  ",
            // Decree 351: same shape, no average band known
            "ND351_2025, RURAL, 2200000, 3, POOR,      ",
            "ND351_2025, RURAL, 2200000, 2, NEAR_POOR, ",
            "ND351_2025, RURAL, 2200001, 5, NOT_POOR,  ",
            "ND351_2025, URBAN, 2800000, 3, POOR,      ",
            "ND351_2025, URBAN, 2800000, 2, NEAR_POOR, ",
            "ND351_2025, URBAN, 2800001, 3, NOT_POOR,  ",
            // Decision 59: income-poor, or deprivation-poor in the band up to the upper line
            "QD59_2015,  RURAL,  700000, 0, POOR,      INCOME_POOR",
            "QD59_2015,  RURAL,  700001, 3, POOR,      DEPRIVATION_POOR",
            "QD59_2015,  RURAL,  700001, 2, NEAR_POOR, ",
            "QD59_2015,  RURAL, 1000000, 3, POOR,      DEPRIVATION_POOR",
            "QD59_2015,  RURAL, 1000000, 2, NEAR_POOR, ",
            "QD59_2015,  RURAL, 1000001, 5, AVERAGE,   ",
            "QD59_2015,  RURAL, 1500000, 0, AVERAGE,   ",
            "QD59_2015,  RURAL, 1500001, 0, NOT_POOR,  ",
            "QD59_2015,  URBAN,  900000, 2, POOR,      INCOME_POOR",
            "QD59_2015,  URBAN,  900001, 3, POOR,      DEPRIVATION_POOR",
            "QD59_2015,  URBAN,  900001, 2, NEAR_POOR, ",
            "QD59_2015,  URBAN, 1300000, 3, POOR,      DEPRIVATION_POOR",
            "QD59_2015,  URBAN, 1300001, 3, AVERAGE,   ",
            "QD59_2015,  URBAN, 1950001, 3, NOT_POOR,  "})
    void incomeAtTheLineAndOneDongAboveIt(String code, Area area, long income, int deprivations, PovertyStatus status,
            PoorKind kind) {
        Classification result = classifier.classify(Households.withIncome(area, income, deprivations), standard(code),
                REFERENCE);

        assertThat(result.deprivationCount()).isEqualTo(deprivations);
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.poorKind()).isEqualTo(kind);
        assertThat(result.incomeBasis()).isEqualTo(IncomeBasis.INCOME);
        assertThat(result.area()).isEqualTo(area);
    }

    @ParameterizedTest(name = "{0} {1}: B1 score {2} with {3} deprivations is {4}")
    @CsvSource({
            "ND07_2021,  RURAL, 140, 3, true,  POOR",
            "ND07_2021,  RURAL, 140, 2, true,  NEAR_POOR",
            "ND07_2021,  RURAL, 141, 3, false, NOT_POOR",
            "ND07_2021,  URBAN, 175, 3, true,  POOR",
            "ND07_2021,  URBAN, 176, 3, false, NOT_POOR",
            "ND351_2025, RURAL, 140, 3, true,  POOR",
            "ND351_2025, URBAN, 176, 4, false, NOT_POOR"})
    void theB1ScoreCountsAsBelowTheLineAtOrBelowTheThreshold(String code, Area area, BigDecimal b1, int deprivations,
            boolean below, PovertyStatus status) {
        Classification result = classifier.classify(Households.withB1(area, b1, deprivations), standard(code),
                REFERENCE);

        assertThat(result.incomeBasis()).isEqualTo(IncomeBasis.B1_SCORE);
        assertThat(result.belowLine()).isEqualTo(below);
        assertThat(result.status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "Đồng Nai 2022: rural income {0} with {1} deprivations is {2}")
    @CsvSource({
            "2000000, 2, POOR",
            "2000000, 1, NEAR_POOR",
            "1500001, 2, POOR",
            "2000001, 4, AVERAGE"})
    void aProvincialStandardWithAHigherLineAndTwoDeprivations(long income, int deprivations, PovertyStatus status) {
        PovertyStandard dongNai = standard("ND07_2021").derive("DNAI_2022",
                Map.of("income_line_rural", "2000000", "deprivation_threshold", "2"),
                "Resolution of the Đồng Nai People's Council (2022)", LocalDate.of(2022, 1, 1),
                LocalDate.of(2025, 12, 31));

        Classification result = classifier.classify(Households.withIncome(Area.RURAL, income, deprivations), dongNai,
                REFERENCE);

        assertThat(result.standard()).isEqualTo("DNAI_2022");
        assertThat(result.status()).isEqualTo(status);
        assertThat(dongNai.require("income_line_rural").note()).contains("1500000");
        assertThat(dongNai.require("income_line_urban").asLong()).isEqualTo(2_000_000);
    }
}
