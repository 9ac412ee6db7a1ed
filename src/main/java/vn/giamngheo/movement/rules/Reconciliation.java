package vn.giamngheo.movement.rules;

/**
 * Stock and flows of one list over a period: start − escaped + re-entered + newly entered − departed + arrived
 * should equal the end; the residual says by how much it does not, and is always shown. The end (and the start)
 * are counted from the lists in force on their date, not derived from the flows.
 *
 * @param start        households on the list at the start (đầu kỳ)
 * @param escaped      thoát nghèo / thoát cận nghèo
 * @param reEntered    tái nghèo / tái cận nghèo
 * @param newlyEntered nghèo phát sinh / cận nghèo phát sinh
 * @param departed     on the list and left the unit (moved out, dissolved, merged away)
 * @param arrived      came into the unit on the list (moved in, split off a household on it)
 * @param end          households on the list at the end (cuối kỳ)
 * @param residual     end − (start − escaped + reEntered + newlyEntered − departed + arrived)
 */
public record Reconciliation(long start, long escaped, long reEntered, long newlyEntered, long departed, long arrived,
                             long end, long residual) {

    public Reconciliation {
        if (residual != end - expectedEnd(start, escaped, reEntered, newlyEntered, departed, arrived)) {
            throw new IllegalArgumentException("the residual is " + residual + ", not end − flows");
        }
    }

    public static Reconciliation of(long start, long escaped, long reEntered, long newlyEntered, long departed,
                                    long arrived, long end) {
        return new Reconciliation(start, escaped, reEntered, newlyEntered, departed, arrived, end,
                end - expectedEnd(start, escaped, reEntered, newlyEntered, departed, arrived));
    }

    /** The end the flows lead to. */
    public long expectedEnd() {
        return expectedEnd(start, escaped, reEntered, newlyEntered, departed, arrived);
    }

    public boolean reconciles() {
        return residual == 0;
    }

    /** The number of households with this flow. */
    public long count(Flow flow) {
        return switch (flow) {
            case ESCAPED -> escaped;
            case RE_ENTERED -> reEntered;
            case NEWLY_ENTERED -> newlyEntered;
            case DEPARTED -> departed;
            case ARRIVED -> arrived;
        };
    }

    private static long expectedEnd(long start, long escaped, long reEntered, long newlyEntered, long departed,
                                    long arrived) {
        return start - escaped + reEntered + newlyEntered - departed + arrived;
    }
}
