package vn.giamngheo.standard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.standard.rules.Households.ND07;
import static vn.giamngheo.standard.rules.Households.ND351;
import static vn.giamngheo.standard.rules.Households.QD59;
import static vn.giamngheo.standard.rules.Households.REFERENCE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.Coded;
import vn.giamngheo.exchange.Education;
import vn.giamngheo.exchange.Employment;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HousingQuality;
import vn.giamngheo.exchange.InfoDevice;
import vn.giamngheo.exchange.MemberRecord;
import vn.giamngheo.exchange.Sex;
import vn.giamngheo.exchange.Toilet;
import vn.giamngheo.exchange.WaterSource;

/**
 * The explanation is read aloud to the family: for a household deprived on each indicator of each standard,
 * the Vietnamese and English sentences say the facts in words, with no code of the exchange format.
 */
class ExplanationWordingTest {

    private static final ExplanationRenderer VI = new ExplanationRenderer(ExplanationRenderer.VIETNAMESE);
    private static final ExplanationRenderer EN = new ExplanationRenderer(Locale.ENGLISH);

    /** Every code of the code lists that explanations speak of, and yes/no: none may appear in Vietnamese. */
    private static final Pattern ENGLISH_CODE_WORD = Pattern.compile("\\b(" + String.join("|", codeWords()) + ")\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private final PovertyClassifier classifier = new PovertyClassifier();

    private static List<String> codeWords() {
        List<String> words = new ArrayList<>(List.of("yes", "no"));
        for (Class<?> type : List.of(HousingQuality.class, WaterSource.class, Toilet.class, Education.class,
                Employment.class, InfoDevice.class)) {
            for (Object constant : type.getEnumConstants()) {
                for (String word : ((Coded) constant).code().split("_")) {
                    if (word.length() > 1 && !words.contains(word)) {
                        words.add(word);
                    }
                }
            }
        }
        return words;
    }

    private static HouseholdData base() {
        return Households.withIncome(Area.RURAL, 1_000_000, 0);
    }

    private static HouseholdData household(UnaryOperator<HouseholdEditFacts> edit) {
        return edit.apply(new HouseholdEditFacts(base())).data;
    }

    /** A child of the household, by default well nourished and at school at the level right for the age. */
    private static MemberEdit child(int no, String name, int age) {
        return new MemberEdit(Households.adult(no, name, REFERENCE.minusYears(age).minusDays(10), Sex.FEMALE))
                .employment(Employment.STUDENT).education(Education.PRIMARY).malnourished(false).inSchool(true)
                .levelAppropriate(true);
    }

    private static MemberEdit secondAdult() {
        return new MemberEdit(Households.twoAdults().get(1));
    }

    /** Small mutable holder so that each row of the table reads as one edit of the base household. */
    static final class HouseholdEditFacts {
        HouseholdData data;

        HouseholdEditFacts(HouseholdData data) {
            this.data = data;
        }

        HouseholdEditFacts house(UnaryOperator<HouseholdEdit> edit) {
            data = new HouseholdData(edit.apply(Households.household(data.household())).build(), data.members());
            return this;
        }

        HouseholdEditFacts member(int index, MemberRecord member) {
            data = Households.withMembers(data, Households.replaced(data.members(), index, member));
            return this;
        }
    }

    static Stream<Arguments> deprivations() {
        return Stream.of(
                Arguments.of("employment", "unemployed", household(h -> h.member(1,
                        secondAdult().employment(Employment.UNEMPLOYED).build()))),
                Arguments.of("employment", "wage without contract", household(h -> h.member(1,
                        secondAdult().employment(Employment.WAGE_NO_CONTRACT).build()))),
                Arguments.of("dependants", "nobody able to work", household(h -> h
                        .member(0, new MemberEdit(Households.twoAdults().get(0)).workingCapacity(false).build())
                        .member(1, secondAdult().workingCapacity(false).build()))),
                Arguments.of("nutrition", "malnourished child", household(h -> h.member(2,
                        child(3, "Lê Thị Cúc", 4).malnourished(true).build()))),
                Arguments.of("health_insurance", "uninsured adult", household(h -> h.member(1,
                        secondAdult().insurance(false).build()))),
                Arguments.of("health_care_access", "sick and untreated", household(h -> h.member(1,
                        secondAdult().sickUntreated(true).build()))),
                Arguments.of("adult_education", "young adult with primary education", household(h -> h.member(2,
                        new MemberEdit(Households.adult(3, "Lê Văn Cường", LocalDate.of(2004, 5, 1), Sex.MALE))
                                .education(Education.PRIMARY).build()))),
                Arguments.of("adult_education", "young adult with no schooling", household(h -> h.member(2,
                        new MemberEdit(Households.adult(3, "Lê Văn Cường", LocalDate.of(2004, 5, 1), Sex.MALE))
                                .education(Education.NONE).build()))),
                Arguments.of("child_schooling", "child not in school", household(h -> h.member(2,
                        child(3, "Lê Thị Cúc", 10).inSchool(false).build()))),
                Arguments.of("child_schooling", "child at the wrong level (not a deprivation under QD59)",
                        household(h -> h.member(2, child(3, "Lê Thị Cúc", 10).levelAppropriate(false).build()))),
                Arguments.of("housing_quality", "makeshift", household(h -> h.house(e -> e
                        .housing(HousingQuality.MAKESHIFT)))),
                Arguments.of("housing_quality", "less durable", household(h -> h.house(e -> e
                        .housing(HousingQuality.LESS_DURABLE)))),
                Arguments.of("housing_area", "small dwelling", household(h -> h.house(e -> e
                        .floor(new java.math.BigDecimal("15"))))),
                Arguments.of("water_source", "surface water", household(h -> h.house(e -> e
                        .water(WaterSource.SURFACE_WATER)))),
                Arguments.of("water_source", "unprotected dug well", household(h -> h.house(e -> e
                        .water(WaterSource.UNPROTECTED_DUG_WELL)))),
                Arguments.of("sanitation", "hanging toilet", household(h -> h.house(e -> e.toilet(Toilet.HANGING)))),
                Arguments.of("sanitation", "no toilet", household(h -> h.house(e -> e.toilet(Toilet.NONE)))),
                Arguments.of("telecom_use", "no internet nor phone", household(h -> h.house(e -> e.internet(false)
                        .telephone(false)))),
                Arguments.of("information_devices", "no device, no loudspeaker", household(h -> h.house(e -> e
                        .devices(Set.of()).loudspeaker(false)))),
                Arguments.of("information_assets", "no device, no loudspeaker", household(h -> h.house(e -> e
                        .devices(Set.of(InfoDevice.PHONE)).loudspeaker(false)))),
                Arguments.of("waste_treatment", "waste neither collected nor treated", household(h -> h.house(e -> e
                        .waste(false)))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("deprivations")
    void everyDeprivationIsExplainedInWordsWithoutCodes(String indicator, String situation, HouseholdData data) {
        int standards = 0;
        for (PovertyStandard standard : List.of(ND07, ND351, QD59)) {
            if (!standard.indicators().contains(indicator) || standard == QD59 && situation.contains("QD59")) {
                continue;
            }
            standards++;
            Classification result = classifier.classify(decision59Facts(standard, data), standard, REFERENCE);
            assertThat(result.deprived()).as(standard.code()).contains(indicator);

            List<String> vi = VI.render(result.explanation());
            List<String> en = EN.render(result.explanation());
            String viName = VI.render(Message.of("classification.indicator." + indicator));
            String enName = EN.render(Message.of("classification.indicator." + indicator));
            assertThat(vi).as(standard.code()).anyMatch(s -> s.startsWith("Thiếu hụt " + viName + ": "));
            assertThat(en).as(standard.code()).anyMatch(s -> s.startsWith("Deprived on " + enName + ": "));
            for (String sentence : vi) {
                assertWords(standard, sentence);
                assertThat(ENGLISH_CODE_WORD.matcher(sentence).find()).as(standard.code() + ": " + sentence).isFalse();
            }
            en.forEach(sentence -> assertWords(standard, sentence));
        }
        assertThat(standards).isPositive();
    }

    /** Decision 59 also needs to know whether a sick member went untreated; the base household says no. */
    private static HouseholdData decision59Facts(PovertyStandard standard, HouseholdData data) {
        if (standard != QD59) {
            return data;
        }
        return Households.withMembers(data, data.members().stream()
                .map(m -> m.sickUntreated() != null ? m : new MemberEdit(m).sickUntreated(false).build()).toList());
    }

    private static void assertWords(PovertyStandard standard, String sentence) {
        assertThat(sentence).as(standard.code()).doesNotContain("_", "=", "{", "}", " ;", "null");
    }

    @Test
    void everyCodeThatAnExplanationCanNameIsInBothBundles() {
        for (Locale locale : List.of(ExplanationRenderer.VIETNAMESE, Locale.ENGLISH)) {
            ResourceBundle bundle = ResourceBundle.getBundle(ExplanationRenderer.BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (var field : List.of(
                    new Object[] {"housing_quality", HousingQuality.values()},
                    new Object[] {"water_source", WaterSource.values()},
                    new Object[] {"toilet", Toilet.values()},
                    new Object[] {"education", Education.values()},
                    new Object[] {"employment", Employment.values()},
                    new Object[] {"info_devices", InfoDevice.values()})) {
                for (Coded code : (Coded[]) field[1]) {
                    String key = "classification.value." + field[0] + "." + code.code();
                    assertThat(bundle.containsKey(key)).as(locale + " " + key).isTrue();
                    assertThat(bundle.getString(key)).as(key).doesNotContain("_");
                }
            }
        }
    }

    @Test
    void listsOfCodesAreJoinedWithCommasAndOr() {
        Message cutOff = Message.of("classification.cutoff.housing_quality",
                new CodeList("housing_quality", List.of("semi_durable", "less_durable", "makeshift")));

        assertThat(VI.render(cutOff)).isEqualTo("nhà ở bán kiên cố, thiếu kiên cố hoặc đơn sơ");
        assertThat(EN.render(cutOff)).isEqualTo("the dwelling is semi-durable, less durable or makeshift");
        assertThat(VI.render(Message.of("classification.cutoff.housing_quality",
                new CodeList("housing_quality", List.of("makeshift"))))).isEqualTo("nhà ở đơn sơ");
    }

    @Test
    void aCodeTheBundlesDoNotKnowIsShownAsItIsRatherThanFailing() {
        assertThat(VI.value("water_source", "mountain_lake")).isEqualTo("mountain_lake");
    }

    @Test
    void theEvidenceOfIndicatorsWithoutDeprivationAlsoReadsInWords() {
        for (PovertyStandard standard : List.of(ND07, ND351, QD59)) {
            Classification result = classifier.classify(decision59Facts(standard, base()), standard, REFERENCE);
            assertThat(result.deprived()).isEmpty();
            for (IndicatorResult indicator : result.indicators()) {
                String vi = VI.render(indicator.evidence());
                assertWords(standard, vi);
                assertThat(ENGLISH_CODE_WORD.matcher(vi).find()).as(vi).isFalse();
                assertWords(standard, EN.render(indicator.evidence()));
            }
        }
        IndicatorResult device = IndicatorPolicies.policyFor("information_devices").orElseThrow()
                .assess(new HouseholdFacts(base(), ND07, REFERENCE));
        assertThat(VI.render(device.evidence())).isEqualTo("hộ có ti vi");
        assertThat(EN.render(device.evidence())).isEqualTo("the household has a TV");
    }

    @Test
    void everyFactThatCanBeMissingHasANameInWords() {
        for (String field : List.of("area", "malnourished", "school_level_appropriate", "sick_untreated",
                "telephone_use", "loudspeaker_reach", "waste_treatment")) {
            for (ExplanationRenderer renderer : List.of(VI, EN)) {
                assertThat(renderer.fieldName(field)).as(field).doesNotContain("_").isNotEqualTo(field);
            }
        }
        assertThat(VI.fieldName("waste_treatment")).isEqualTo("rác thải sinh hoạt có được thu gom, xử lý không");
    }
}
