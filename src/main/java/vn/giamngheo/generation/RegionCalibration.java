package vn.giamngheo.generation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giamngheo.standard.rules.Classification;
import vn.giamngheo.standard.rules.PovertyClassifier;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.standard.rules.Classification;
import vn.giamngheo.standard.rules.PovertyClassifier;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Finds, for each region, the hardship shift with which the generated households of the region are classified
 * poor or near-poor at the published rate: bisection on a fixed sample (same seed at every step, so the share
 * moves monotonically with the shift), classified by the real classifier under the given standard.
 */
public final class RegionCalibration {

    /** The shift found and the share of poor plus near-poor households it gives on the sample. */
    public record Result(double shift, double sampleRate) {
    }

    private static final int SAMPLE = 1500;
    private static final int STEPS = 12;

    private RegionCalibration() {
    }

    public static Map<String, Result> calibrate(NationalPlan plan, PovertyStandard standard, LocalDate today) {
        Map<String, Result> results = new LinkedHashMap<>();
        for (NationalPlan.Region region : plan.regions().values()) {
            List<NationalPlan.Commune> communes = plan.communes().stream().filter(c -> c.region() == region).toList();
            double low = -1.5;
            double high = 1.0;
            double rate = Double.NaN;
            for (int step = 0; step < STEPS; step++) {
                double mid = (low + high) / 2;
                rate = rate(communes, region, mid, standard, today);
                if (rate < region.poorAndNearPoorRate()) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            double shift = (low + high) / 2;
            results.put(region.code(), new Result(shift, rate(communes, region, shift, standard, today)));
        }
        return results;
    }

    /** The share of poor plus near-poor households among {@value #SAMPLE} generated in the region's communes. */
    static double rate(List<NationalPlan.Commune> communes, NationalPlan.Region region, double shift,
                       PovertyStandard standard, LocalDate today) {
        SyntheticHouseholds source = new SyntheticHouseholds(region.code().hashCode(), today, 0);
        PovertyClassifier classifier = new PovertyClassifier();
        int poor = 0;
        for (int i = 0; i < SAMPLE; i++) {
            NationalPlan.Commune c = communes.get((int) ((long) i * 7919 % communes.size()));
            HouseholdData d = source.next(c.code(), "S" + i, c.urban(), region.minorityShare(), shift);
            Classification result = classifier.classify(d, standard, today, c.urban() ? Area.URBAN : Area.RURAL);
            if (result.status() == PovertyStatus.POOR || result.status() == PovertyStatus.NEAR_POOR) {
                poor++;
            }
        }
        return (double) poor / SAMPLE;
    }
}
