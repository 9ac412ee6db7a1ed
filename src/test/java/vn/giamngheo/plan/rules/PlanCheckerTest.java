package vn.giamngheo.plan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.plan.rules.PlanFixtures.CORRECT;
import static vn.giamngheo.plan.rules.PlanFixtures.check;
import static vn.giamngheo.plan.rules.PlanFixtures.checkText;
import static vn.giamngheo.plan.rules.PlanFixtures.summary;
import static vn.giamngheo.plan.rules.PlanFixtures.withCell;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.giamngheo.table.CheckReport;
import vn.giamngheo.table.Finding;
import vn.giamngheo.table.Messages;
import vn.giamngheo.table.Severity;

class PlanCheckerTest {

    @ParameterizedTest
    @ValueSource(strings = {CORRECT, "muong-khuong-2023-decimal-point.csv"})
    void aCorrectDistrictPlanHasNoFindingWhateverTheNumberStyle(String file) throws Exception {
        CheckReport report = check(file);

        assertThat(report.findings()).isEmpty();
        assertThat(report.rowsChecked()).isEqualTo(11);
        assertThat(report.exitStatus()).isZero();
    }

    @Test
    void aGroupSplitThatDoesNotAddUpAndAMistypedRateAreExactlyTheTwoErrors() throws Exception {
        CheckReport report = check("muong-khuong-2023-two-slips.csv");

        assertThat(report.findings()).filteredOn(Finding::isError)
                .extracting(Finding::line, Finding::unitOrItem, Finding::column, Finding::rule, Finding::printed,
                        Finding::expected)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(5, "Xã Cao Sơn", "poor", "poor_equals_groups", "410", "401"),
                        org.assertj.core.groups.Tuple.tuple(9, "Xã Nấm Lư", "poor_end_rate", "rate_matches_count",
                                "42,92", "42,29"));
        assertThat(summary(report)).containsExactly(
                "2:poor:note:poor_equals_groups_consequence",
                "5:poor:error:poor_equals_groups",
                "9:poor_end_rate:error:rate_matches_count");
        assertThat(report.exitStatus()).isEqualTo(1);
    }

    @Test
    void aReductionInPointsTakenAsTheDifferenceOfRoundedRatesIsANoteNamingTheConvention() throws Exception {
        CheckReport report = check("muong-khuong-2023-difference-convention.csv");

        assertThat(report.findings())
                .extracting(Finding::line, Finding::severity, Finding::rule, Finding::printed, Finding::expected)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(6, Severity.NOTE, "reduction_rate_difference_of_rates",
                                "7,85", "7,84"),
                        org.assertj.core.groups.Tuple.tuple(8, Severity.NOTE, "reduction_rate_difference_of_rates",
                                "4,76", "4,75"));
        assertThat(report.findings().get(0).message()).contains("hiệu hai tỷ lệ", "52,29", "44,44");
        assertThat(report.exitStatus()).isZero();
    }

    @ParameterizedTest(name = "line {0} {1} = {2} gives {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # line | column                 | printed | expected findings (line:column:severity:rule)
            2      | poor_rate              | 35,61   | 2:poor_rate:error:rate_matches_count
            2      | poor_rate              | 35,6    | ''
            2      | poor_rate              | 36      | ''
            2      | poor_rate              | 35,5    | 2:poor_rate:error:rate_matches_count
            2      | poor_policy            | 3.320   | 2:poor:error:poor_equals_groups;2:poor_policy:error:total_equals_sum_of_units;2:poor_policy_rate:error:rate_matches_count
            2      | poor_end               | 2.945   | 2:poor_end:error:poor_end_equals_poor_minus_reduction;2:poor_end:error:total_equals_sum_of_units;2:poor_end_rate:error:rate_matches_count
            # the printed rates still differ by 6,86 points, so reduction_rate now only fits the difference convention
            5      | reduction              | 59      | 2:reduction:error:total_equals_sum_of_units;5:poor_end:error:poor_end_equals_poor_minus_reduction;5:reduction_rate:note:reduction_rate_difference_of_rates
            5      | reduction_rate         | 6,75    | 5:reduction_rate:error:reduction_rate_matches_count
            12     | poor_social_protection_rate | 2,86 | 12:poor_social_protection_rate:error:rate_matches_count
            12     | poor_social_protection_rate | 2,9  | ''
            12     | poor_rate              | 20,2    | ''
            12     | poor_rate              | 20,3    | 12:poor_rate:error:rate_matches_count
            12     | poor_rate              | 20,21%  | ''
            12     | poor_rate              | 2O,21   | 12:poor_rate:error:not_a_number
            12     | households             | 1.227,5 | 12:households:error:not_a_number
            12     | poor_end               | ''      | 12:poor_end:warning:missing_value
            """)
    void eachRelationIsReportedAtTheLineAndColumnThatBreaksIt(int line, String column, String printed, String expected)
            throws Exception {
        CheckReport report = checkText(withCell(CORRECT, line, column, printed));

        List<String> expectedFindings = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(";"));
        assertThat(summary(report)).containsExactlyInAnyOrderElementsOf(expectedFindings);
    }

    @ParameterizedTest(name = "{0} households, {1} poor, printed {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # 1 / 800 = 0.125 % exactly: only half-up rounding of the exact quotient is accepted
            800 | 1 | 0,13  | ok
            800 | 1 | 0,12  | error
            800 | 1 | 0,125 | ok
            800 | 1 | 0,1   | ok
            800 | 1 | 0     | ok
            800 | 1 | 0,2   | error
            # 1 / 3 = 33.333...: 33.33, never 33.34; 2 / 3 = 66.666...: 66.67
            3   | 1 | 33,33 | ok
            3   | 1 | 33,34 | error
            3   | 2 | 66,67 | ok
            3   | 2 | 66,66 | error
            # 1 / 8 = 12.5 %: rounded to units it is 13
            8   | 1 | 13    | ok
            8   | 1 | 12    | error
            """)
    void aRateIsComparedAfterRoundingTheExactQuotientHalfUpToThePrintedDecimals(int households, int poor,
            String printed, String outcome) throws Exception {
        String csv = "unit,households,poor,poor_rate,reduction,reduction_rate,poor_end,poor_end_rate\n"
                + "Xã Thử,%d,%d,\"%s\",0,0,%d,\"%s\"\n".formatted(households, poor, printed, poor, printed);

        CheckReport report = checkText(csv);

        assertThat(report.hasErrors()).isEqualTo(outcome.equals("error"));
        if (report.hasErrors()) {
            assertThat(summary(report)).containsExactlyInAnyOrder("2:poor_rate:error:rate_matches_count",
                    "2:poor_end_rate:error:rate_matches_count");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Tổng số       | true
            TỔNG CỘNG     | true
            ' toàn  huyện ' | true
            Toàn tỉnh     | true
            total         | true
            Tổng          | false
            Xã Toàn Thắng | false
            ''            | false
            """)
    void theTotalRowIsRecognisedWhateverTheCaseAndSpacing(String unit, boolean total) {
        assertThat(PlanChecker.isTotalUnit(unit)).isEqualTo(total);
        assertThat(PlanChecker.isTotalUnit(java.text.Normalizer.normalize(unit, java.text.Normalizer.Form.NFD)))
                .isEqualTo(total);
    }

    @Test
    void theTotalRowIsCheckedWhereverItStands() throws Exception {
        List<String> lines = PlanFixtures.text(CORRECT).lines().toList();
        String totalLast = lines.get(0) + "\n" + String.join("\n", lines.subList(2, lines.size())) + "\n"
                + lines.get(1).replace("3.581", "3.518") + "\n";

        CheckReport report = checkText(totalLast);

        assertThat(summary(report)).contains("12:poor:error:total_equals_sum_of_units");
    }

    @Test
    void everyFindingHasAVietnameseAndAnEnglishMessage() throws Exception {
        CheckReport report = checkText(withCell(CORRECT, 5, "reduction", "59"));

        assertThat(report.findings()).allSatisfy(f -> {
            assertThat(f.message()).isNotBlank().doesNotContain("{");
            assertThat(f.message(Locale.ENGLISH)).isNotBlank().isNotEqualTo(f.message());
        });
        assertThat(report.summary(Messages.VIETNAMESE)).isEqualTo("2 lỗi, 0 cảnh báo, 1 ghi chú trong 11 dòng");
    }
}
