package vn.giamngheo.document;

/** The list a certificate attests: poor (hộ nghèo) or near-poor (hộ cận nghèo), with the number's symbol. */
public enum HouseholdList {
    POOR("GCN-HN"),
    NEAR_POOR("GCN-HCN");

    private final String symbol;

    HouseholdList(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol after the number: "Số 12/GCN-HN". */
    public String symbol() {
        return symbol;
    }
}
