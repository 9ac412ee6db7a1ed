package vn.giamngheo.analysis.rules;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads units of analysis from a CSV file with a header row (UTF-8, comma separated; gzip-compressed files
 * are recognised by their first bytes). Indicator cells are {@code 1} (deprived), {@code 0} (not deprived) or
 * missing: empty, {@code NA} or {@code .}. An empty subgroup cell means the unit has no value for that variable.
 * Any other content is an error naming the line and column.
 */
public final class UnitCsvLoader {

    private static final Set<String> MISSING = Set.of("", "NA", ".");

    private final CsvLayout layout;

    public UnitCsvLoader(CsvLayout layout) {
        this.layout = layout;
    }

    public List<AnalysisUnit> load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads all units from {@code in} (plain or gzip); {@code source} names it in error messages. */
    public List<AnalysisUnit> load(InputStream in, String source) {
        try (Reader reader = new InputStreamReader(decompressed(in), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            checkColumns(parser.getHeaderMap().keySet(), source);
            List<AnalysisUnit> units = new ArrayList<>();
            for (CSVRecord record : parser) {
                units.add(unit(record, source));
            }
            return units;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private static InputStream decompressed(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        return first == 0x1f && second == 0x8b ? new BufferedInputStream(new GZIPInputStream(buffered)) : buffered;
    }

    private void checkColumns(Set<String> header, String source) {
        List<String> wanted = new ArrayList<>();
        layout.idColumn().ifPresent(wanted::add);
        layout.weightColumn().ifPresent(wanted::add);
        wanted.addAll(layout.subgroupColumns().values());
        wanted.addAll(layout.indicatorColumns().values());
        List<String> absent = wanted.stream().filter(column -> !header.contains(column)).toList();
        if (!absent.isEmpty()) {
            throw new IllegalArgumentException(source + ": columns " + absent + " not in header " + header);
        }
    }

    private AnalysisUnit unit(CSVRecord record, String source) {
        long line = record.getRecordNumber() + 1;
        String id = layout.idColumn().map(record::get).orElse(Long.toString(line));
        double weight = layout.weightColumn().map(column -> number(record.get(column), source, line, column)).orElse(1.0);
        Map<String, String> subgroups = new HashMap<>();
        layout.subgroupColumns().forEach((variable, column) -> {
            String value = record.get(column).strip();
            if (!value.isEmpty()) {
                subgroups.put(variable, value);
            }
        });
        Map<String, Boolean> deprivations = new HashMap<>();
        layout.indicatorColumns().forEach((indicator, column) -> {
            String value = record.get(column).strip();
            if (value.equals("1")) {
                deprivations.put(indicator, Boolean.TRUE);
            } else if (value.equals("0")) {
                deprivations.put(indicator, Boolean.FALSE);
            } else if (!MISSING.contains(value)) {
                throw new IllegalArgumentException(source + " line " + line + ", column " + column
                        + ": deprivation must be 1, 0 or missing (empty, NA, .) but is '" + value + "'");
            }
        });
        try {
            return new AnalysisUnit(id, weight, subgroups, deprivations);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " line " + line + ": " + e.getMessage(), e);
        }
    }

    private static double number(String text, String source, long line, String column) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " line " + line + ", column " + column
                    + ": weight must be a number but is '" + text + "'", e);
        }
    }
}
