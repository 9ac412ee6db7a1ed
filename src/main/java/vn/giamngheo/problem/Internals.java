package vn.giamngheo.problem;

import java.util.regex.Pattern;

/** What a text quoting the server's insides looks like: an exception of a library, a class name, a file path. */
public final class Internals {

    /** What an exception message of a library or the server looks like. */
    public static final Pattern PATTERN = Pattern.compile(
            "Exception|\\bjava\\.|\\bjavax\\.|\\bjakarta\\.|\\borg\\.[a-z]|\\bcom\\.[a-z]|\\btools\\.jackson|\\bsun\\."
                    + "|\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|\\[Source:|(^|[\\s'\"(=:])(/tmp|/var|/home|/usr|/opt|/work|/root|/proc|/srv)/"
                    + "|[A-Za-z]:\\\\"
                    // Jackson's, Spring's and PostgreSQL's own sentences, even without a class name in them
                    + "|JSON parse error|Cannot deserialize|Cannot construct instance|Unrecognized (field|token)"
                    + "|Unexpected (character|end-of-input|token)|Failed to (convert|read|instantiate)|Required request body"
                    + "|PreparedStatementCallback|(bad )?SQL grammar|violates (unique|foreign key|check) constraint"
                    + "|\\bERROR: |\\bSQLState|could not execute statement|XMLBeans|xmlbeans|OOXML|\\bPOI\\b");

    private Internals() {
    }

    /** Whether a text quotes an exception of a library, a class name or a file path of the server. */
    public static boolean quoted(String text) {
        return text != null && PATTERN.matcher(text).find();
    }
}
