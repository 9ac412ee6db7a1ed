package vn.giamngheo.household;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.standard.rules.Classification;
import vn.giamngheo.standard.rules.ExplanationRenderer;
import vn.giamngheo.standard.rules.MissingFactException;
import vn.giamngheo.standard.rules.PovertyClassifier;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.standard.rules.StandardSchedule;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.standard.StandardRegistry;

/**
 * Keeps every household's classification fresh: on each save it is classified under the standard of the
 * lists the current review produces (a review from 1 September decides the next year's lists), and the
 * result is stored on the household for lists, filters and figures.
 */
@Component
public class HouseholdClassifier implements HouseholdChangeListener {

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
    public static int reviewListYear(LocalDate date) {
        return StandardSchedule.reviewListYear(date);
    }

    /** The standard of the lists under review, the province's own one where it has one. */
    public PovertyStandard currentStandard(String provinceCode) {
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
                    c.socialProtection(), new ExplanationRenderer(locale).render(c.explanation()), null, null, List.of());
        } catch (MissingFactException e) {
            ExplanationRenderer renderer = new ExplanationRenderer(locale);
            List<MissingFact> missing = missingFacts(h, e).stream()
                    .map(f -> new MissingFact(f.key(), f.memberNo(), f.memberNo() == null ? null : memberName(h, f.memberNo()),
                            renderer.fieldName(f.key()), FactLink.editUrl(h.id(), f.memberNo(), f.key())))
                    .toList();
            return new ClassificationView(null, currentStandard(h.provinceCode()).code(), 0, List.of(), false, List.of(), e.field(),
                    renderer.fieldName(e.field()), missing);
        }
    }

    private static String memberName(Household h, int memberNo) {
        return h.members().stream().filter(m -> m.memberNo() == memberNo).map(Member::fullName).findFirst().orElse("");
    }

    /** A yes/no fact that may be left not recorded, of the household ({@code memberNo} null) or of a member. */
    record Fact(String key, Integer memberNo) {
    }

    private static final List<String> HOUSEHOLD_FACTS = List.of("telephone_use", "loudspeaker_reach", "waste_treatment");
    private static final List<String> MEMBER_FACTS = List.of("malnourished", "school_level_appropriate", "sick_untreated",
            "monthly_social_allowance", "merit_person");

    /**
     * Every fact the standard needs and the household lacks, not only the first one the classifier stopped at:
     * each fact not recorded is tried alone (all other facts not recorded given the answer that deprives nobody);
     * it is needed when the
     * classifier then stops at it. A missing fact outside the yes/no facts is reported as the classifier named it.
     */
    List<Fact> missingFacts(Household h, MissingFactException first) {
        List<Fact> unrecorded = new java.util.ArrayList<>();
        for (String key : HOUSEHOLD_FACTS) {
            if (householdValue(h, key) == null) {
                unrecorded.add(new Fact(key, null));
            }
        }
        for (Member m : h.members()) {
            for (String key : MEMBER_FACTS) {
                if (memberValue(m, key) == null) {
                    unrecorded.add(new Fact(key, m.memberNo()));
                }
            }
        }
        boolean known = unrecorded.stream().anyMatch(f -> f.key().equals(first.field()));
        if (!known) {
            return List.of(new Fact(first.field(), null));
        }
        List<Fact> needed = new java.util.ArrayList<>();
        for (Fact candidate : unrecorded) {
            try {
                classify(fillAllBut(h, candidate));
            } catch (MissingFactException e) {
                if (e.field().equals(candidate.key())) {
                    needed.add(candidate);
                }
            }
        }
        return needed.isEmpty() ? List.of(new Fact(first.field(), null)) : needed;
    }

    private static Boolean householdValue(Household h, String key) {
        return switch (key) {
            case "telephone_use" -> h.telephoneUse();
            case "loudspeaker_reach" -> h.loudspeakerReach();
            case "waste_treatment" -> h.wasteTreatment();
            default -> throw new IllegalArgumentException(key);
        };
    }

    private static Boolean memberValue(Member m, String key) {
        return switch (key) {
            case "malnourished" -> m.malnourished();
            case "school_level_appropriate" -> m.schoolLevelAppropriate();
            case "sick_untreated" -> m.sickUntreated();
            case "monthly_social_allowance" -> m.monthlySocialAllowance();
            case "merit_person" -> m.meritPerson();
            default -> throw new IllegalArgumentException(key);
        };
    }

    /**
     * The answer that deprives nobody, for each fact: filling the other facts with it lets the classifier go on
     * to every member (a rule stops at the first deprived member).
     */
    private static final java.util.Map<String, Boolean> NOT_DEPRIVED = java.util.Map.of("telephone_use", true,
            "loudspeaker_reach", true, "waste_treatment", true, "malnourished", false, "school_level_appropriate", true,
            "sick_untreated", false, "monthly_social_allowance", false, "merit_person", false);

    /** The household with every yes/no fact not recorded given its non-depriving answer, except {@code kept}. */
    private static Household fillAllBut(Household h, Fact kept) {
        java.util.function.BiFunction<String, Boolean, Boolean> household = (key, value) ->
                value != null || (kept.memberNo() == null && kept.key().equals(key)) ? value : NOT_DEPRIVED.get(key);
        List<Member> members = h.members().stream().map(m -> {
            java.util.function.BiFunction<String, Boolean, Boolean> fill = (key, value) ->
                    value != null || (kept.memberNo() != null && kept.memberNo() == m.memberNo() && kept.key().equals(key))
                            ? value : NOT_DEPRIVED.get(key);
            return new Member(m.id(), m.memberNo(), m.fullName(), m.idNumber(), m.birthDate(), m.birthYearOnly(), m.sex(),
                    m.ethnicity(), m.relation(), m.employment(), m.workingCapacity(), m.disability(),
                    fill.apply("monthly_social_allowance", m.monthlySocialAllowance()), m.healthInsurance(),
                    fill.apply("malnourished", m.malnourished()), m.education(), m.inSchool(),
                    fill.apply("school_level_appropriate", m.schoolLevelAppropriate()),
                    fill.apply("sick_untreated", m.sickUntreated()), fill.apply("merit_person", m.meritPerson()));
        }).toList();
        return new Household(h.id(), h.provinceCode(), h.householdCode(), h.communeId(), h.communeCode(), h.communeName(),
                h.communeAreaType(), h.villageId(), h.villageName(), h.area(), h.address(), h.referenceDate(),
                h.incomePerCapita(), h.b1Score(), h.housingQuality(), h.floorAreaM2(), h.waterSource(), h.toilet(),
                h.internetUse(), household.apply("telephone_use", h.telephoneUse()), h.infoDevices(),
                household.apply("loudspeaker_reach", h.loudspeakerReach()), household.apply("waste_treatment", h.wasteTreatment()),
                h.causes(), h.ethnicMinority(), h.meritHousehold(), h.socialProtection(), h.lifeStatus(), h.version(), members);
    }

    /**
     * A fact the household lacks, in the reader's words ({@code name}), for a member ({@code memberNo},
     * {@code memberName}) or the household (both null), with the link to its field on the edit form.
     */
    public record MissingFact(String key, Integer memberNo, String memberName, String name, String editUrl) {
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
     * {@code missingFieldName}: the same in the reader's words; {@code missingFacts}: every fact the standard
     * needs and the household lacks, each with its link to the edit form.
     */
    public record ClassificationView(String status, String standard, int deprivationCount, List<String> deprived,
                                     boolean socialProtection, List<String> lines, String missingField,
                                     String missingFieldName, List<MissingFact> missingFacts) {
    }
}
