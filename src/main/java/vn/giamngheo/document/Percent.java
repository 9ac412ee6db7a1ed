package vn.giamngheo.document;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** A percentage with two decimals in the reader's notation: "66,67%" in Vietnamese, "66.67%" in English. */
final class Percent {

    private Percent() {
    }

    static String format(BigDecimal percent, Locale locale) {
        return new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(locale)).format(percent) + "%";
    }
}
