package vn.giamngheo.support;

import java.util.List;

/** Columns of a benefit-records file (CSV or XLSX sheet {@code benefits}); {@code note} is optional. */
final class BenefitColumns {

    static final String HOUSEHOLD_CODE = "household_code";
    static final String COMMUNE_CODE = "commune_code";
    static final String MEMBER_NO = "member_no";
    static final String POLICY_CODE = "policy_code";
    static final String BENEFIT_DATE = "benefit_date";
    static final String AMOUNT = "amount";
    static final String REFERENCE_NO = "reference_no";
    static final String NOTE = "note";

    static final List<String> ALL = List.of(HOUSEHOLD_CODE, COMMUNE_CODE, MEMBER_NO, POLICY_CODE, BENEFIT_DATE, AMOUNT,
            REFERENCE_NO, NOTE);
    static final List<String> REQUIRED = List.of(HOUSEHOLD_CODE, COMMUNE_CODE, MEMBER_NO, POLICY_CODE, BENEFIT_DATE,
            AMOUNT, REFERENCE_NO);
    static final String SHEET = "benefits";
    static final int MAX_ROWS = 100_000;

    private BenefitColumns() {
    }
}
