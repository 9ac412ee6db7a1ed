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

        List<IndicatorResult> results = new ArrayList<>();
        for (String indicator : standard.indicators()) {
            IndicatorPolicy policy = IndicatorPolicies.policyFor(indicator)
                    .orElseThrow(() -> new IllegalStateException("no rule for indicator " + indicator));
            results.add(policy.assess(facts));
        }
        List<String> deprived = results.stream().filter(IndicatorResult::deprived).map(IndicatorResult::indicator)
                .toList();
        int count = deprived.size();
        int threshold = standard.deprivationThreshold();

        List<Message> reasons = new ArrayList<>();
        Message areaName = Message.of("classification.area." + area.code());
        IncomeBasis basis;
        boolean below;
        if (household.incomePerCapita() != null) {
            basis = IncomeBasis.INCOME;
            long line = standard.incomeLine(area);
            below = household.incomePerCapita() <= line;
            reasons.add(Message.of(below ? "classification.reason.income-at-or-below-line"
                    : "classification.reason.income-above-line", household.incomePerCapita(), areaName, line));
        } else {
            basis = IncomeBasis.B1_SCORE;
            BigDecimal threshold1 = standard.require("b1_threshold_" + area.code()).asDecimal();
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
        Optional<Long> upper = standard.upperLine(area);
        boolean twoPath = PovertyStandard.TWO_PATH.equals(standard.ruleShape());
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
        } else if (basis == IncomeBasis.INCOME && inAverageBand(standard, area, household.incomePerCapita())) {
            status = PovertyStatus.AVERAGE;
            reasons.add(Message.of("classification.rule.average",
                    standard.require("average_lower_" + area.code()).asLong(),
                    standard.require("average_upper_" + area.code()).asLong()));
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
                socialProtection = data.members().stream()
                        .noneMatch(m -> m.workingCapacity() && facts.isWorkingAge(m));
                if (socialProtection) {
                    reasons.add(Message.of("classification.reason.social-protection-derived"));
                }
            }
        }
        reasons.add(Message.of("classification.reason.standard",
                standard.parameter("title").map(Parameter::value).orElse(standard.code()), standard.version()));
        return new Classification(data.code(), household.communeCode(), standard.code(), area, status, basis, below,
                count, deprived, kind, socialProtection, results, new Explanation(reasons));
    }

    private static boolean inAverageBand(PovertyStandard standard, Area area, long income) {
        Optional<Parameter> lower = standard.parameter("average_lower_" + area.code());
        Optional<Parameter> upper = standard.parameter("average_upper_" + area.code());
        return lower.isPresent() && upper.isPresent() && income > lower.get().asLong()
                && income <= upper.get().asLong();
    }
}
