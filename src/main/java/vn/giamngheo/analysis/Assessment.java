package vn.giamngheo.analysis;

import java.time.LocalDate;
import vn.giamngheo.standard.rules.Classification;
import vn.giamngheo.standard.rules.MissingFactException;
import vn.giamngheo.standard.rules.MissingParameterException;
import vn.giamngheo.standard.rules.PovertyClassifier;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.household.ExchangeMapping;
import vn.giamngheo.household.Household;

/**
 * One household under one standard, as the analyses see it.
 *
 * @param classification null when unclassifiable
 * @param missingFact    the fact (or standard parameter) that was missing, when unclassifiable
 */
record Assessment(Outcome outcome, Classification classification, String missingFact) {

    private static final PovertyClassifier CLASSIFIER = new PovertyClassifier();

    /** Classifies as the register does: the commune's area type (urban, else rural) unless the household gives one. */
    static Assessment of(HouseholdData data, String communeAreaType, PovertyStandard standard, LocalDate date) {
        try {
            Classification c = CLASSIFIER.classify(data, standard, date,
                    "urban".equals(communeAreaType) ? Area.URBAN : Area.RURAL);
            return new Assessment(Outcome.of(c.status()), c, null);
        } catch (MissingFactException e) {
            return new Assessment(Outcome.UNCLASSIFIABLE, null, e.field());
        } catch (MissingParameterException e) {
            return new Assessment(Outcome.UNCLASSIFIABLE, null, "standard: " + e.getMessage());
        }
    }

    static Assessment of(Household household, PovertyStandard standard, LocalDate date) {
        return of(ExchangeMapping.toData(household), household.communeAreaType(), standard, date);
    }

    Integer deprivationCount() {
        return classification == null ? null : classification.deprivationCount();
    }
}
