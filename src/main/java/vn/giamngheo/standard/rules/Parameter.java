package vn.giamngheo.standard.rules;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        List<String> list = LISTS.get(value);
        if (list == null) {
            list = value.isBlank() ? List.of() : Arrays.stream(value.split(";")).map(String::trim).toList();
            if (LISTS.size() < MAX_LISTS) {
                LISTS.put(value, list);
            }
        }
        return list;
    }

    /**
     * Lists already split, by their text (the classifier reads a list parameter several times for every household:
     * split again each time it was a tenth of the bulk import's classification, docs/benchmarks.md). Immutable lists;
     * bounded, since an administrator may edit the values.
     */
    private static final Map<String, List<String>> LISTS = new ConcurrentHashMap<>();
    private static final int MAX_LISTS = 4096;

    public Parameter withValue(String newValue, String newSource, Confidence newConfidence, String newNote) {
        return new Parameter(name, newValue, unit, newSource, newConfidence, newNote);
    }
}
