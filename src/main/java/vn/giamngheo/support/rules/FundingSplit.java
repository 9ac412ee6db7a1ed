package vn.giamngheo.support.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy's benefit split across funding sources (central budget, local budget, social-policy bank, health-insurance
 * fund, mobilised) from a day on: shares in percent, each above 0, at most two decimals, summing to exactly 100. The
 * split in force on a day is the one of the latest start on or before it; the cost of a source is beneficiaries ×
 * the benefit per beneficiary × the source's share.
 *
 * @param shares the source's code → percent, in the order entered
 */
public record FundingSplit(LocalDate validFrom, Map<String, BigDecimal> shares) {

    public static final List<String> SOURCES = List.of("central_budget", "local_budget", "social_policy_bank",
            "health_insurance_fund", "mobilised");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public FundingSplit {
        shares = new LinkedHashMap<>(shares);
        List<String> problems = problems(validFrom, shares);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        shares = java.util.Collections.unmodifiableMap(shares);
    }

    /** Every reason the split cannot be stored (message keys of bundle support; empty when it can). */
    public static List<String> problems(LocalDate validFrom, Map<String, BigDecimal> shares) {
        List<String> problems = new ArrayList<>();
        if (validFrom == null) {
            problems.add("support.share.problem.valid-from");
        }
        if (shares == null || shares.isEmpty()) {
            problems.add("support.share.problem.empty");
            return problems;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : shares.entrySet()) {
            if (!SOURCES.contains(e.getKey())) {
                problems.add("support.share.problem.source");
            }
            BigDecimal v = e.getValue();
            if (v == null || v.signum() <= 0 || v.compareTo(HUNDRED) > 0 || v.stripTrailingZeros().scale() > 2) {
                problems.add("support.share.problem.percent");
            } else {
                total = total.add(v);
            }
        }
        if (problems.isEmpty() && total.compareTo(HUNDRED) != 0) {
            problems.add("support.share.problem.sum");
        }
        return problems.stream().distinct().toList();
    }

    /** The split in force on the day among a policy's splits, if any starts on or before it. */
    public static Optional<FundingSplit> inForce(List<FundingSplit> splits, LocalDate day) {
        return splits.stream().filter(s -> !s.validFrom().isAfter(day))
                .max(Comparator.comparing(FundingSplit::validFrom));
    }

    /**
     * The benefit per beneficiary in đồng: the amount, times the policy's own share of it when it has one (e.g. 30 %
     * of a card's price), rounded to the đồng; null when the policy states no amount.
     */
    public static Long benefitPerBeneficiary(Long amountVnd, BigDecimal policySharePercent) {
        if (amountVnd == null) {
            return null;
        }
        BigDecimal amount = BigDecimal.valueOf(amountVnd);
        if (policySharePercent != null) {
            amount = amount.multiply(policySharePercent).divide(HUNDRED, 0, RoundingMode.HALF_UP);
        }
        return amount.longValueExact();
    }

    /** Cost of one source: beneficiaries × benefit × share / 100, rounded to the đồng. */
    public static long cost(long beneficiaries, long benefitVnd, BigDecimal sharePercent) {
        return BigDecimal.valueOf(beneficiaries).multiply(BigDecimal.valueOf(benefitVnd)).multiply(sharePercent)
                .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
    }
}
