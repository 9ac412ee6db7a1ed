package vn.giamngheo.standard.rules;

/** A rule needs a fact that the household data does not give; the classifier never guesses it. */
public class MissingFactException extends RuntimeException {

    private final String householdCode;
    private final String field;
    private final Integer memberNo;

    public MissingFactException(String householdCode, String field, String detail) {
        this(householdCode, field, null, detail);
    }

    /** A fact of one member ({@code memberNo}), or of the household when it is null. */
    public MissingFactException(String householdCode, String field, Integer memberNo, String detail) {
        super("household " + householdCode + ": " + field + " is needed (" + detail + ")");
        this.householdCode = householdCode;
        this.field = field;
        this.memberNo = memberNo;
    }

    /** The member whose fact is missing; null for a fact of the household. */
    public Integer memberNo() {
        return memberNo;
    }

    public String householdCode() {
        return householdCode;
    }

    public String field() {
        return field;
    }
}
