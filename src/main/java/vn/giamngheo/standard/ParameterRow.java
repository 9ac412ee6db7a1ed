package vn.giamngheo.standard;

import java.util.regex.Pattern;
import vn.giamngheo.format.Formats;
import vn.giamngheo.standard.rules.Parameter;

/**
 * A parameter as the standard page shows it: the value written the Vietnamese way (1.500.000; 0,5; lists
 * with spaces) and its confidence as a badge class (confidence-s, confidence-s2, confidence-unconfirmed).
 */
record ParameterRow(String name, String value, String display, String unit, String legalSource, String confidence,
                    String confidenceName, String confidenceClass, String note) {

    private static final Pattern WHOLE = Pattern.compile("\\d{4,}");
    private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d+");

    static ParameterRow of(Parameter p) {
        return of(p, null);
    }

    /** The row for a reader of a language (Vietnamese for none): numbers written by {@link Formats}. */
    static ParameterRow of(Parameter p, java.util.Locale locale) {
        return new ParameterRow(p.name(), p.value(), display(p.value(), Formats.of(locale)), p.unit(), p.legalSource(),
                p.confidence().mark(), p.confidence().name(), "confidence-" + p.confidence().name().toLowerCase(java.util.Locale.ROOT), p.note());
    }

    static String display(String value) {
        return display(value, Formats.vietnamese());
    }

    static String display(String value, Formats formats) {
        String v = value.trim();
        if (WHOLE.matcher(v).matches() && !v.startsWith("0") && v.length() > 4) {
            return formats.count(new java.math.BigDecimal(v));
        }
        if (DECIMAL.matcher(v).matches()) {
            java.math.BigDecimal d = new java.math.BigDecimal(v);
            return formats.decimal(d, d.scale());
        }
        return v.contains(";") ? String.join("; ", v.split("\\s*;\\s*")) : v;
    }
}
