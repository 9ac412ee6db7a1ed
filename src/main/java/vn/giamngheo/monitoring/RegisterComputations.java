package vn.giamngheo.monitoring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The computations of monitoring itself, one bean per name: statuses from the decided lists (poor and near-poor
 * households and rates, health insurance of their members from the register's flag or from benefit records),
 * support records of the period (houses, workers trained), livelihood models running in the period, and the budget's
 * disbursement. Names are stable: indicators refer to them.
 */
@Configuration(proxyBeanMethods = false)
class RegisterComputations {

    private static final String HOUSEHOLDS = ComputationQueries.PLACED + """
            SELECT count(*) FILTER (WHERE p.status IN (%s)) AS part, count(*) AS whole
              FROM placed p JOIN admin_unit u ON u.id = p.commune_id
             WHERE p.counted AND {u.path}""";

    private static final String MEMBERS = ComputationQueries.PLACED + """
            SELECT count(*) FILTER (WHERE %s) AS part, count(*) AS whole
              FROM placed p JOIN admin_unit u ON u.id = p.commune_id
              JOIN household_member m ON m.province_code = p.province_code AND m.household_id = p.id
             WHERE m.province_code IN (:provinces) AND p.counted AND {u.path} AND p.status IN (%s)""";

    /**
     * A member with a health-insurance card record in the window. The partitions are named ({@code :provinces}: the
     * member's own is one of them) and the card policies read once: per member, the partitions were pruned again at
     * run time and the policies joined again (0.37 s of the indicators page of a commune of 10,000 households under
     * load, for 15,000 members without a record; issue 26).
     */
    private static final String INSURED_BY_RECORD = """
            EXISTS (SELECT 1 FROM benefit_record b
                     WHERE b.province_code IN (:provinces) AND b.province_code = m.province_code
                       AND b.household_id = m.household_id AND b.member_no = m.member_no
                       AND b.policy_id = ANY (ARRAY(SELECT sp.id FROM support_policy sp WHERE sp.code LIKE 'BHYT\\_%'))
                       AND b.voided_at IS NULL AND b.benefit_date <= :d AND b.benefit_date > :cardFrom)""";

    private static final String BENEFITS = ComputationQueries.PLACED + """
            SELECT count(DISTINCT %s) AS part, NULL AS whole
              FROM benefit_record b JOIN support_policy sp ON sp.id = b.policy_id
              JOIN placed p ON p.province_code = b.province_code AND p.id = b.household_id
              JOIN admin_unit u ON u.id = p.commune_id
             WHERE b.province_code IN (:provinces) AND sp.code = '%s' AND b.benefit_date BETWEEN :from AND :d
               AND b.voided_at IS NULL AND {u.path}""";

    @Bean
    IndicatorComputation poorRate(ComputationQueries q) {
        return new SqlComputation("poor_rate", HOUSEHOLDS.formatted(PovertyStatus.sql("{poor}")), true, q);
    }

    @Bean
    IndicatorComputation poorHouseholds(ComputationQueries q) {
        return new SqlComputation("poor_households", HOUSEHOLDS.formatted(PovertyStatus.sql("{poor}")), false, q);
    }

    @Bean
    IndicatorComputation nearPoorRate(ComputationQueries q) {
        return new SqlComputation("near_poor_rate", HOUSEHOLDS.formatted(PovertyStatus.sql("{near_poor}")), true, q);
    }

    @Bean
    IndicatorComputation nearPoorHouseholds(ComputationQueries q) {
        return new SqlComputation("near_poor_households", HOUSEHOLDS.formatted(PovertyStatus.sql("{near_poor}")), false, q);
    }

    @Bean
    IndicatorComputation households(ComputationQueries q) {
        return new SqlComputation("households", ComputationQueries.PLACED + """
                SELECT count(*) AS part, NULL AS whole
                  FROM placed p JOIN admin_unit u ON u.id = p.commune_id
                 WHERE p.counted AND {u.path}""", false, q);
    }

    @Bean
    IndicatorComputation poorInsuredShare(ComputationQueries q) {
        return new SqlComputation("poor_insured_share", MEMBERS.formatted("m.health_insurance", PovertyStatus.sql("{poor}")), true, q);
    }

    @Bean
    IndicatorComputation poorNearPoorInsuredShare(ComputationQueries q) {
        return new SqlComputation("poor_near_poor_insured_share", MEMBERS.formatted("m.health_insurance", PovertyStatus.sql("{listed}")), true, q);
    }

    @Bean
    IndicatorComputation poorBhytRecordShare(ComputationQueries q) {
        return new SqlComputation("poor_bhyt_record_share", MEMBERS.formatted(INSURED_BY_RECORD, PovertyStatus.sql("{poor}")), true, q);
    }

    @Bean
    IndicatorComputation poorNearPoorBhytRecordShare(ComputationQueries q) {
        return new SqlComputation("poor_near_poor_bhyt_record_share", MEMBERS.formatted(INSURED_BY_RECORD, PovertyStatus.sql("{listed}")), true, q);
    }

    @Bean
    IndicatorComputation housesSupported(ComputationQueries q) {
        return new SqlComputation("houses_supported", BENEFITS.formatted("b.household_id", "HOUSING"), false, q);
    }

    @Bean
    IndicatorComputation workersTrained(ComputationQueries q) {
        return new SqlComputation("workers_trained", BENEFITS.formatted("(b.household_id, b.member_no)", "VOCATIONAL_TRAINING"), false, q);
    }

    @Bean
    IndicatorComputation models(ComputationQueries q) {
        return new SqlComputation("models", """
                SELECT count(*) AS part, NULL AS whole
                  FROM livelihood_model lm JOIN admin_unit u ON u.id = lm.commune_id
                 WHERE lm.province_code IN (:provinces) AND {u.path}
                   AND lm.starts_on <= :d AND lm.ends_on >= :from""", false, q);
    }

    @Bean
    IndicatorComputation disbursementRate(ComputationQueries q) {
        return new SqlComputation("disbursement_rate", """
                SELECT coalesce(sum(b.disbursed), 0) AS part, coalesce(sum(b.allocated), 0) AS whole
                  FROM budget_line b JOIN admin_unit u ON u.id = b.unit_id
                 WHERE {b.area} AND b.year = :year""", true, q);
    }

    @Bean
    IndicatorComputation budgetAllocated(ComputationQueries q) {
        return new SqlComputation("budget_allocated", """
                SELECT coalesce(sum(b.allocated), 0) AS part, NULL AS whole
                  FROM budget_line b JOIN admin_unit u ON u.id = b.unit_id
                 WHERE {b.area} AND b.year = :year""", false, q);
    }

    @Bean
    IndicatorComputation budgetDisbursed(ComputationQueries q) {
        return new SqlComputation("budget_disbursed", """
                SELECT coalesce(sum(b.disbursed), 0) AS part, NULL AS whole
                  FROM budget_line b JOIN admin_unit u ON u.id = b.unit_id
                 WHERE {b.area} AND b.year = :year""", false, q);
    }
}
