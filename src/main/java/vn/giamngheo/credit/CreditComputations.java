package vn.giamngheo.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.labour.Workers;
import vn.giamngheo.monitoring.IndicatorComputation;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.programme.ProgrammeUnits;

/**
 * The programme's credit and labour-export indicators computed from the registers, for a unit's subtree on the last
 * day of the data period (balances as {@link Loans} reads them): households with an outstanding policy loan, the
 * outstanding balance in million đồng, the overdue share of the outstanding balance, and the workers who departed
 * abroad within the period; and the loans disbursed within the period (count and amount, V55). Names are stable:
 * indicators (V52, V55) refer to them.
 */
@Configuration(proxyBeanMethods = false)
class CreditComputations {

    /** The loans of the unit's subtree on {@code :on}, with their balance and status (see {@link Loans#LOANS_ON}). */
    private static String loans(AreaFilter area) {
        return "(" + Loans.LOANS_ON + area.on("l", "c") + ") x";
    }

    @Bean
    IndicatorComputation creditHouseholdsOutstanding(JdbcClient jdbc) {
        return computation("credit_households_outstanding", (unit, from, to) -> {
            AreaFilter area = unit.area();
            long n = area.bind(jdbc.sql("SELECT count(DISTINCT x.household_id) FROM " + loans(area)
                            + " WHERE x.status <> 'settled' AND x.outstanding > 0"))
                    .param("on", to).query(Long.class).single();
            return IndicatorValue.count(BigDecimal.valueOf(n));
        });
    }

    @Bean
    IndicatorComputation creditOutstandingMillion(JdbcClient jdbc) {
        return computation("credit_outstanding_million", (unit, from, to) -> {
            AreaFilter area = unit.area();
            long sum = area.bind(jdbc.sql("SELECT coalesce(sum(x.outstanding), 0) FROM " + loans(area)))
                    .param("on", to).query(Long.class).single();
            return IndicatorValue.count(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(1_000_000), 3, RoundingMode.HALF_UP));
        });
    }

    @Bean
    IndicatorComputation creditOverdueShare(JdbcClient jdbc) {
        return computation("credit_overdue_share", (unit, from, to) -> {
            AreaFilter area = unit.area();
            return area.bind(jdbc.sql("SELECT coalesce(sum(x.overdue), 0), coalesce(sum(x.outstanding), 0) FROM " + loans(area)))
                    .param("on", to)
                    .query((rs, i) -> IndicatorValue.share(rs.getBigDecimal(1), rs.getBigDecimal(2))).single();
        });
    }

    /** The loans of the unit's subtree disbursed within the period (the bank's "lượt hộ được vay vốn"). */
    @Bean
    IndicatorComputation creditLoansDisbursed(Loans loans) {
        return computation("credit_loans_disbursed", (unit, from, to) -> IndicatorValue.count(BigDecimal.valueOf(
                loans.disbursedCount(unit.area(), null, from, to))));
    }

    /** The amount disbursed within the period in the unit's subtree, in million đồng. */
    @Bean
    IndicatorComputation creditDisbursedMillion(Loans loans) {
        return computation("credit_disbursed_million", (unit, from, to) -> IndicatorValue.count(BigDecimal.valueOf(
                loans.disbursedAmount(unit.area(), null, from, to))
                .divide(BigDecimal.valueOf(1_000_000), 3, RoundingMode.HALF_UP)));
    }

    @Bean
    IndicatorComputation labourDeparted(Workers workers) {
        return computation("labour_departed", (unit, from, to) -> IndicatorValue.count(BigDecimal.valueOf(
                workers.departed(unit.area(), from, to))));
    }

    private interface Compute {
        IndicatorValue value(ProgrammeUnits.Unit unit, LocalDate from, LocalDate to);
    }

    private static IndicatorComputation computation(String name, Compute compute) {
        return new IndicatorComputation() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<IndicatorValue> compute(ProgrammeUnits.Unit unit, LocalDate from, LocalDate to, int year) {
                return Optional.of(compute.value(unit, from, to));
            }
        };
    }
}
