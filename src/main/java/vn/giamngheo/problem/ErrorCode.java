package vn.giamngheo.problem;

import java.util.Arrays;
import java.util.Optional;

/**
 * The numbered error catalogue: every error answer of the API (and every error page) carries one of these codes,
 * its HTTP status and its message in the user's language (key {@code problem.GN-nnnn} in bundle messages, English and
 * Vietnamese). Codes are stable: a code is never reused for another meaning; new errors get new numbers.
 * GN-1nnn are errors of the web edge (any endpoint), GN-2nnn and above errors of a module. The list is documented in
 * {@code docs/errors.md}, written from this enum by {@code ErrorCatalogueDocumentTest}.
 */
public enum ErrorCode {

    // the web edge: any endpoint
    BAD_REQUEST("GN-1000", 400),
    UNREADABLE_BODY("GN-1001", 400),
    BAD_PARAMETER("GN-1002", 400),
    MISSING_PARAMETER("GN-1003", 400),
    INVALID_DATA("GN-1004", 400),
    INVALID_INPUT("GN-1005", 400),
    NOT_MULTIPART("GN-1006", 400),
    UNREADABLE_FILE("GN-1007", 400),
    AUTHENTICATION_REQUIRED("GN-1010", 401),
    SESSION_ENDED("GN-1011", 401),
    FORBIDDEN("GN-1020", 403),
    PASSWORD_CHANGE_REQUIRED("GN-1021", 403),
    NOT_FOUND("GN-1030", 404),
    METHOD_NOT_ALLOWED("GN-1040", 405),
    NOT_ACCEPTABLE("GN-1041", 406),
    CONFLICT("GN-1050", 409),
    TOO_LARGE("GN-1060", 413),
    UNSUPPORTED_MEDIA_TYPE("GN-1070", 415),
    UNPROCESSABLE("GN-1080", 422),
    INTERNAL("GN-1090", 500),
    UNAVAILABLE("GN-1091", 503),

    // geography
    UNIT_UNKNOWN("GN-2000", 404),
    UNIT_REQUEST_INVALID("GN-2001", 400),
    UNIT_NOT_IN_AREA("GN-2002", 404),
    // household
    HOUSEHOLD_INVALID("GN-2100", 400),
    HOUSEHOLD_NOT_FOUND("GN-2101", 404),
    HOUSEHOLD_CHANGED("GN-2102", 409),
    // analysis
    ANALYSIS_INVALID("GN-2200", 400),
    // escape
    ESCAPE_INVALID("GN-2300", 400),
    ESCAPE_NOT_FOUND("GN-2301", 404),
    // plan
    PLAN_INVALID("GN-2400", 400),
    PLAN_NOT_FOUND("GN-2401", 404),
    // programme
    PROGRAMME_INVALID("GN-2500", 400),
    PROGRAMME_NOT_FOUND("GN-2501", 404),
    // setting
    SETTING_INVALID("GN-2600", 400),
    SETTING_UNKNOWN("GN-2601", 404),
    // standard
    STANDARD_INVALID("GN-2700", 400),
    STANDARD_NOT_FOUND("GN-2701", 404),
    STANDARD_CHANGED("GN-2702", 409),
    // support
    SUPPORT_INVALID("GN-2800", 400),
    BENEFIT_REJECTED("GN-2801", 400),
    SUPPORT_NOT_FOUND("GN-2802", 404),
    // movement
    MOVEMENT_INVALID("GN-2900", 400),
    MOVEMENT_NOT_FOUND("GN-2901", 404),
    // report
    REPORT_INVALID("GN-3000", 400),
    REPORT_UNIT_NOT_YET("GN-3001", 400),
    REPORT_UNIT_ENDED("GN-3002", 400),
    // review
    REVIEW_REFUSED("GN-3100", 409),
    ROUND_NOT_FOUND("GN-3101", 404),
    // livelihood
    MODEL_INVALID("GN-3200", 400),
    MODEL_NOT_FOUND("GN-3201", 404),
    // credit and labour-export registers
    CREDIT_INVALID("GN-3800", 400),
    CREDIT_NOT_FOUND("GN-3801", 404),
    LABOUR_INVALID("GN-3900", 400),
    LABOUR_NOT_FOUND("GN-3901", 404);

    private final String code;
    private final int status;

    ErrorCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The stable number, e.g. {@code GN-1002}. */
    public String code() {
        return code;
    }

    /** The HTTP status answered with it. */
    public int status() {
        return status;
    }

    /** The key of its message in bundle messages: {@code problem.GN-1002}; arguments {0}, {1} as the entry documents. */
    public String messageKey() {
        return "problem." + code;
    }

    /** The {@code type} member of the problem: a URN naming the entry of the catalogue. */
    public String type() {
        return "urn:giamngheo:problem:" + code;
    }

    /** The general entry of a status (for errors with no entry of their own). */
    public static ErrorCode forStatus(int status) {
        Optional<ErrorCode> first = Arrays.stream(values()).filter(c -> c.status == status).findFirst();
        return first.orElse(status >= 500 ? INTERNAL : BAD_REQUEST);
    }
}
