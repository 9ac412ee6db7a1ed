package vn.giamngheo.standard.rules;

import java.util.Locale;

/** Which fact placed the household against the income line: the estimated income or the B1 score. */
public enum IncomeBasis {
    INCOME, B1_SCORE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
