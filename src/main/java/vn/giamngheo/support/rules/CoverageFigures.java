package vn.giamngheo.support.rules;

/**
 * Coverage of a policy over an area and a period.
 *
 * @param entitled        beneficiaries entitled on the last day of the period
 * @param received        of them, those who received the benefit in the period
 * @param gap             entitled without any benefit recorded in the period ({@code entitled - received})
 * @param leakage         beneficiaries who received a benefit in the period on a day they were not entitled
 * @param leakageRecords  the benefit records of those receipts
 */
public record CoverageFigures(long entitled, long received, long gap, long leakage, long leakageRecords) {

    public static final CoverageFigures ZERO = new CoverageFigures(0, 0, 0, 0, 0);

    public CoverageFigures plus(CoverageFigures o) {
        return new CoverageFigures(entitled + o.entitled, received + o.received, gap + o.gap, leakage + o.leakage,
                leakageRecords + o.leakageRecords);
    }

    /** Received as a share of entitled, in percent with one decimal; null when nobody is entitled. */
    public Double coveragePercent() {
        return entitled == 0 ? null : Math.round(received * 1000.0 / entitled) / 10.0;
    }
}
