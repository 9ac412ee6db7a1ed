package vn.giamngheo.support;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored benefit with the names the pages show. A voided record ({@code voidedAt} set) stays visible, struck
 * through, and no longer counts in coverage or leakage.
 */
public record BenefitRecord(long id, String provinceCode, long householdId, String householdCode, String communeCode,
                            String headName, Integer memberNo, String memberName, String policyCode, LocalDate benefitDate,
                            Long amountVnd, String referenceNo, String note, String source, String recordedBy,
                            String sourceFile, Instant voidedAt, String voidedBy, String voidReason) {

    public boolean voided() {
        return voidedAt != null;
    }
}
