package vn.giamngheo.standard.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.giamngheo.exchange.Employment;
import vn.giamngheo.exchange.InfoDevice;
import vn.giamngheo.exchange.MemberRecord;
import vn.giamngheo.exchange.Toilet;

/**
 * The table of indicator policies (exchange-format §2 codes → rule). Each rule reads its cut-offs from the
 * standard's parameters (so a provincial copy or a corrected value changes the rule without code) and
 * decides from facts, never from a typed "deprived" flag. The evidence is a clause per indicator whose
 * arguments are facts, {@link Code}s and {@link CodeList}s, so that the renderer can say it in words.
 */
public final class IndicatorPolicies {

    private static final Map<String, IndicatorPolicy> POLICIES = Map.ofEntries(
            Map.entry("employment", IndicatorPolicies::employment),
            Map.entry("dependants", IndicatorPolicies::dependants),
            Map.entry("nutrition", IndicatorPolicies::nutrition),
            Map.entry("health_insurance", IndicatorPolicies::healthInsurance),
            Map.entry("health_care_access", IndicatorPolicies::healthCareAccess),
            Map.entry("adult_education", IndicatorPolicies::adultEducation),
            Map.entry("child_schooling", IndicatorPolicies::childSchooling),
            Map.entry("housing_quality", IndicatorPolicies::housingQuality),
            Map.entry("housing_area", IndicatorPolicies::housingArea),
            Map.entry("water_source", IndicatorPolicies::waterSource),
            Map.entry("sanitation", IndicatorPolicies::sanitation),
            Map.entry("telecom_use", IndicatorPolicies::telecomUse),
            Map.entry("information_devices", f -> informationDevices("information_devices", f)),
            Map.entry("information_assets", f -> informationDevices("information_assets", f)),
            Map.entry("waste_treatment", IndicatorPolicies::wasteTreatment));

    private IndicatorPolicies() {
    }

    public static Optional<IndicatorPolicy> policyFor(String indicator) {
        return Optional.ofNullable(POLICIES.get(indicator));
    }

    /** ≥ 1 working-age member is unemployed or works for wages without a labour contract [S2]. */
    static IndicatorResult employment(HouseholdFacts f) {
        int workingAgeMin = f.intParameter("working_age_min");
        return MemberRule.assess("employment", f, Message.of("classification.cutoff.employment", workingAgeMin),
                m -> f.isWorkingAge(m, workingAgeMin),
                m -> m.employment() == Employment.UNEMPLOYED || m.employment() == Employment.WAGE_NO_CONTRACT,
                m -> new Code("employment", m.employment().code()));
    }

