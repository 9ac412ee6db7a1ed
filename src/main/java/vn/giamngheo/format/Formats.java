package vn.giamngheo.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Numbers and dates written for a reader in one language: {@code Formats.of(locale)}. Vietnamese: {@code 1.234}
 * (count), {@code 1.234,5} (decimal), {@code 12,50%} (rate), {@code 1.041.987,5} (million đồng),
 * {@code 1.500.000 đồng}, {@code 2026} (year), {@code 06/12/2026} (date). English: {@code 1,234}, {@code 1,234.5},
 * {@code 12.50%}, {@code 1,500,000 VND}, {@code 2026}, {@code 06/12/2026}. A {@code null} value is written as
 * the empty string: whether an absent figure is "no data" is for the caller to say in words.
 */
public final class Formats {

    /** Dates and times are shown in Vietnam's time. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Formats VIETNAMESE = new Formats(true);
    private static final Formats ENGLISH = new Formats(false);

    private final boolean vietnamese;
    private final DecimalFormatSymbols symbols;

    private Formats(boolean vietnamese) {
        this.vietnamese = vietnamese;
        this.symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(vietnamese ? '.' : ',');
        symbols.setDecimalSeparator(vietnamese ? ',' : '.');
        symbols.setMinusSign('-');
    }

    /** The conventions of a language: Vietnamese for {@code vi} and for no locale, English otherwise. */
    public static Formats of(Locale locale) {
        return locale == null || "vi".equals(locale.getLanguage()) ? VIETNAMESE : ENGLISH;
    }

    public static Formats vietnamese() {
        return VIETNAMESE;
    }

    public static Formats english() {
        return ENGLISH;
    }

    public boolean isVietnamese() {
        return vietnamese;
    }

    /** A whole number with thousands separators; a fraction is rounded half-up. */
    public String count(Number value) {
        return value == null ? "" : pattern("#,##0").format(big(value).setScale(0, RoundingMode.HALF_UP));
    }

    /** A number with exactly {@code digits} decimals and thousands separators. */
    public String decimal(Number value, int digits) {
        return value == null ? "" : pattern(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits))
                .format(big(value).setScale(digits, RoundingMode.HALF_UP));
    }

    /** A number with at most {@code digits} decimals (trailing zeros dropped) and thousands separators. */
    public String upTo(Number value, int digits) {
        return value == null ? "" : pattern(digits == 0 ? "#,##0" : "#,##0." + "#".repeat(digits))
                .format(big(value).setScale(digits, RoundingMode.HALF_UP));
    }

    /** A percentage (the value is already in per cent) with {@code digits} decimals: {@code 12,50%}. */
    public String rate(Number percent, int digits) {
        return percent == null ? "" : decimal(percent, digits) + "%";
    }

    /** A share {@code part / whole} as a percentage; empty when the whole is zero or absent. */
    public String share(Number part, Number whole, int digits) {
        if (part == null || whole == null || big(whole).signum() == 0) {
            return "";
        }
        return rate(big(part).multiply(BigDecimal.valueOf(100)).divide(big(whole), digits + 2, RoundingMode.HALF_UP),
                digits);
    }

    /** An amount in million đồng as plan and budget tables print it: up to three decimals. */
    public String millions(Number value) {
        return upTo(value, 3);
    }

    /** An amount in đồng with its unit: {@code 1.500.000 đồng}, {@code 1,500,000 VND}. */
    public String dong(Number value) {
        return value == null ? "" : count(value) + (vietnamese ? " đồng" : " VND");
    }

    /**
     * A number kept as machine text ({@code "1500000"}, {@code "0.70"}: a setting, a parameter of a rule) written for
     * the reader with the decimals it has ({@code 1.500.000}, {@code 0,70}); any other text (a date, a list, a code
     * with a leading zero) is returned as it is.
     */
    public String plain(String machineText) {
        if (machineText == null) {
            return "";
        }
        String t = machineText.strip();
        if (!t.matches("-?(0|[1-9]\\d*)(\\.\\d+)?")) {
            return machineText;
        }
        BigDecimal n = new BigDecimal(t);
        return decimal(n, Math.max(0, n.scale()));
    }

    /** A year as written in a heading: never with a thousands separator. */
    public String year(Number year) {
        return year == null ? "" : Long.toString(year.longValue());
    }

    /** A day: {@code dd/MM/yyyy}. */
    public String date(TemporalAccessor day) {
        if (day == null) {
            return "";
        }
        if (day instanceof Instant instant) {
            return DATE.format(instant.atZone(VIETNAM));
        }
        if (day instanceof OffsetDateTime time) {
            return DATE.format(time.atZoneSameInstant(VIETNAM));
        }
        return DATE.format(day);
    }

    /** A moment: {@code dd/MM/yyyy HH:mm}, in Vietnam's time. */
    public String dateTime(TemporalAccessor moment) {
        if (moment == null) {
            return "";
        }
        if (moment instanceof Instant instant) {
            return DATE_TIME.format(instant.atZone(VIETNAM));
        }
        if (moment instanceof OffsetDateTime time) {
            return DATE_TIME.format(time.atZoneSameInstant(VIETNAM));
        }
        if (moment instanceof LocalDate day) {
            return DATE.format(day);
        }
        return DATE_TIME.format(moment instanceof LocalDateTime t ? t : moment);
    }

    private DecimalFormat pattern(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    private static BigDecimal big(Number value) {
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(value.doubleValue());
        }
        return new BigDecimal(value.toString());
    }
}
