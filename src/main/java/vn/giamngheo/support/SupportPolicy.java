package vn.giamngheo.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.giamngheo.population.PopulationGroup;
import vn.giamngheo.support.rules.Beneficiary;
import vn.giamngheo.support.rules.EntitlementRule;
import vn.giamngheo.support.rules.Qualifier;

/**
 * A policy of the catalogue (table support_policy) with its entitlement rule, benefit and sources; national
 * ({@code provinceCode} null) or a province's own; {@code populationGroup} a code of {@link PopulationGroup} and
 * {@code areaClass} a code of the area-class catalogue, null when the rule has no such condition.
 */
public record SupportPolicy(long id, String code, String nameVi, String nameEn, String beneficiary,
                            List<String> statuses, Integer escapeWindowMonths, Boolean ethnicMinority,
                            Boolean socialProtection, Boolean merit, String area, Integer minAge, Integer maxAge,
                            LocalDate validFrom, LocalDate validTo, String benefitKind, Long amountVnd, String amountUnit,
                            BigDecimal sharePercent, String fundingSource, String programmeItem, String legalSource,
                            String confidence, String note, boolean active, int version, String provinceCode,
                            String populationGroup, String areaClass) {

    public static final List<String> BENEFIT_KINDS = List.of("cash", "in_kind", "card", "credit", "service");
    public static final List<String> FUNDING_SOURCES = List.of("central_budget", "local_budget", "social_policy_bank",
            "health_insurance_fund", "mobilised", "mixed");
    public static final List<String> CONFIDENCES = List.of("S", "S2", "?");

    public EntitlementRule rule() {
        Set<Qualifier> qualifiers = statuses.stream().map(s -> Qualifier.fromCode(s).orElseThrow())
                .collect(Collectors.toSet());
        return new EntitlementRule(Beneficiary.of(beneficiary), qualifiers, escapeWindowMonths, ethnicMinority,
                socialProtection, merit, area, minAge, maxAge, validFrom, validTo,
                populationGroup, areaClass);
    }

    /** Whether the policy is the nation's (not one province's own). */
    public boolean national() {
        return provinceCode == null;
    }

    public boolean perPerson() {
        return "person".equals(beneficiary);
    }

    /** The name in the language of the page. */
    public String name(String language) {
        return "en".equals(language) ? nameEn : nameVi;
    }
}
