package vn.giamngheo.support;

import java.util.Map;

/**
 * One benefit as typed on the page or read from a file line: the raw texts of the columns of
 * {@link BenefitColumns}, checked by {@link BenefitRecords}.
 */
public record BenefitEntry(String householdCode, String communeCode, String memberNo, String policyCode,
                           String benefitDate, String amount, String referenceNo, String note) {

    public BenefitEntry {
        householdCode = clean(householdCode);
        communeCode = clean(communeCode);
        memberNo = clean(memberNo);
        policyCode = clean(policyCode);
        benefitDate = clean(benefitDate);
        amount = clean(amount);
        referenceNo = clean(referenceNo);
        note = clean(note);
    }

    private static String clean(String s) {
        return s == null ? "" : s.trim();
    }

    String value(String column) {
        return Map.of(BenefitColumns.HOUSEHOLD_CODE, householdCode, BenefitColumns.COMMUNE_CODE, communeCode,
                BenefitColumns.MEMBER_NO, memberNo, BenefitColumns.POLICY_CODE, policyCode,
                BenefitColumns.BENEFIT_DATE, benefitDate, BenefitColumns.AMOUNT, amount,
                BenefitColumns.REFERENCE_NO, referenceNo, BenefitColumns.NOTE, note).get(column);
    }
}
