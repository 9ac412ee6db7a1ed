package vn.giamngheo.household.importing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import vn.giamngheo.standard.rules.Classification;
import vn.giamngheo.standard.rules.MissingFactException;
import vn.giamngheo.standard.rules.PovertyClassifier;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.household.CommuneRef;
import vn.giamngheo.household.HouseholdClassifier;

/**
 * Classifies the households of one import in memory, before anything is written: under the standard of the
 * lists under review in each household's province (looked up once per province), as a saved household is.
 * A household that lacks a fact the standard needs is stored unclassified, as on the form.
 */
final class ImportClassifier {

    /** The outcome for one household: its classification (null: a fact missing) and the standard used. */
    record Classified(Classification classification, PovertyStandard standard) {

        String status() {
            return classification == null ? null : classification.status().code();
        }

        Integer deprivationCount() {
            return classification == null ? null : classification.deprivationCount();
        }
    }

    private final PovertyClassifier classifier = new PovertyClassifier();
    private final HouseholdClassifier standards;
    private final LocalDate today;
    private final Map<String, PovertyStandard> byProvince = new HashMap<>();

    ImportClassifier(HouseholdClassifier standards, LocalDate today) {
        this.standards = standards;
        this.today = today;
    }

    Classified classify(HouseholdData data, CommuneRef commune) {
        PovertyStandard standard = byProvince.computeIfAbsent(commune.provinceCode(), standards::currentStandard);
        try {
            return new Classified(classifier.classify(data, standard, today,
                    "urban".equals(commune.areaType()) ? Area.URBAN : Area.RURAL), standard);
        } catch (MissingFactException e) {
            return new Classified(null, standard);
        }
    }
}
