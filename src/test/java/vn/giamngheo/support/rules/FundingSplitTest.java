package vn.giamngheo.support.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Co-funding splits: shares by source summing to 100, the split in force on a day, the cost by source. */
class FundingSplitTest {

    private static Map<String, BigDecimal> shares(String text) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        if (!text.isBlank()) {
            for (String pair : text.split(";")) {
                String[] kv = pair.split("=");
                m.put(kv[0].strip(), kv.length < 2 || kv[1].isBlank() ? null : new BigDecimal(kv[1].strip()));
            }
        }
        return m;
    }

    @ParameterizedTest(name = "[{index}] {0} from {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "local_budget=30;health_insurance_fund=70 | 2026-01-01 | ",
            "local_budget=100 | 2026-01-01 | ",
            "central_budget=33.33;local_budget=33.33;mobilised=33.34 | 2026-01-01 | ",
            "local_budget=30;health_insurance_fund=60 | 2026-01-01 | support.share.problem.sum",
            "local_budget=30;health_insurance_fund=80 | 2026-01-01 | support.share.problem.sum",
            "local_budget=0;health_insurance_fund=100 | 2026-01-01 | support.share.problem.percent",
            "local_budget=-10;health_insurance_fund=110 | 2026-01-01 | support.share.problem.percent",
            "local_budget=30.005;health_insurance_fund=69.995 | 2026-01-01 | support.share.problem.percent",
            "local_budget=30;mixed=70 | 2026-01-01 | support.share.problem.source",
            "lottery=100 | 2026-01-01 | support.share.problem.source",
            "local_budget= | 2026-01-01 | support.share.problem.percent",
            " | 2026-01-01 | support.share.problem.empty",
            "local_budget=100 | | support.share.problem.valid-from"})
    void sharesAreCheckedBySourcePercentAndSum(String text, String from, String problem) {
        List<String> problems = FundingSplit.problems(from == null ? null : LocalDate.parse(from), shares(text == null ? "" : text));
        if (problem == null) {
            assertThat(problems).isEmpty();
            assertThat(new FundingSplit(LocalDate.parse(from), shares(text)).shares()).hasSize(shares(text).size());
        } else {
            assertThat(problems).contains(problem);
            assertThatThrownBy(() -> new FundingSplit(from == null ? null : LocalDate.parse(from),
                    shares(text == null ? "" : text))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest(name = "on {0}: split from {1}")
    @CsvSource({"2025-12-31, -", "2026-01-01, 2026-01-01", "2026-12-31, 2026-01-01", "2027-07-01, 2027-07-01",
            "2030-01-01, 2027-07-01"})
    void theSplitInForceIsTheLatestStartedOnOrBeforeTheDay(String on, String expected) {
        List<FundingSplit> splits = List.of(
                new FundingSplit(LocalDate.of(2027, 7, 1), shares("local_budget=50;central_budget=50")),
                new FundingSplit(LocalDate.of(2026, 1, 1), shares("local_budget=30;central_budget=70")));
        assertThat(FundingSplit.inForce(splits, LocalDate.parse(on)).map(s -> s.validFrom().toString()).orElse("-"))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} beneficiaries × {1} đồng × policy share {2} % × source {3} % = {4}")
    @CsvSource(nullValues = "-", value = {
            "4, 1263600, -, 30, 1516320",
            "4, 1263600, -, 70, 3538080",
            "4, 1263600, 30, 100, 1516320",     // 30 % of the card's price, wholly from one source
            "3, 1000, -, 33.33, 1000",          // 999.9 rounds to the đồng
            "0, 1263600, -, 30, 0",
            "8000, 40000000, -, 100, 320000000000"})
    void theCostIsEntitledTimesBenefitTimesShare(long entitled, long amount, BigDecimal policyShare, BigDecimal share,
                                                 long expected) {
        Long benefit = FundingSplit.benefitPerBeneficiary(amount, policyShare);
        assertThat(FundingSplit.cost(entitled, benefit, share)).isEqualTo(expected);
    }

    @Test
    void aPolicyWithoutAmountHasNoBenefit() {
        assertThat(FundingSplit.benefitPerBeneficiary(null, new BigDecimal("70"))).isNull();
        assertThat(FundingSplit.benefitPerBeneficiary(1_263_600L, new BigDecimal("70"))).isEqualTo(884_520L);
    }
}
