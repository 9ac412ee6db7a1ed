package vn.giamngheo.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.giamngheo.classification.Households.ND07;
import static vn.giamngheo.classification.Households.ND351;
import static vn.giamngheo.classification.Households.QD59;
import static vn.giamngheo.classification.Households.REFERENCE;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdRecord;
import vn.giamngheo.exchange.MemberRecord;

class ClassificationRulesTest {

    private final PovertyClassifier classifier = new PovertyClassifier();

    private static HouseholdData noDevicesNoLoudspeakerNoWasteCollection() {
        HouseholdData data = Households.withIncome(Area.RURAL, 2_000_000, 0);
        HouseholdRecord h = Households.household(data.household()).devices(Set.of()).loudspeaker(false).waste(false)
                .build();
        return new HouseholdData(h, data.members());
    }

    @Test
    void decree351CountsWasteTreatmentAndNoLongerInformationDevices() {
        HouseholdData data = noDevicesNoLoudspeakerNoWasteCollection();

        Classification nd351 = classifier.classify(data, ND351, REFERENCE);
        Classification nd07 = classifier.classify(data, ND07, REFERENCE);

        assertThat(nd351.deprived()).containsExactly("waste_treatment");
        assertThat(nd351.indicators()).extracting(IndicatorResult::indicator).doesNotContain("information_devices")
                .hasSize(12);
        assertThat(nd07.deprived()).containsExactly("information_devices");
    }

    @Test
    void deprivedIndicatorsAreListedInTheOrderOfTheStandard() {
        HouseholdData data = Households.deprived(noDevicesNoLoudspeakerNoWasteCollection(), 5);

        assertThat(classifier.classify(data, ND351, REFERENCE).deprived()).containsExactly("housing_area",
                "housing_quality", "telecom_use", "water_source", "sanitation", "waste_treatment");
        assertThat(classifier.classify(data, ND07, REFERENCE).deprived()).containsExactly("housing_quality",
                "housing_area", "water_source", "sanitation", "telecom_use", "information_devices");
    }

    @Test
    void aMissingWasteFactUnderDecree351NamesTheHouseholdAndTheField() {
        HouseholdData data = Households.withIncome(Area.RURAL, 1_000_000, 0);
        HouseholdData noWaste = new HouseholdData(Households.household(data.household()).waste(null).build(),
                data.members());

        assertThatThrownBy(() -> classifier.classify(noWaste, ND351, REFERENCE))
                .isInstanceOfSatisfying(MissingFactException.class, e -> {
                    assertThat(e.householdCode()).isEqualTo("H1");
                    assertThat(e.field()).isEqualTo("waste_treatment");
                });
        assertThat(classifier.classify(noWaste, ND07, REFERENCE).status()).isEqualTo(Status.NEAR_POOR);
    }

    @Test
    void decision59NeedsTheTelephoneFactWhenNobodyUsesInternet() {
        HouseholdData data = Households.withIncome(Area.RURAL, 1_000_000, 0);
        HouseholdData noPhoneFact = new HouseholdData(Households.household(data.household()).internet(false)
                .telephone(null).build(), data.members());

        assertThatThrownBy(() -> classifier.classify(noPhoneFact, QD59, REFERENCE))
                .isInstanceOfSatisfying(MissingFactException.class, e -> assertThat(e.field()).isEqualTo("telephone_use"));
    }

    @Test
    void aChildWithoutTheMalnourishedFactCannotBeClassifiedUnderDecree07() {
        MemberRecord child = new MemberEdit(Households.adult(3, "Bé Ba", REFERENCE.minusYears(4), vn.giamngheo.exchange.Sex.MALE))
                .inSchool(true).levelAppropriate(true).build();
        HouseholdData data = Households.withMembers(Households.withIncome(Area.RURAL, 1_000_000, 0),
                Households.replaced(Households.twoAdults(), 2, child));

        assertThatThrownBy(() -> classifier.classify(data, ND07, REFERENCE))
                .isInstanceOfSatisfying(MissingFactException.class, e -> {
                    assertThat(e.field()).isEqualTo("malnourished");
                    assertThat(e.getMessage()).contains("Bé Ba");
                });
    }

