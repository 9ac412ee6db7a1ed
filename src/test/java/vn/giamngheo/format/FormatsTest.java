package vn.giamngheo.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormatsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("count", f -> f.count(1234), "1.234", "1,234"),
                row("count of a big number", f -> f.count(26_900_000L), "26.900.000", "26,900,000"),
                row("count rounds a fraction", f -> f.count(new BigDecimal("3201.000")), "3.201", "3,201"),
                row("count below a thousand", f -> f.count(446), "446", "446"),
                row("negative count", f -> f.count(-1500), "-1.500", "-1,500"),
                row("decimal", f -> f.decimal(new BigDecimal("1234.5"), 1), "1.234,5", "1,234.5"),
                row("decimal of a double", f -> f.decimal(13.925, 2), "13,93", "13.93"),
                row("decimal rounds half-up", f -> f.decimal(new BigDecimal("0.125"), 2), "0,13", "0.13"),
                row("up to", f -> f.upTo(new BigDecimal("12.500"), 3), "12,5", "12.5"),
                row("rate", f -> f.rate(new BigDecimal("66.6667"), 2), "66,67%", "66.67%"),
                row("zero rate", f -> f.rate(0, 1), "0,0%", "0.0%"),
                row("share", f -> f.share(106, 3000, 2), "3,53%", "3.53%"),
                row("share of nothing", f -> f.share(5, 0, 2), "", ""),
                row("millions", f -> f.millions(new BigDecimal("1041987.5")), "1.041.987,5", "1,041,987.5"),
                row("dong", f -> f.dong(1_500_000), "1.500.000 đồng", "1,500,000 VND"),
                row("year", f -> f.year(2026), "2026", "2026"),
                row("date", f -> f.date(LocalDate.of(2026, 12, 6)), "06/12/2026", "06/12/2026"),
                row("instant in Vietnam's time", f -> f.dateTime(Instant.parse("2026-12-06T17:30:00Z")),
                        "07/12/2026 00:30", "07/12/2026 00:30"),
                row("absent", f -> f.count(null), "", ""),
                row("plain decimal kept as text", f -> f.plain("0.70"), "0,70", "0.70"),
                row("plain whole number kept as text", f -> f.plain("1500000"), "1.500.000", "1,500,000"),
                row("plain text that is no number", f -> f.plain("09-01"), "09-01", "09-01"),
                row("plain code with a leading zero", f -> f.plain("08"), "08", "08"));
    }

    private static Arguments row(String what, Function<Formats, String> format, String vi, String en) {
        return Arguments.of(what, format, vi, en);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesEachLanguageItsWay(String what, Function<Formats, String> format, String vi, String en) {
        assertThat(format.apply(Formats.of(Locale.forLanguageTag("vi")))).isEqualTo(vi);
        assertThat(format.apply(Formats.of(Locale.ENGLISH))).isEqualTo(en);
    }
}
