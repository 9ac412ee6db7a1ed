package vn.giamngheo.field.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.household.ExchangeMapping;
import vn.giamngheo.household.Household;
import vn.giamngheo.review.ReviewRound;
import vn.giamngheo.standard.StandardRegistry;
import vn.giamngheo.standard.rules.Classification;
import vn.giamngheo.standard.rules.ExplanationRenderer;
import vn.giamngheo.standard.rules.MissingFactException;
import vn.giamngheo.standard.rules.PovertyClassifier;
import vn.giamngheo.standard.rules.PovertyStandard;

/**
 * The server's classification of a household under its round's standard (the version the round was opened with) on
 * the round's reference date, with the explanation in the reader's language: what the package carries and what a
 * change is answered with. The server is the authority; the device's own result is compared with it.
 */
@Component
class FieldClassifications {

    private final StandardRegistry standards;
    private final org.springframework.context.MessageSource messages;
    private final PovertyClassifier classifier = new PovertyClassifier();

    FieldClassifications(StandardRegistry standards, org.springframework.context.MessageSource messages) {
        this.standards = standards;
        this.messages = messages;
    }

    /** The standard of the round (its code and version). */
    PovertyStandard standardOf(ReviewRound round) {
        return standards.standard(round.standardCode(), round.standardVersion())
                .orElseThrow(() -> new IllegalStateException("standard " + round.standardCode() + " v" + round.standardVersion()));
    }

    /**
     * Whether the round's standard got a new version after the device's package was generated ({@code generatedAt},
     * an ISO instant): the device classified under rules the server no longer holds as newest.
     */
    boolean changedSince(ReviewRound round, String generatedAt) {
        java.time.Instant at;
        try {
            at = java.time.Instant.parse(generatedAt);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
        return standards.versions(round.standardCode()).stream()
                .anyMatch(v -> v.createdAt() != null && v.createdAt().toInstant().isAfter(at));
    }

    /** {@code {"status", "lines"}}: the status code (null when a fact the standard needs is missing) and the lines. */
    Map<String, Object> classify(Household h, ReviewRound round, PovertyStandard standard, Locale locale) {
        HouseholdData data = ExchangeMapping.toData(h);
        Map<String, Object> result = new LinkedHashMap<>();
        ExplanationRenderer renderer = new ExplanationRenderer(locale);
        try {
            Classification c = classifier.classify(data, standard, round.referenceDate(),
                    "urban".equals(h.communeAreaType()) ? Area.URBAN : Area.RURAL);
            result.put("status", c.status().code());
            result.put("lines", renderer.render(c.explanation()));
        } catch (MissingFactException e) {
            result.put("status", null);
            result.put("lines", List.of(messages.getMessage("fieldsync.missing-fact",
                    new Object[]{renderer.fieldName(e.field())}, e.field(), locale)));
            result.put("missingField", e.field());
        }
        return result;
    }
}
