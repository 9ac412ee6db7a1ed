package vn.giamngheo.escape;

import java.util.List;
import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.FieldProblemsException;

/** A request refused with its reasons (message keys of the escape bundle with their arguments); nothing stored. */
class InvalidEscapeException extends FieldProblemsException {

    InvalidEscapeException(List<Problem> problems) {
        super(problems);
    }

    InvalidEscapeException(String field, String key, Object... args) {
        this(List.of(new Problem(field, key, List.of(args))));
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.ESCAPE_INVALID;
    }
}
