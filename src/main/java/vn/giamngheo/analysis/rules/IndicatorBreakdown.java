package vn.giamngheo.analysis.rules;

/**
 * One indicator's part in the result.
 *
 * @param uncensoredHeadcount h_j: weighted share of all units deprived in the indicator
 * @param censoredHeadcount   h_j(k): weighted share of units that are poor <em>and</em> deprived in it
 * @param contribution        w_j·h_j(k)/M0 as a share (0.25 = 25 %); 0 when M0 is 0
 */
public record IndicatorBreakdown(Indicator indicator, double uncensoredHeadcount, double censoredHeadcount,
                                 double contribution) {

    /** w_j·h_j(k), the indicator's absolute contribution to M0. */
    public double absoluteContribution() {
        return indicator.weight().toDouble() * censoredHeadcount;
    }
}