    /** Dependants are more than {@code dependants_share_max} of the members [S2/?]. */
    static IndicatorResult dependants(HouseholdFacts f) {
        int childUnder = f.intParameter("dependant_child_age_under");
        List<String> disabilities = f.listParameter("dependant_disabilities");
        long count = f.members().stream().filter(m -> isDependant(f, m, childUnder, disabilities)).count();
        int members = f.members().size();
        // a household without members (left empty by a split, or imported without its members) has no dependants
        BigDecimal share = members == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(members), 4, RoundingMode.HALF_UP);
        BigDecimal max = f.decimalParameter("dependants_share_max");
        boolean deprived = share.compareTo(max) > 0;
        return new IndicatorResult("dependants", deprived, Message.of("classification.evidence.dependants", count,
                members, Message.of("classification.cutoff.dependants", max.movePointRight(2), childUnder)));
    }

    static boolean isDependant(HouseholdFacts f, MemberRecord m, int childUnder, List<String> disabilities) {
        return f.age(m) < childUnder || f.reachedRetirementAge(m) || !m.workingCapacity()
                || (m.disability() != null && disabilities.contains(m.disability().code()));
    }

    /** ≥ 1 child under {@code nutrition_child_age_under} is malnourished [S2]. */
    static IndicatorResult nutrition(HouseholdFacts f) {
        int under = f.intParameter("nutrition_child_age_under");
        return MemberRule.assess("nutrition", f, Message.of("classification.cutoff.nutrition", under),
                m -> f.age(m) < under, m -> MemberRule.required(f, m, m.malnourished(), "malnourished"),
                m -> Message.of("classification.fact.malnourished"));
    }

    /** ≥ 1 member aged {@code health_insurance_min_age} or over has no health insurance [?]. */
    static IndicatorResult healthInsurance(HouseholdFacts f) {
        int minAge = f.intParameter("health_insurance_min_age");
        return MemberRule.assess("health_insurance", f, Message.of("classification.cutoff.health_insurance", minAge),
                m -> f.age(m) >= minAge, m -> !m.healthInsurance(),
                m -> Message.of("classification.fact.no-health-insurance"));
    }

    /** Decision 59: a sick member was not treated. */
    static IndicatorResult healthCareAccess(HouseholdFacts f) {
        return MemberRule.assess("health_care_access", f, Message.of("classification.cutoff.health_care_access"),
                m -> true, m -> MemberRule.required(f, m, m.sickUntreated(), "sick_untreated"),
                m -> Message.of("classification.fact.sick-untreated"));
    }

    /**
     * Decree 07/351: a member aged 16–30 not in school lacks the diploma for the age (16–under 18:
     * lower-secondary; 18–30: upper-secondary or vocational). Decision 59 (parameter
     * {@code adult_education_born_from}): a member aged 15 or over born in or after 1986, not in school,
     * without lower-secondary.
     */
    static IndicatorResult adultEducation(HouseholdFacts f) {
        int minAge = f.intParameter("adult_education_min_age");
        List<String> accepted = f.listParameter("adult_education_accepted");
        Optional<Parameter> bornFrom = f.standard().parameter("adult_education_born_from");
        if (bornFrom.isPresent()) {
            int year = bornFrom.get().asInt();
            return MemberRule.assess("adult_education", f, Message.of("classification.cutoff.adult_education_qd59",
                    minAge, String.valueOf(year)), m -> f.age(m) >= minAge && m.birthDate().year() >= year,
                    m -> !m.inSchool() && !accepted.contains(m.education().code()), IndicatorPolicies::education);
        }
        int maxAge = f.intParameter("adult_education_max_age");
        int olderFrom = f.intParameter("adult_education_older_from_age");
        List<String> acceptedYounger = f.listParameter("adult_education_accepted_younger");
        return MemberRule.assess("adult_education", f, Message.of("classification.cutoff.adult_education", minAge,
                olderFrom, maxAge), m -> f.age(m) >= minAge && f.age(m) <= maxAge,
                m -> !m.inSchool() && !(f.age(m) < olderFrom ? acceptedYounger : accepted)
                        .contains(m.education().code()), IndicatorPolicies::education);
    }

    private static Message education(MemberRecord m) {
        return Message.of("classification.fact.education", new Code("education", m.education().code()));
    }

    /** A child in the age range is not in school (or, where required, not at the right level for the age). */
    static IndicatorResult childSchooling(HouseholdFacts f) {
        int minAge = f.intParameter("child_schooling_min_age");
        int under = f.intParameter("child_schooling_age_under");
        boolean level = f.booleanParameter("child_schooling_requires_level");
        return MemberRule.assess("child_schooling", f, Message.of(level ? "classification.cutoff.child_schooling_level"
                : "classification.cutoff.child_schooling", minAge, under),
                m -> f.age(m) >= minAge && f.age(m) < under,
                m -> !m.inSchool() || (level && !MemberRule.required(f, m, m.schoolLevelAppropriate(),
                        "school_level_appropriate")),
                m -> Message.of(!m.inSchool() ? "classification.fact.not-in-school"
                        : "classification.fact.school-level-inappropriate"));
    }

    static IndicatorResult housingQuality(HouseholdFacts f) {
        List<String> deprivedKinds = f.listParameter("deprived_housing");
        String value = f.household().housingQuality().code();
        return new IndicatorResult("housing_quality", deprivedKinds.contains(value), Message.of(
                "classification.evidence.housing_quality", new Code("housing_quality", value),
                Message.of("classification.cutoff.housing_quality", new CodeList("housing_quality", deprivedKinds))));
    }

    static IndicatorResult housingArea(HouseholdFacts f) {
        BigDecimal min = f.decimalParameter("floor_area_per_person_min");
        // a household without members (left empty by a split, or loaded without its members) is not crowded
        BigDecimal perPerson = f.members().isEmpty() ? f.household().floorAreaM2()
                : f.household().floorAreaM2().divide(BigDecimal.valueOf(f.members().size()), 2, RoundingMode.HALF_UP);
        boolean deprived = f.household().floorAreaM2()
                .compareTo(min.multiply(BigDecimal.valueOf(f.members().size()))) < 0;
        return new IndicatorResult("housing_area", deprived, Message.of("classification.evidence.housing_area",
                perPerson, Message.of("classification.cutoff.housing_area", min)));
    }

    static IndicatorResult waterSource(HouseholdFacts f) {
        List<String> clean = f.listParameter("clean_water_sources");
        String value = f.household().waterSource().code();
        return new IndicatorResult("water_source", !clean.contains(value), Message.of(
                "classification.evidence.water_source", new Code("water_source", value),
                Message.of("classification.cutoff.water_source", new CodeList("water_source", clean))));
    }

    static IndicatorResult sanitation(HouseholdFacts f) {
        List<String> hygienic = f.listParameter("hygienic_toilets");
        Toilet toilet = f.household().toilet();
        Message cutOff = Message.of("classification.cutoff.sanitation", new CodeList("toilet", hygienic));
        return new IndicatorResult("sanitation", !hygienic.contains(toilet.code()), toilet == Toilet.NONE
                ? Message.of("classification.evidence.sanitation-none", cutOff)
                : Message.of("classification.evidence.sanitation", new Code("toilet", toilet.code()), cutOff));
    }

    /** No member uses internet services (Decision 59: and no member has a phone subscription). */
    static IndicatorResult telecomUse(HouseholdFacts f) {
        boolean internet = f.household().internetUse();
        if (!f.booleanParameter("telecom_counts_telephone")) {
            return new IndicatorResult("telecom_use", !internet, Message.of(internet
                    ? "classification.evidence.telecom_use.internet" : "classification.evidence.telecom_use.none"));
        }
        Boolean phone = f.household().telephoneUse();
        if (!internet && phone == null) {
            throw f.missing("telephone_use", "needed by " + f.standard().code() + " when nobody uses internet");
        }
        boolean deprived = !internet && !phone;
        return new IndicatorResult("telecom_use", deprived, Message.of(internet
                ? "classification.evidence.telecom_use.internet" : phone
                        ? "classification.evidence.telecom_use.phone"
                        : "classification.evidence.telecom_use.none-with-phone"));
    }

    /** No counted information device and no reach of the commune/village loudspeakers [?]. */
    static IndicatorResult informationDevices(String indicator, HouseholdFacts f) {
        List<String> counted = f.listParameter("information_devices_counted");
        Optional<InfoDevice> device = f.household().infoDevices().stream()
                .filter(d -> counted.contains(d.code())).sorted().findFirst();
        if (device.isPresent()) {
            return new IndicatorResult(indicator, false, Message.of("classification.evidence.information_devices.device",
                    new Code("info_devices", device.get().code())));
        }
        Boolean loudspeaker = f.household().loudspeakerReach();
        if (loudspeaker == null) {
            throw f.missing("loudspeaker_reach", "needed by " + indicator + " when the household has no counted device");
        }
        return new IndicatorResult(indicator, !loudspeaker, Message.of(loudspeaker
                ? "classification.evidence.information_devices.loudspeaker"
                : "classification.evidence.information_devices.none", new CodeList("info_devices", counted)));
    }

    /** Decree 351: household waste is neither collected nor treated [? cut-off]. */
    static IndicatorResult wasteTreatment(HouseholdFacts f) {
        Boolean treated = f.household().wasteTreatment();
        if (treated == null) {
            throw f.missing("waste_treatment", "needed by " + f.standard().code());
        }
        return new IndicatorResult("waste_treatment", !treated, Message.of(treated
                ? "classification.evidence.waste_treatment.treated" : "classification.evidence.waste_treatment.untreated"));
    }
}
