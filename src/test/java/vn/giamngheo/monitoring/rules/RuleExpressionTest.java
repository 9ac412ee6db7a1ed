package vn.giamngheo.monitoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expressions of validation rules: parsed without a script engine, evaluated over values by indicator code
 * with DHIS2's missing-value strategies (skip the rule, or count a missing value as 0), and the rules' outcome.
 */
class RuleExpressionTest {

    /** AA = 10, BB = 4, ZZ = 0; MM is missing. */
    private static final Map<String, BigDecimal> VALUES = Map.of("AA", BigDecimal.TEN, "BB", BigDecimal.valueOf(4),
            "ZZ", BigDecimal.ZERO);

    @ParameterizedTest(name = "{0} → {1} (skip) / {2} (zero)")
    @CsvSource(delimiter = '|', value = {
            "#{AA}                     | 10     | 10",
            "#{AA} + #{BB}              | 14     | 14",
            "#{AA} - #{BB} * 2          | 2      | 2",
            "(#{AA} - #{BB}) * 2        | 12     | 12",
            "#{AA} / #{BB}              | 2.5    | 2.5",
            "-#{AA} + 3                | -7     | -7",
            "100                      | 100    | 100",
            "0.5 * #{AA}               | 5.0    | 5.0",
            "#{ AA } + 1               | 11     | 11",
            "#{AA} + #{MM}              |        | 10",
            "#{MM}                     |        | 0",
            "#{AA} / #{ZZ}              |        |",
            "#{AA} / #{MM}              |        |",
            "#{AA}+#{BB}-#{BB}/#{BB}      | 13     | 13",
    })
    void evaluatesWithEachMissingValueStrategy(String text, BigDecimal skip, BigDecimal zero) {
        RuleExpression e = RuleExpression.parse(text);
        assertThat(plain(e.evaluate(VALUES, RuleExpression.MissingValue.SKIP).orElse(null))).isEqualTo(plain(skip));
        assertThat(plain(e.evaluate(VALUES, RuleExpression.MissingValue.ZERO).orElse(null))).isEqualTo(plain(zero));
    }

    private static String plain(BigDecimal v) {
        return v == null ? "none" : v.stripTrailingZeros().toPlainString();
    }

    @ParameterizedTest(name = "{0} refers to {1}")
    @CsvSource(delimiter = '|', value = {"#{AA} + #{BB} * #{AA} | AA,BB", "100 | ''", "#{HOUSES_BUILT} | HOUSES_BUILT"})
    void listsTheCodesItRefersTo(String text, String codes) {
        assertThat(String.join(",", RuleExpression.parse(text).indicatorCodes())).isEqualTo(codes);
    }

    @ParameterizedTest(name = "''{0}'' → {1} at {2}")
    @CsvSource(delimiter = '|', value = {
            "''                 | EMPTY                | 1",
            "'   '              | EMPTY                | 1",
            "#{AA} +             | UNEXPECTED           | 8",
            "#{AA} #{BB}         | UNEXPECTED           | 7",
            "#{AA               | UNCLOSED_CODE        | 1",
            "#{a}               | BAD_CODE             | 1",
            "#{}                | BAD_CODE             | 1",
            "(#{AA} + 1          | UNCLOSED_PARENTHESIS | 1",
            "#{AA} + 1)         | UNEXPECTED           | 10",
            "1.2.3              | BAD_NUMBER           | 1",
            "A + 1              | UNEXPECTED           | 1",
            "#A                 | UNEXPECTED           | 1",
            "Runtime.exec('x')  | UNEXPECTED           | 1",
    })
    void refusesWhatDoesNotParseWithWhereAndWhy(String text, RuleExpression.Error error, int position) {
        assertThatThrownBy(() -> RuleExpression.parse(text))
                .isInstanceOfSatisfying(RuleExpression.ParseException.class, e -> {
                    assertThat(e.error()).isEqualTo(error);
                    assertThat(e.position()).isEqualTo(position);
                });
    }

    @ParameterizedTest(name = "{0} {1} {2} with {3}: {4}")
    @CsvSource(delimiter = '|', value = {
            "#{AA}        | <=  | #{BB}       | SKIP | violated",
            "#{BB}        | <=  | #{AA}       | SKIP | holds",
            "#{AA}        | ==  | 10.00      | SKIP | holds",
            "#{AA}        | !=  | 10         | SKIP | violated",
            "#{AA}        | <   | 10         | SKIP | violated",
            "#{AA}        | >   | #{BB}       | SKIP | holds",
            "#{AA}        | >=  | #{AA}       | SKIP | holds",
            "#{MM}        | <=  | #{BB}       | SKIP | skipped",
            "#{MM}        | <=  | #{BB}       | ZERO | holds",
            "#{AA} + #{MM} | <=  | #{BB}       | ZERO | violated",
            "#{AA}        | <=  | #{MM}       | ZERO | violated",
            "#{AA} / #{ZZ} | <=  | 1          | ZERO | skipped",
    })
    void aRuleHoldsIsViolatedOrIsSkipped(String left, String op, String right, RuleExpression.MissingValue missing, String outcome) {
        ValidationRule rule = new ValidationRule("R", RuleExpression.parse(left), RuleOperator.ofSymbol(op).orElseThrow(),
                RuleExpression.parse(right), RuleImportance.HIGH, missing);
        String actual = rule.check(new HashMap<>(VALUES)).map(o -> o.holds() ? "holds" : "violated").orElse("skipped");
        assertThat(actual).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "entered {0}, computed {1}, tolerance {2} % → flagged {3}")
    @CsvSource({"100, 100, 5, false", "105, 100, 5, false", "106, 100, 5, true", "94, 100, 5, true",
            "0, 0, 5, false", "1, 0, 5, true", "100, 100, 0, false", "101, 100, 0, true"})
    void anEnteredFigureIsFlaggedBeyondTheTolerance(BigDecimal entered, BigDecimal computed, BigDecimal tolerance, boolean flagged) {
        assertThat(CheckDifference.flagged(entered, computed, tolerance)).isEqualTo(flagged);
    }

    @ParameterizedTest(name = "{0} period rule in a {1} report: {2}")
    @CsvSource({"QUARTER, QUARTER, true", "QUARTER, YEAR, true", "HALF_YEAR, QUARTER, false", "HALF_YEAR, HALF_YEAR, true",
            "HALF_YEAR, NINE_MONTHS, false", "HALF_YEAR, YEAR, true", "NINE_MONTHS, NINE_MONTHS, true",
            "NINE_MONTHS, HALF_YEAR, false", "YEAR, NINE_MONTHS, false", "YEAR, YEAR, true"})
    void aRuleAppliesToReportsOfItsPeriodTypeAndLonger(ReportKind type, ReportKind report, boolean applies) {
        assertThat(ValidationRule.applies(type, report)).isEqualTo(applies);
    }

    @ParameterizedTest(name = "{0} indicator in a {1} report: {2}")
    @CsvSource({"COMMUNE, commune, true", "COMMUNE, province, true", "PROVINCE, commune, false", "PROVINCE, district, false",
            "PROVINCE, province, true", "NATIONAL, province, false"})
    void anIndicatorIsReportedFromItsLevelUp(IndicatorLevel level, String unitLevel, boolean reported) {
        assertThat(level.reportedAt(unitLevel)).isEqualTo(reported);
    }
}
