package vn.giamngheo.support;

import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.support.rules.CoverageFigures;

/**
 * Coverage of policies over a unit and a period: per policy the total and the figures of each unit one level down
 * (provinces of the country, communes of a province, villages of a commune); the gap and leakage lists with names
 * only for a commune's own officers ({@code namesVisible}).
 */
public record CoverageReport(UnitRef unit, LocalDate from, LocalDate to, List<PolicyCoverage> policies,
                             boolean namesVisible, List<Beneficiary> gap, List<Beneficiary> leakage) {

    /** The unit: {@code level} province, commune or country (id null). */
    public record UnitRef(Long id, String code, String level, String name, String provinceCode, String path) {
        public boolean isCountry() {
            return id == null;
        }
    }

    /**
     * One policy's coverage; {@code provinceCode} null for a national policy. The cost of the entitled: {@code
     * benefitVnd} per beneficiary (the amount times the policy's own share; null when the policy states no amount),
     * split by source by the split in force on the period's last day ({@code splitFrom}; a policy without a split
     * counts wholly on its funding source).
     */
    public record PolicyCoverage(String policyCode, String nameVi, String nameEn, String beneficiary, String confidence,
                                 CoverageFigures total, List<UnitFigures> units, String provinceCode, Long benefitVnd,
                                 LocalDate splitFrom, List<SourceCost> costs) {

        /** The cost over every source (null without an amount). */
        public Long totalCostVnd() {
            return benefitVnd == null ? null : costs.stream().mapToLong(SourceCost::costVnd).sum();
        }
    }

    /** The cost of the entitled borne by one funding source: entitled × benefit × share. */
    public record SourceCost(String source, java.math.BigDecimal sharePercent, long costVnd) {
    }

    /** Figures of a unit one level down; {@code unitId} null for households without a village. */
    public record UnitFigures(Long unitId, String code, String name, CoverageFigures figures) {
    }

    /** A beneficiary in a gap or leakage list (member fields null for household-level policies). */
    public record Beneficiary(String policyCode, long householdId, String householdCode, String headName,
                              Integer memberNo, String memberName, String village) {
    }
}
