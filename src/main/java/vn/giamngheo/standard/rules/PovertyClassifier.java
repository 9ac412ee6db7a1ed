package vn.giamngheo.standard.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdRecord;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Classifies a household under a poverty standard.
 * <ul>
 * <li>Decision 59 ({@code two_path}): poor if income ≤ line (income-poor), or line &lt; income ≤ upper line
 * with ≥ threshold deprivations (deprivation-poor); near-poor if line &lt; income ≤ upper with fewer.</li>
 * <li>Decree 07 / 351 ({@code income_gate}): income is a gate; ≤ line and ≥ threshold deprivations → poor,
 * ≤ line and fewer → near-poor; above the line never poor or near-poor.</li>
 * <li>Otherwise average living standard when the income lies in the standard's average band, else not poor.</li>
 * <li>Without an income, the B1 score places the household: below the line when B1 ≤ the area's threshold.</li>
 * </ul>
 * Social protection (BTXH): a poor household with no member of working age able to work, unless the
 * household's {@code social_protection} column says otherwise (only poor households are flagged).
 */
public final class PovertyClassifier {

    /** Classifies with the area given by the household. */
    public Classification classify(HouseholdData data, PovertyStandard standard, LocalDate referenceDate) {
        return classify(data, standard, referenceDate, null);
    }

    /**
     * @param communeArea the area of the household's commune, used when the household gives none; may be null
     * @param referenceDate ages are computed on this date unless the household gives its own reference date
     */
    public Classification classify(HouseholdData data, PovertyStandard standard, LocalDate referenceDate,
            Area communeArea) {
        HouseholdRecord household = data.household();
        Area area = household.areaIfGiven().or(() -> Optional.ofNullable(communeArea))
                .orElseThrow(() -> new MissingFactException(data.code(), "area", "not given and commune unknown"));
        LocalDate date = household.referenceDate() != null ? household.referenceDate() : referenceDate;
        HouseholdFacts facts = new HouseholdFacts(data, standard, date);
        StandardTerms terms = StandardTerms.of(standard);

        List<IndicatorResult> results = new ArrayList<>();
        for (IndicatorPolicy policy : terms.policies.orElseGet(() -> policies(standard))) {
            results.add(policy.assess(facts));
        }
        List<String> deprived = new ArrayList<>();
        for (IndicatorResult result : results) {
            if (result.deprived()) {
                deprived.add(result.indicator());
            }
        }
        deprived = List.copyOf(deprived);
        int count = deprived.size();
        int threshold = terms.threshold != null ? terms.threshold : standard.deprivationThreshold();

        List<Message> reasons = new ArrayList<>();
        Message areaName = terms.areaName(area);
        IncomeBasis basis;
        boolean below;
        if (household.incomePerCapita() != null) {
            basis = IncomeBasis.INCOME;
            long line = terms.incomeLine(area);
            below = household.incomePerCapita() <= line;
            reasons.add(Message.of(below ? "classification.reason.income-at-or-below-line"
                    : "classification.reason.income-above-line", household.incomePerCapita(), areaName, line));
        } else {
            basis = IncomeBasis.B1_SCORE;
            BigDecimal threshold1 = terms.b1Threshold(area);
            below = household.b1Score().compareTo(threshold1) <= 0;
            reasons.add(Message.of(below ? "classification.reason.b1-at-or-below-threshold"
                    : "classification.reason.b1-above-threshold", household.b1Score(), areaName, threshold1));
        }
        reasons.add(Message.of("classification.reason.deprivation-count", count, results.size(), threshold));
        for (IndicatorResult result : results) {
            if (result.deprived()) {
                reasons.add(Message.of("classification.reason.deprived",
                        Message.of("classification.indicator." + result.indicator()), result.evidence()));
            }
        }

        PovertyStatus status;
        PoorKind kind = null;
        Optional<Long> upper = terms.upperLine(area);
        boolean twoPath = PovertyStandard.TWO_PATH.equals(terms.ruleShape != null ? terms.ruleShape : standard.ruleShape());
        if (below) {
            if (twoPath) {
                status = PovertyStatus.POOR;
                kind = PoorKind.INCOME_POOR;
                reasons.add(Message.of("classification.rule.qd59-income-poor"));
            } else {
                status = count >= threshold ? PovertyStatus.POOR : PovertyStatus.NEAR_POOR;
                reasons.add(Message.of(count >= threshold ? "classification.rule.gate-poor"
                        : "classification.rule.gate-near-poor", threshold));
            }
        } else if (twoPath && basis == IncomeBasis.INCOME && upper.isPresent()
                && household.incomePerCapita() <= upper.get()) {
            reasons.add(Message.of("classification.reason.income-in-upper-band", household.incomePerCapita(),
                    upper.get()));
            if (count >= threshold) {
                status = PovertyStatus.POOR;
                kind = PoorKind.DEPRIVATION_POOR;
                reasons.add(Message.of("classification.rule.qd59-deprivation-poor", threshold));
            } else {
                status = PovertyStatus.NEAR_POOR;
                reasons.add(Message.of("classification.rule.qd59-near-poor", threshold));
            }
        } else if (basis == IncomeBasis.INCOME && inAverageBand(standard, terms, area, household.incomePerCapita())) {
            status = PovertyStatus.AVERAGE;
            reasons.add(Message.of("classification.rule.average", terms.averageLower(area), terms.averageUpper(area)));
        } else {
            status = PovertyStatus.NOT_POOR;
            reasons.add(Message.of("classification.rule.above-line"));
        }

        boolean socialProtection = false;
        if (status == PovertyStatus.POOR) {
            if (household.socialProtection() != null) {
                socialProtection = household.socialProtection();
                reasons.add(Message.of(socialProtection ? "classification.reason.social-protection-recorded"
                        : "classification.reason.no-social-protection-recorded"));
            } else {
                Integer workingAgeMin = terms.workingAgeMin;
                socialProtection = data.members().stream().noneMatch(m -> m.workingCapacity()
                        && (workingAgeMin != null ? facts.isWorkingAge(m, workingAgeMin) : facts.isWorkingAge(m)));
                if (socialProtection) {
                    reasons.add(Message.of("classification.reason.social-protection-derived"));
                }
            }
        }
        reasons.add(Message.of("classification.reason.standard", terms.title, terms.version));
        return new Classification(data.code(), household.communeCode(), standard.code(), area, status, basis, below,
                count, deprived, kind, socialProtection, results, new Explanation(reasons));
    }

    private static boolean inAverageBand(PovertyStandard standard, StandardTerms terms, Area area, long income) {
        Long lower = terms.averageLower(area);
        Long upper = terms.averageUpper(area);
        if (lower == null || upper == null) { // absent (no band), or not a number (thrown, as before)
            Optional<Parameter> lowerParameter = standard.parameter("average_lower_" + area.code());
            Optional<Parameter> upperParameter = standard.parameter("average_upper_" + area.code());
            return lowerParameter.isPresent() && upperParameter.isPresent() && income > lowerParameter.get().asLong()
                    && income <= upperParameter.get().asLong();
        }
        return income > lower && income <= upper;
    }

    /** The indicators' rules read from the standard itself: throws for an indicator without one, or no indicators. */
    private static List<IndicatorPolicy> policies(PovertyStandard standard) {
        List<IndicatorPolicy> policies = new ArrayList<>();
        for (String indicator : standard.indicators()) {
            policies.add(IndicatorPolicies.policyFor(indicator)
                    .orElseThrow(() -> new IllegalStateException("no rule for indicator " + indicator)));
        }
        return policies;
    }
}
