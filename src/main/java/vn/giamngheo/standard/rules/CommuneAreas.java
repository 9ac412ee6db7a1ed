package vn.giamngheo.standard.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import vn.giamngheo.exchange.Area;

/**
 * Urban/rural type of each commune, for households whose {@code area} is empty, without a database
 * ({@code classification/commune_area.csv}, see its README for provenance). Before 1 July 2025 the
 * pre-reform codes apply, from that day the new ones (codes are reused with other meanings). Special zones
 * (đặc khu) take the standard's {@code special_zone_area} parameter.
 */
public final class CommuneAreas {

    public static final LocalDate REFORM_DATE = LocalDate.of(2025, 7, 1);
    private static final String RESOURCE = "/classification/commune_area.csv";

    private final Map<String, String> before;
    private final Map<String, String> after;

    private CommuneAreas(Map<String, String> before, Map<String, String> after) {
        this.before = before;
        this.after = after;
    }

    public static CommuneAreas bundled() {
        Map<String, String> before = new HashMap<>();
        Map<String, String> after = new HashMap<>();
        try (InputStream in = CommuneAreas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord row : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                ("pre2025".equals(row.get("unit_set")) ? before : after).put(row.get("code"), row.get("urban_rural"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CommuneAreas(before, after);
    }

    /** The area of the commune on the date, or empty for an unknown commune code. */
    public Optional<Area> areaOf(String communeCode, LocalDate date, PovertyStandard standard) {
        String type = (date.isBefore(REFORM_DATE) ? before : after).get(communeCode);
        if (type == null) {
            return Optional.empty();
        }
        if ("special".equals(type)) {
            type = standard.parameter("special_zone_area").map(Parameter::value).orElse("rural");
        }
        return Optional.of("urban".equals(type) ? Area.URBAN : Area.RURAL);
    }
}
