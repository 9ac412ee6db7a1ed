package vn.giamngheo.generation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Where generated households live: the 3,321 communes of the 2025 map, each in one of the six socio-economic
 * regions, and how many households each commune gets. The published review of 2024 gives the number of
 * households of each region (poor plus near-poor households divided by their rate); a region's households are
 * spread evenly over its communes (no per-commune counts are published), and the counts of all communes are
 * scaled to the number asked for by the largest-remainder method, so they add up exactly.
 */
public final class NationalPlan {

    /** A commune of the 2025 map. */
    public record Commune(String code, String provinceCode, boolean urban, Region region) {
    }

    /** A region with its published figures of 2024 and the assumed minority share. */
    public record Region(String code, String name, long households, double poorAndNearPoorRate, double minorityShare) {
    }

    private final List<Commune> communes;
    private final Map<String, Region> regions;

    NationalPlan(List<Commune> communes, Map<String, Region> regions) {
        this.communes = List.copyOf(communes);
        this.regions = regions;
    }

    /** The plan from the bundled unit lists and the regional figures. */
    public static NationalPlan bundled() {
        Map<String, Region> regions = new LinkedHashMap<>();
        read("/generation/regions_2024.csv", r -> {
            long count = Long.parseLong(r.get("poor_plus_near_poor"));
            double rate = Double.parseDouble(r.get("rate_percent")) / 100;
            regions.put(r.get("region"), new Region(r.get("region"), r.get("name_vi"), Math.round(count / rate), rate,
                    Double.parseDouble(r.get("minority_share"))));
        });
        Map<String, String> oldProvinceRegion = new HashMap<>();
        read("/geography/vn_pre2025_provinces.csv", r -> oldProvinceRegion.put(r.get("code"),
                regionOf(r.get("code"), r.get("region_name"))));
        Map<String, String> newCommuneRegion = new HashMap<>();
        Map<String, String> newProvinceRegion = new HashMap<>();
        read("/geography/vn_commune_crosswalk_2025_nso.csv", r -> {
            String region = oldProvinceRegion.get(r.get("old_province_code"));
            newCommuneRegion.putIfAbsent(r.get("new_commune_code"), region);
            newProvinceRegion.putIfAbsent(r.get("new_province_code"), region);
        });
        List<Commune> communes = new ArrayList<>();
        read("/geography/vn_2025_communes.csv", r -> {
            // a few codes of the official crosswalk are wrong (see its erratum column): then the province's region
            String region = newCommuneRegion.getOrDefault(r.get("code"), newProvinceRegion.get(r.get("province_code")));
            if (region == null) {
                throw new IllegalStateException("commune " + r.get("code") + " has no region");
            }
            communes.add(new Commune(r.get("code"), r.get("province_code"), "urban".equals(r.get("urban_rural")),
                    regions.get(region)));
        });
        communes.sort(Comparator.comparing(Commune::code));
        return new NationalPlan(communes, regions);
    }

    /** The six-region code of a pre-2025 province from its eight-region label. */
    static String regionOf(String provinceCode, String eightRegionLabel) {
        if ("22".equals(provinceCode)) {
            return "RRD"; // Quảng Ninh: Northeast in the eight regions, Red River Delta in the six
        }
        return switch (eightRegionLabel) {
            case "Đồng bằng sông Hồng" -> "RRD";
            case "Đông Bắc Bộ", "Tây Bắc Bộ" -> "NMM";
            case "Bắc Trung Bộ", "Duyên hải Nam Trung Bộ" -> "NCC";
            case "Tây Nguyên" -> "CH";
            case "Đông Nam Bộ" -> "SE";
            case "Đồng bằng sông Cửu Long" -> "MRD";
            default -> throw new IllegalStateException("unknown region " + eightRegionLabel + " of province " + provinceCode);
        };
    }

    public List<Commune> communes() {
        return communes;
    }

    public Map<String, Region> regions() {
        return regions;
    }

    /** The communes of a province of the 2025 map, or all communes for {@code "all"}. */
    public List<Commune> communesOf(String province) {
        return "all".equals(province) ? communes
                : communes.stream().filter(c -> c.provinceCode().equals(province)).toList();
    }

    /**
     * How many of {@code total} households each commune gets (in the order of {@code chosen}): proportional to
     * its region's households per commune, rounded by largest remainder.
     */
    public long[] allocate(List<Commune> chosen, long total) {
        Map<Region, Long> communesPerRegion = new HashMap<>();
        communes.forEach(c -> communesPerRegion.merge(c.region(), 1L, Long::sum));
        double[] weights = new double[chosen.size()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            Region r = chosen.get(i).region();
            weights[i] = (double) r.households() / communesPerRegion.get(r);
            sum += weights[i];
        }
        long[] counts = new long[weights.length];
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            counts[i] = (long) Math.floor(exact);
            remainders[i] = exact - counts[i];
            given += counts[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> remainders[a] != remainders[b] ? Double.compare(remainders[b], remainders[a])
                : Integer.compare(a, b));
        for (int k = 0; given < total; k++, given++) {
            counts[order[k % order.length]]++;
        }
        return counts;
    }

    private static void read(String resource, Consumer<CSVRecord> row) {
        try (InputStream in = NationalPlan.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing");
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            format.parse(new InputStreamReader(in, StandardCharsets.UTF_8)).forEach(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
