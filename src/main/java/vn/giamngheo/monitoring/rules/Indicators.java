package vn.giamngheo.monitoring.rules;

import java.util.regex.Pattern;

/** The shape of indicator and rule codes and of computation names (as the database checks them). */
public final class Indicators {

    /** An indicator or rule code: an upper-case letter, then upper-case letters, digits or underscores (2–40). */
    public static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

    /** A computation name: lower case letters, digits, underscores (2–60). */
    public static final Pattern COMPUTATION = Pattern.compile("^[a-z][a-z0-9_]{1,59}$");

    private Indicators() {
    }
}
