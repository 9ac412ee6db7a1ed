package vn.giamngheo.analysis.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The oracle data sets under {@code src/test/resources/analytics/oracle} (see PROVENANCE.md there) with
 * the specification under which their expected figures were published.
 */
public enum OracleDataSets {

    /** Benin DHS 2006, global MPI: nested equal weights over health, education, living standards; k = 33 %. */
    BEN_DHS06("ben_dhs06", CsvLayout.builder().id("ind_id").weight("weight").subgroup("area").subgroup("region").subgroup("sex")
            .indicators(List.of("d_nutr", "d_cm", "d_satt", "d_educ", "d_elct", "d_sani", "d_wtr", "d_hsg", "d_ckfl", "d_asst"))
            .build(), AlkireFosterSpec.equalNested(Fraction.parse("33%"), globalMpiDimensions())),

    /** eSwatini MICS 2014 teaching set: Nutrition 1/3, School 1/3, Water 1/6, Assets 1/6; k = 25 %. */
    SWZ_MICS14("swz_mics14", CsvLayout.builder().id("Household ID 2").weight("Weight").subgroup("area", "Area")
            .subgroup("region", "Region").indicators(List.of("Nutrition", "School", "Water", "Assets")).build(),
            AlkireFosterSpec.withWeights(Fraction.parse("25%"), List.of(
                    new Indicator("Nutrition", "Health", Fraction.of(1, 3)),
                    new Indicator("School", "Education", Fraction.of(1, 3)),
                    new Indicator("Water", "Living standards", Fraction.of(1, 6)),
                    new Indicator("Assets", "Living standards", Fraction.of(1, 6)))));

    private static final Map<OracleDataSets, List<AnalysisUnit>> UNITS = new ConcurrentHashMap<>();
    private static final Map<OracleDataSets, AlkireFosterResult> RESULTS = new ConcurrentHashMap<>();

    private final String name;
    private final CsvLayout layout;
    private final AlkireFosterSpec spec;

    OracleDataSets(String name, CsvLayout layout, AlkireFosterSpec spec) {
        this.name = name;
        this.layout = layout;
        this.spec = spec;
    }

    static Map<String, List<String>> globalMpiDimensions() {
        Map<String, List<String>> dimensions = new LinkedHashMap<>();
        dimensions.put("health", List.of("d_nutr", "d_cm"));
        dimensions.put("education", List.of("d_satt", "d_educ"));
        dimensions.put("living standards", List.of("d_elct", "d_sani", "d_wtr", "d_hsg", "d_ckfl", "d_asst"));
        return dimensions;
    }

    public String dataSetName() {
        return name;
    }

    public AlkireFosterSpec spec() {
        return spec;
    }

    public String resource() {
        return "/analytics/oracle/" + name + ".csv.gz";
    }

    /** Loads the units (once per JVM). */
    public List<AnalysisUnit> units() {
        return UNITS.computeIfAbsent(this, data -> data.load());
    }

    /** The result under the published specification (computed once per JVM). */
    public AlkireFosterResult result() {
        return RESULTS.computeIfAbsent(this, data -> AlkireFoster.compute(data.spec, data.units()));
    }

    private List<AnalysisUnit> load() {
        try (InputStream in = OracleDataSets.class.getResourceAsStream(resource())) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + resource());
            }
            return new UnitCsvLoader(layout).load(in, resource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static java.util.Optional<OracleDataSets> named(String name) {
        for (OracleDataSets data : values()) {
            if (data.name.equals(name)) {
                return java.util.Optional.of(data);
            }
        }
        return java.util.Optional.empty();
    }
}
