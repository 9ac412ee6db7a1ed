package vn.giamngheo.report.rules;

/**
 * The figures of one group of households: all households, poor and near-poor, and of each the
 * ethnic-minority, social-protection and merit households; of the poor, income-poor and deprivation-poor
 * (Decision 59 lists only).
 */
public record Counts(long households, long poor, long nearPoor,
                     long poorEthnicMinority, long poorSocialProtection, long poorMerit,
                     long nearPoorEthnicMinority, long nearPoorSocialProtection, long nearPoorMerit,
                     long poorIncome, long poorDeprivation) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Counts {
        long[] all = {households, poor, nearPoor, poorEthnicMinority, poorSocialProtection, poorMerit,
                nearPoorEthnicMinority, nearPoorSocialProtection, nearPoorMerit, poorIncome, poorDeprivation};
        for (long v : all) {
            if (v < 0) {
                throw new IllegalArgumentException("a count cannot be negative: " + v);
            }
        }
        if (poor + nearPoor > households) {
            throw new IllegalArgumentException("more poor and near-poor (" + (poor + nearPoor) + ") than households ("
                    + households + ")");
        }
    }

    public Counts plus(Counts o) {
        return new Counts(households + o.households, poor + o.poor, nearPoor + o.nearPoor,
                poorEthnicMinority + o.poorEthnicMinority, poorSocialProtection + o.poorSocialProtection,
                poorMerit + o.poorMerit, nearPoorEthnicMinority + o.nearPoorEthnicMinority,
                nearPoorSocialProtection + o.nearPoorSocialProtection, nearPoorMerit + o.nearPoorMerit,
                poorIncome + o.poorIncome, poorDeprivation + o.poorDeprivation);
    }

    /** Poor households per household, or null when there are no households. */
    public Double poorRate() {
        return Shares.of(poor, households);
    }

    public Double nearPoorRate() {
        return Shares.of(nearPoor, households);
    }
}
