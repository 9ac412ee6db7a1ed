package vn.giamngheo.household;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.classification.Classification;
import vn.giamngheo.classification.ExplanationRenderer;
import vn.giamngheo.classification.MissingFactException;
import vn.giamngheo.classification.PovertyClassifier;
import vn.giamngheo.classification.PovertyStandard;
import vn.giamngheo.classification.StandardSchedule;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.standard.StandardRegistry;

/**
 * Keeps every household's classification fresh: on each save it is classified under the standard of the
 * lists the current review produces (a review from 1 September decides the next year's lists), and the
 * result is stored on the household for lists, filters and figures.
 */
@Component
class HouseholdClassifier implements HouseholdChangeListener {

    private final PovertyClassifier classifier = new PovertyClassifier();
    private final StandardRegistry standards;
    private final JdbcClient jdbc;
    private final Clock clock;

    HouseholdClassifier(StandardRegistry standards, JdbcClient jdbc, Clock clock) {
        this.standards = standards;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The lists year of the review under way on {@code date}. */
    static int reviewListYear(LocalDate date) {
        return StandardSchedule.reviewListYear(date);
    }

    /** The standard of the lists under review, the province's own one where it has one. */
    PovertyStandard currentStandard(String provinceCode) {
        return standards.standardForList(reviewListYear(LocalDate.now(clock)), provinceCode);
    }

    Classification classify(Household h) {
        return classifier.classify(ExchangeMapping.toData(h), currentStandard(h.provinceCode()), LocalDate.now(clock),
                "urban".equals(h.communeAreaType()) ? Area.URBAN : Area.RURAL);
    }

    /** What the household page shows: the status and the explanation in the reader's language. */
    ClassificationView view(Household h, Locale locale) {
        try {
            Classification c = classify(h);
            return new ClassificationView(c.status().code(), c.standard(), c.deprivationCount(), c.deprived(),
                    c.socialProtection(), new ExplanationRenderer(locale).render(c.explanation()), null, null);
        } catch (MissingFactException e) {
            return new ClassificationView(null, currentStandard(h.provinceCode()).code(), 0, List.of(), false, List.of(), e.field(),
                    new ExplanationRenderer(locale).fieldName(e.field()));
        }
    }

    @Override
    public void householdChanged(Household h) {
        String status = null;
        Integer count = null;
        PovertyStandard used = currentStandard(h.provinceCode());
        String standard = used.code();
        try {
            Classification c = classify(h);
            status = c.status().code();
            count = c.deprivationCount();
        } catch (MissingFactException e) {
            // stored as unclassified; the household page names the missing fact
        }
        jdbc.sql("""
                        UPDATE household SET poverty_status = :s, deprivation_count = :n, classified_standard = :std,
                               classified_standard_version = :version, classified_at = now()
                        WHERE province_code = :p AND id = :id""")
                .param("s", status).param("n", count).param("std", standard).param("version", used.version())
                .param("p", h.provinceCode()).param("id", h.id())
                .update();
    }

    /**
     * {@code missingField}: the exchange-format field a rule needed and the household lacks, if any;
     * {@code missingFieldName}: the same in the reader's words.
     */
    public record ClassificationView(String status, String standard, int deprivationCount, List<String> deprived,
                                     boolean socialProtection, List<String> lines, String missingField,
                                     String missingFieldName) {
    }
}