    @Test
    void anEmptyAreaWithoutTheCommuneTypeIsAMissingFact() {
        HouseholdData data = Households.withIncome(null, 1_000_000, 0);

        assertThatThrownBy(() -> classifier.classify(data, ND07, REFERENCE))
                .isInstanceOfSatisfying(MissingFactException.class, e -> assertThat(e.field()).isEqualTo("area"));
        assertThat(classifier.classify(data, ND07, REFERENCE, Area.URBAN).area()).isEqualTo(Area.URBAN);
    }

    @Test
    void aPoorHouseholdWithNoMemberAbleToWorkIsASocialProtectionHouseholdUnlessTheCommuneSaysOtherwise() {
        List<MemberRecord> unable = Households.twoAdults().stream()
                .map(m -> new MemberEdit(m).workingCapacity(false).build()).toList();
        HouseholdData poor = Households.withMembers(Households.withIncome(Area.RURAL, 1_000_000, 3), unable);
        HouseholdData overridden = new HouseholdData(Households.household(poor.household()).socialProtection(false)
                .build(), unable);
        HouseholdData ableToWork = Households.withIncome(Area.RURAL, 1_000_000, 3);

        assertThat(classifier.classify(poor, ND07, REFERENCE).socialProtection()).isTrue();
        assertThat(classifier.classify(overridden, ND07, REFERENCE).socialProtection()).isFalse();
        assertThat(classifier.classify(ableToWork, ND07, REFERENCE).socialProtection()).isFalse();
    }

    @Test
    void theExplanationReadsAsSentencesInVietnameseAndEnglish() {
        Classification result = classifier.classify(Households.withIncome(Area.RURAL, 1_500_000, 3), ND07, REFERENCE);

        List<String> vi = new ExplanationRenderer(ExplanationRenderer.VIETNAMESE).render(result.explanation());
        List<String> en = new ExplanationRenderer(Locale.ENGLISH).render(result.explanation());

        assertThat(vi.get(0)).isEqualTo("Thu nhập bình quân 1.500.000 đồng/người/tháng, bằng hoặc thấp hơn chuẩn nghèo "
                + "nông thôn là 1.500.000 đồng.");
        assertThat(vi).contains("Hộ thiếu hụt 3 trên 12 chỉ số (ngưỡng 3).",
                "Quy tắc: thu nhập bằng hoặc thấp hơn chuẩn và thiếu hụt từ 3 chỉ số trở lên: hộ nghèo.",
                "Chuẩn ND07_2021, phiên bản 1 (Nghị định 07/2021/NĐ-CP).");
        assertThat(vi).anyMatch(s -> s.startsWith("Thiếu hụt chất lượng nhà ở: housing_quality = makeshift"));
        assertThat(en.get(0)).isEqualTo("Income of 1,500,000 VND per person per month is at or below the rural poverty "
                + "line of 1,500,000 VND.");
        assertThat(en).hasSameSizeAs(vi);
    }

    @Test
    void memberEvidenceNamesTheMemberTheValueAndTheCutOff() {
        List<MemberRecord> members = Households.replaced(Households.twoAdults(), 1,
                new MemberEdit(Households.twoAdults().get(1)).insurance(false).build());
        HouseholdData data = Households.withMembers(Households.withIncome(Area.RURAL, 1_000_000, 0), members);

        IndicatorResult result = classifier.classify(data, ND07, REFERENCE).indicators().stream()
                .filter(r -> r.indicator().equals("health_insurance")).findFirst().orElseThrow();

        assertThat(new ExplanationRenderer(Locale.ENGLISH).render(result.evidence())).isEqualTo(
                "member 2 Trần Thị Bình, aged 44: health_insurance = no (rule: a member aged 6 or over has no health "
                        + "insurance)");
    }
}
