package vn.giamngheo.table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * A number as printed in a plan or budget table: its value, how many decimals were printed and with
 * which decimal separator, so that a recomputed value can be rounded and shown the same way.
 *
 * <p>Reading rules (documented in exchange-format §4 and §5):
 * <ul>
 * <li>a <b>count</b> is a whole number; {@code .}, {@code ,} or a space followed by groups of exactly
 * three digits is a thousands separator ({@code 1.234} = 1234), anything else ({@code 12,5}) is not a
 * count;</li>
 * <li>a <b>rate</b> is a percentage with a decimal comma or point and an optional {@code %}; rates are at
 * most 100, so {@code 1.234} is the rate 1.234 %, never 1234;</li>
 * <li>an <b>amount</b> (million VND) uses {@code .} for thousands and {@code ,} for decimals
 * ({@code 1.041.987}, {@code 12,5}); a {@code .} not followed by exactly three digits is a decimal point
 * ({@code 12.5}); blank or {@code -} is 0.</li>
 * </ul>
 */
public record PrintedNumber(String text, BigDecimal value, int decimals, char decimalSeparator) {

    private static final Pattern PLAIN_INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern GROUPED_INTEGER = Pattern.compile("-?\\d{1,3}([., ])\\d{3}(\\1\\d{3})*");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+([.,])(\\d+)");
    private static final Pattern DOT_GROUPED_AMOUNT = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");

    /** A count, or {@code null} for a blank cell. */
    public static PrintedNumber count(String text) {
        String s = compact(text);
        if (s.isEmpty()) {
            return null;
        }
        if (PLAIN_INTEGER.matcher(s).matches() || GROUPED_INTEGER.matcher(s).matches()) {
            return new PrintedNumber(text.strip(), new BigDecimal(s.replaceAll("[., ]", "")), 0, ',');
        }
        throw new NumberFormatException(text);
    }

    /** A percentage, or {@code null} for a blank cell. */
    public static PrintedNumber rate(String text) {
        String s = compact(text);
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.isEmpty()) {
            return null;
        }
        if (PLAIN_INTEGER.matcher(s).matches()) {
            return new PrintedNumber(text.strip(), new BigDecimal(s), 0, ',');
        }
        var m = DECIMAL.matcher(s);
        if (m.matches()) {
            return new PrintedNumber(text.strip(), new BigDecimal(s.replace(',', '.')), m.group(2).length(),
                    m.group(1).charAt(0));
        }
        throw new NumberFormatException(text);
    }

    /** An amount in million VND; blank and {@code -} are 0. */
    public static PrintedNumber amount(String text) {
        String s = compact(text);
        if (s.isEmpty() || s.equals("-") || s.equals("–")) {
            return new PrintedNumber(text.strip(), BigDecimal.ZERO, 0, ',');
        }
        if (PLAIN_INTEGER.matcher(s).matches()) {
            return new PrintedNumber(text.strip(), new BigDecimal(s), 0, ',');
        }
        if (DOT_GROUPED_AMOUNT.matcher(s).matches()) {
            String plain = s.replace(".", "").replace(',', '.');
            return new PrintedNumber(text.strip(), new BigDecimal(plain), Math.max(0, new BigDecimal(plain).scale()), ',');
        }
        var m = DECIMAL.matcher(s);
        if (m.matches()) {
            return new PrintedNumber(text.strip(), new BigDecimal(s.replace(',', '.')), m.group(2).length(),
                    m.group(1).charAt(0));
        }
        throw new NumberFormatException(text);
    }

    private static String compact(String text) {
        return (text == null ? "" : text).replace('\u00A0', ' ').replace('\u202F', ' ').strip()
                .replaceAll(" {2,}", " ");
    }

    /** {@code value} rounded half-up to the printed decimals, e.g. 0.125 with 2 decimals is 0.13. */
    public BigDecimal roundLikePrinted(BigDecimal value) {
        return value.setScale(decimals, RoundingMode.HALF_UP);
    }

    /** Whether the printed number equals {@code value} rounded half-up to the printed decimals. */
    public boolean matches(BigDecimal value) {
        return this.value.compareTo(roundLikePrinted(value)) == 0;
    }

    /** {@code value} rounded and written like this number: same decimals, same decimal separator. */
    public String show(BigDecimal value) {
        return roundLikePrinted(value).toPlainString().replace('.', decimalSeparator);
    }

    /** A whole number or amount written the Vietnamese way: {@code 1.041.987}, {@code 12,5}. */
    public static String showAmount(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        String plain = v.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : "," + plain.substring(dot + 1);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(whole.charAt(i));
        }
        return (v.signum() < 0 ? "-" : "") + grouped + fraction;
    }
}
