package vn.giamngheo.programme;

import java.math.BigDecimal;

/**
 * A programme period (e.g. 2021–2025) whose catalogue plans budget against, with its legal basis and how sure it is
 * ({@code confidence} S, S2 or ?), and the national budget envelope by source in billion đồng when known (central
 * investment, central recurrent, local, policy credit; null: not known). {@code version} is the version read.
 */
public record ProgrammePeriod(String code, int yearFrom, int yearTo, String nameVi, String nameEn, String legalBasis,
                              String confidence, String note, BigDecimal envelopeCentralInvestment,
                              BigDecimal envelopeCentralRecurrent, BigDecimal envelopeLocal, BigDecimal envelopeCredit,
                              int version) {

    /** A period as first entered (no envelope, version 0). */
    public ProgrammePeriod(String code, int yearFrom, int yearTo, String nameVi, String nameEn, String legalBasis) {
        this(code, yearFrom, yearTo, nameVi, nameEn, legalBasis, "S", null, null, null, null, null, 0);
    }

    /** The state budget of the envelope (central and local), without policy credit; null when nothing is known. */
    public BigDecimal envelopeStateBudget() {
        BigDecimal sum = null;
        for (BigDecimal part : new BigDecimal[] {envelopeCentralInvestment, envelopeCentralRecurrent, envelopeLocal}) {
            if (part != null) {
                sum = sum == null ? part : sum.add(part);
            }
        }
        return sum;
    }
}
