package vn.giamngheo.standard;

import java.util.regex.Pattern;
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
        return new ParameterRow(p.name(), p.value(), display(p.value()), p.unit(), p.legalSource(),
                p.confidence().mark(), p.confidence().name(), "confidence-" + p.confidence().name().toLowerCase(java.util.Locale.ROOT), p.note());
    }

    static String display(String value) {
        String v = value.trim();
        if (WHOLE.matcher(v).matches() && !v.startsWith("0") && v.length() > 4) {
            StringBuilder grouped = new StringBuilder();
            for (int i = 0; i < v.length(); i++) {
                if (i > 0 && (v.length() - i) % 3 == 0) {
                    grouped.append('.');
                }
                grouped.append(v.charAt(i));
            }
            return grouped.toString();
        }
        if (DECIMAL.matcher(v).matches()) {
            return v.replace('.', ',');
        }
        return v.contains(";") ? String.join("; ", v.split("\\s*;\\s*")) : v;
    }
}
