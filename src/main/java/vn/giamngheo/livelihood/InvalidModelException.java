package vn.giamngheo.livelihood;

import java.util.List;
import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.FieldProblemsException;

/** A request refused with its reasons (message keys of the livelihood bundle with their arguments); nothing stored. */
class InvalidModelException extends FieldProblemsException {

    InvalidModelException(List<Problem> problems) {
        super(problems);
    }

    InvalidModelException(String field, String key, Object... args) {
        this(List.of(new Problem(field, key, List.of(args))));
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.MODEL_INVALID;
    }
}
