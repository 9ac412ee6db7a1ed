package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The page's and files' number printing ({@link ReportFiles.Numbers}) equals DecimalFormat's, written by hand for speed. */
class ReportNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            vi | 0                    | 0
            vi | 999                  | 999
            vi | 1000                 | 1.000
            vi | -1000                | -1.000
            vi | 264158               | 264.158
            vi | 1234567              | 1.234.567
            vi | -999                 | -999
            en | 1000                 | 1,000
            en | 27000000             | 27,000,000
            en | 9223372036854775807  | 9,223,372,036,854,775,807
            en | -9223372036854775808 | -9,223,372,036,854,775,808
            """)
    void countsAreGroupedInTheLocale(String language, long value, String printed) {
        assertThat(new ReportFiles.Numbers(Locale.forLanguageTag(language)).show(value)).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            vi | 0.0       | 0,00
            vi | 0.625     | 62,50
            vi | 0.00005   | 0,01
            vi | 0.000049  | 0,00
            vi | 1.0       | 100,00
            vi | -0.0125   | -1,25
            en | 0.12345   | 12.35
            en | 0.0715    | 7.15
            en | 12.5      | 1250.00
            """)
    void sharesArePercentagesWithTwoDecimalsHalfUp(String language, double value, String printed) {
        assertThat(new ReportFiles.Numbers(Locale.forLanguageTag(language)).show(value)).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource({"vi", "en"})
    void equalsDecimalFormatOnManyValues(String language) {
        Locale locale = Locale.forLanguageTag(language);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance("vi".equals(language)
                ? Locale.forLanguageTag("vi-VN") : Locale.ENGLISH);
        DecimalFormat count = new DecimalFormat("#,##0", symbols);
        DecimalFormat percent = new DecimalFormat("0.00", symbols);
        ReportFiles.Numbers numbers = new ReportFiles.Numbers(locale);
        Random random = new Random(2026);
        for (int i = 0; i < 20_000; i++) {
            long v = switch (i % 4) {
                case 0 -> random.nextInt(2_000_000) - 1_000_000;
                case 1 -> random.nextLong();
                case 2 -> (long) Math.pow(10, i % 19) - (i % 3);
                default -> random.nextInt(100_000);
            };
            assertThat(numbers.show(v)).as("count %d", v).isEqualTo(count.format(v));
            double share = random.nextDouble() * (i % 7 == 0 ? -1 : 1) * (i % 5 == 0 ? 10 : 1);
            assertThat(numbers.show(share)).as("share %s", share)
                    .isEqualTo(percent.format(BigDecimal.valueOf(share * 100).setScale(2, RoundingMode.HALF_UP)));
        }
        assertThat(numbers.show(7)).isEqualTo("7");
        assertThat(numbers.show(Integer.valueOf(12345))).isEqualTo(count.format(12345));
        assertThat(numbers.show("Xã A")).isEqualTo("Xã A");
        assertThat(numbers.show(null)).isEmpty();
    }
}
