package vn.giamngheo.standard.rules;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** One parameter of a poverty standard with its legal source, so the UI can show where it comes from. */
public record Parameter(String name, String value, String unit, String legalSource, Confidence confidence,
        String note) {

    public long asLong() {
        return Long.parseLong(value.trim());
    }

    public int asInt() {
        return Integer.parseInt(value.trim());
    }

    public BigDecimal asDecimal() {
        return new BigDecimal(value.trim());
    }

    public boolean asBoolean() {
        return "yes".equalsIgnoreCase(value.trim());
    }

    /** A {@code ;}-separated list. */
    public List<String> asList() {
        return value.isBlank() ? List.of() : Arrays.stream(value.split(";")).map(String::trim).toList();
    }

    public Parameter withValue(String newValue, String newSource, Confidence newConfidence, String newNote) {
        return new Parameter(name, newValue, unit, newSource, newConfidence, newNote);
    }
}
