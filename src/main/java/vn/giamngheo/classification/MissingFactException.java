package vn.giamngheo.classification;

/** A rule needs a fact that the household data does not give; the classifier never guesses it. */
public class MissingFactException extends RuntimeException {

    private final String householdCode;
    private final String field;

    public MissingFactException(String householdCode, String field, String detail) {
        super("household " + householdCode + ": " + field + " is needed (" + detail + ")");
        this.householdCode = householdCode;
        this.field = field;
    }

    public String householdCode() {
        return householdCode;
    }

    public String field() {
        return field;
    }
}
