package vn.giamngheo.standard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.giamngheo.exchange.Sex;

class StandardCatalogTest {

    private final StandardCatalog catalog = StandardCatalog.national();

    @ParameterizedTest(name = "{0} has the indicators of exchange-format §2 in order")
    @CsvSource(delimiter = '|', value = {
            "QD59_2015|health_care_access;health_insurance;adult_education;child_schooling;housing_quality;housing_area;water_source;sanitation;telecom_use;information_assets",
            "ND07_2021|employment;dependants;nutrition;health_insurance;adult_education;child_schooling;housing_quality;housing_area;water_source;sanitation;telecom_use;information_devices",
            "ND351_2025|employment;dependants;health_insurance;nutrition;adult_education;child_schooling;housing_area;housing_quality;telecom_use;water_source;sanitation;waste_treatment"})
    void indicatorsFollowTheExchangeFormatOrderAndEachHasARuleAndADimension(String code, String indicators) {
        PovertyStandard standard = catalog.standard(code).orElseThrow();

        assertThat(String.join(";", standard.indicators())).isEqualTo(indicators);
        for (String indicator : standard.indicators()) {
            assertThat(IndicatorPolicies.policyFor(indicator)).as(indicator).isPresent();
            assertThat(standard.parameter("dimension." + indicator)).as(indicator).isPresent();
        }
    }

    @ParameterizedTest(name = "{0}: lines {1}/{2}, threshold {3}")
    @CsvSource({"QD59_2015, 700000, 900000, 3", "ND07_2021, 1500000, 2000000, 3", "ND351_2025, 2200000, 2800000, 3"})
    void incomeLinesAndThresholdsAreThoseOfTheDecrees(String code, long rural, long urban, int threshold) {
        PovertyStandard standard = catalog.standard(code).orElseThrow();

        assertThat(standard.incomeLine(vn.giamngheo.exchange.Area.RURAL)).isEqualTo(rural);
        assertThat(standard.incomeLine(vn.giamngheo.exchange.Area.URBAN)).isEqualTo(urban);
        assertThat(standard.deprivationThreshold()).isEqualTo(threshold);
    }

    @Test
    void everyParameterShowsItsSourceAndUncertainCutOffsAreMarked() {
        for (String code : catalog.codes()) {
            for (Parameter p : catalog.standard(code).orElseThrow().allParameters()) {
                assertThat(p.confidence()).as(code + " " + p.name()).isNotNull();
                if (!p.name().equals("version")) {
                    assertThat(p.legalSource()).as(code + " " + p.name()).isNotBlank();
                }
            }
        }
        assertThat(catalog.standard("ND07_2021").orElseThrow().require("b1_threshold_rural").confidence())
                .isEqualTo(Confidence.S2);
        assertThat(catalog.standard("ND351_2025").orElseThrow().require("b1_threshold_rural").confidence())
                .isEqualTo(Confidence.UNCONFIRMED);
        assertThat(catalog.standard("ND351_2025").orElseThrow().parameter("average_upper_rural")).isEmpty();
    }

    @ParameterizedTest(name = "{0} retiring in {1}: {2} months")
    @CsvSource({"MALE, 2020, 720", "MALE, 2021, 723", "MALE, 2026, 738", "MALE, 2028, 744", "MALE, 2030, 744",
            "FEMALE, 2020, 660", "FEMALE, 2021, 664", "FEMALE, 2026, 684", "FEMALE, 2035, 720", "FEMALE, 2040, 720"})
    void retirementAgeFollowsTheLabourCode2019Schedule(Sex sex, int year, int months) {
        assertThat(RetirementAge.months(catalog.standard("ND07_2021").orElseThrow(), sex, year)).isEqualTo(months);
    }

    @Test
    void theRetirementAgeRemembersNoAnswerAcrossStandardsOrYears() {
        PovertyStandard national = catalog.standard("ND07_2021").orElseThrow();
        // a province's standard that reaches 62 sooner, asked in turn with the national one, member after member
        PovertyStandard faster = national.derive("TEST_RETIREMENT", java.util.Map.of("retirement_male_step_months", "6"),
                "test", java.time.LocalDate.of(2022, 1, 1),
                java.time.LocalDate.of(2031, 12, 31));
        for (int round = 0; round < 3; round++) {
            for (int year = 2019; year <= 2031; year++) {
                for (Sex sex : Sex.values()) {
                    int expected = fromParameters(national, sex, year);
                    assertThat(RetirementAge.months(national, sex, year)).as("%s %s", sex, year).isEqualTo(expected);
                    assertThat(RetirementAge.months(faster, sex, year)).as("faster %s %s", sex, year)
                            .isEqualTo(fromParameters(faster, sex, year));
                    assertThat(RetirementAge.months(national, sex, year)).isEqualTo(expected);
                }
            }
        }
        assertThat(RetirementAge.months(faster, Sex.MALE, 2022)).isEqualTo(723 + 6);
        assertThat(RetirementAge.months(national, Sex.MALE, 2022)).isEqualTo(726);
    }

    /** The schedule read straight from the parameters (what RetirementAge remembers). */
    private static int fromParameters(PovertyStandard s, Sex sex, int year) {
        String p = "retirement_" + sex.code() + "_";
        int reform = s.require("retirement_reform_year").asInt();
        if (year < reform) {
            return s.require(p + "before_months").asInt();
        }
        return Math.min(s.require(p + "max_months").asInt(),
                s.require(p + "base_months").asInt() + s.require(p + "step_months").asInt() * (year - reform));
    }

    @ParameterizedTest(name = "lists of {0} use {1}")
    @CsvSource({"2016, QD59_2015", "2021, QD59_2015", "2022, ND07_2021", "2026, ND07_2021", "2027, ND351_2025",
            "2030, ND351_2025"})
    void theScheduleMapsListYearsToStandards(int year, String code) {
        assertThat(StandardSchedule.national().standardFor(year)).contains(code);
        assertThat(catalog.standard(code)).isPresent();
    }

    @Test
    void aProvinceCanOverrideTheSchedule() {
        StandardSchedule schedule = StandardSchedule.national().with(2022, 2025, "DNAI_2022");

        assertThat(schedule.standardFor(2023)).contains("DNAI_2022");
        assertThat(schedule.standardFor(2026)).contains("ND07_2021");
        assertThat(StandardSchedule.national().standardFor(2015)).isEmpty();
    }
}
