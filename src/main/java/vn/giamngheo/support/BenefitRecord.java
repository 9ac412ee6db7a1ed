package vn.giamngheo.support;

import java.time.LocalDate;

/** A stored benefit with the names the pages show. */
public record BenefitRecord(long id, String provinceCode, long householdId, String householdCode, String communeCode,
                            String headName, Integer memberNo, String memberName, String policyCode, LocalDate benefitDate,
                            Long amountVnd, String referenceNo, String note, String source, String recordedBy) {
}
