package vn.giamngheo.standard.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The poverty standards, read from {@code classification/standards.csv} (standard, parameter, value, unit,
 * legal_source, confidence, note). Rows of standard {@code *} are shared by every standard (e.g. the
 * retirement-age schedule of the Labour Code) unless a standard sets the same parameter itself.
 */
public final class StandardCatalog {

    public static final String RESOURCE = "/classification/standards.csv";
    private static final String SHARED = "*";

    private final Map<String, PovertyStandard> standards;

    private StandardCatalog(Map<String, PovertyStandard> standards) {
        this.standards = Map.copyOf(standards);
    }

    /** The national standards shipped with the application. */
    public static StandardCatalog national() {
        try (InputStream in = StandardCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StandardCatalog read(InputStream in) throws IOException {
        Map<String, List<Parameter>> byStandard = new LinkedHashMap<>();
        List<Parameter> shared = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        for (CSVRecord row : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Parameter parameter = new Parameter(row.get("parameter"), row.get("value"), row.get("unit"),
                    row.get("legal_source"), Confidence.ofMark(row.get("confidence")), row.get("note"));
            String standard = row.get("standard");
            if (SHARED.equals(standard)) {
                shared.add(parameter);
            } else {
                byStandard.computeIfAbsent(standard, s -> new ArrayList<>()).add(parameter);
            }
        }
        Map<String, PovertyStandard> standards = new LinkedHashMap<>();
        byStandard.forEach((code, own) -> {
            List<Parameter> all = new ArrayList<>(shared);
            all.addAll(own); // own parameters come last and win
            standards.put(code, PovertyStandard.of(code, all));
        });
        return new StandardCatalog(standards);
    }

    public Optional<PovertyStandard> standard(String code) {
        return Optional.ofNullable(standards.get(code));
    }

    public Set<String> codes() {
        return standards.keySet();
    }

    /** This catalogue with one more (e.g. provincial) standard. */
    public StandardCatalog with(PovertyStandard standard) {
        Map<String, PovertyStandard> copy = new LinkedHashMap<>(standards);
        copy.put(standard.code(), standard);
        return new StandardCatalog(copy);
    }
}
