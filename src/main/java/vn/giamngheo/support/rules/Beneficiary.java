package vn.giamngheo.support.rules;

import java.util.Locale;

/** Whether a policy benefits the household as a whole or each entitled person in it. */
public enum Beneficiary {
    HOUSEHOLD, PERSON;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Beneficiary of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
