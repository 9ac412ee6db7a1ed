package vn.giamngheo.standard.rules;

/** How sure a parameter is (domain.md): [S] published source, [S2] secondary source, [?] best knowledge. */
public enum Confidence {
    S("S"), S2("S2"), UNCONFIRMED("?");

    private final String mark;

    Confidence(String mark) {
        this.mark = mark;
    }

    public String mark() {
        return mark;
    }

    public static Confidence ofMark(String mark) {
        for (Confidence c : values()) {
            if (c.mark.equals(mark.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown confidence mark: " + mark);
    }
}
