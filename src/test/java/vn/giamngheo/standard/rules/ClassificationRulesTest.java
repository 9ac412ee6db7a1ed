package vn.giamngheo.standard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.giamngheo.standard.rules.Households.ND07;
import static vn.giamngheo.standard.rules.Households.ND351;
import static vn.giamngheo.standard.rules.Households.QD59;
import static vn.giamngheo.standard.rules.Households.REFERENCE;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdRecord;
import vn.giamngheo.exchange.MemberRecord;
import vn.giamngheo.status.rules.PovertyStatus;

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
        assertThat(classifier.classify(noWaste, ND07, REFERENCE).status()).isEqualTo(PovertyStatus.NEAR_POOR);
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
                "Thiếu hụt chất lượng nhà ở: nhà ở đơn sơ (thiếu hụt khi nhà ở thiếu kiên cố hoặc đơn sơ).",
                "Thiếu hụt nguồn nước sinh hoạt: nguồn nước sinh hoạt là nước sông, suối, ao, hồ (thiếu hụt khi nguồn "
                        + "nước sinh hoạt không phải là nước máy, giếng khoan, giếng đào được bảo vệ, nước khe mó được "
                        + "bảo vệ, nước mưa hoặc nước đóng bình).",
                "Thiếu hụt nhà tiêu hợp vệ sinh: nhà tiêu của hộ thuộc loại cầu tiêu treo (thiếu hụt khi nhà tiêu không "
                        + "thuộc loại tự hoại, bán tự hoại, thấm dội nước, hai ngăn hoặc chìm có ống thông hơi).",
                "Quy tắc: thu nhập bằng hoặc thấp hơn chuẩn và thiếu hụt từ 3 chỉ số trở lên: hộ nghèo.",
                "Chuẩn nghèo áp dụng: Nghị định 07/2021/NĐ-CP, phiên bản 1.");
        assertThat(en.get(0)).isEqualTo("Income of 1,500,000 VND per person per month is at or below the rural poverty "
                + "line of 1,500,000 VND.");
        assertThat(en).contains("The household is deprived on 3 of 12 indicators (threshold 3).",
                "Deprived on housing quality: the dwelling is makeshift (deprived when the dwelling is less durable or "
                        + "makeshift).",
                "Deprived on clean water: the main water source is river, stream, pond or lake water (deprived when the "
                        + "main water source is not piped water, a drilled well, a protected dug well, a protected "
                        + "spring, rain water or bottled water).",
                "Deprived on hygienic toilet: the toilet is a latrine hanging over water (deprived when the toilet is "
                        + "not a septic tank, a semi-septic tank, a pour-flush latrine, a double-vault latrine or a "
                        + "ventilated pit latrine).",
                "Rule: income at or below the line and at least 3 deprivations: poor household.",
                "Poverty standard applied: Nghị định 07/2021/NĐ-CP, version 1.");
        assertThat(en).hasSameSizeAs(vi);
        assertThat(vi).noneMatch(s -> s.contains("_") || s.contains("=") || s.contains("{"));
    }

    @Test
    void memberEvidenceNamesTheMemberTheValueAndTheCutOff() {
        List<MemberRecord> members = Households.replaced(Households.twoAdults(), 1,
                new MemberEdit(Households.twoAdults().get(1)).insurance(false).build());
        HouseholdData data = Households.withMembers(Households.withIncome(Area.RURAL, 1_000_000, 0), members);

        IndicatorResult result = classifier.classify(data, ND07, REFERENCE).indicators().stream()
                .filter(r -> r.indicator().equals("health_insurance")).findFirst().orElseThrow();

        assertThat(new ExplanationRenderer(Locale.ENGLISH).render(result.evidence())).isEqualTo(
                "member 2, Trần Thị Bình, aged 44, has no health insurance (deprived when a member aged 6 or over has "
                        + "no health insurance)");
        assertThat(new ExplanationRenderer(ExplanationRenderer.VIETNAMESE).render(result.evidence())).isEqualTo(
                "thành viên số 2, Trần Thị Bình, 44 tuổi, không có bảo hiểm y tế (thiếu hụt khi có thành viên từ 6 tuổi "
                        + "trở lên không có bảo hiểm y tế)");
    }
}
