package vn.giamngheo.labour;

import java.util.List;
import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.FieldProblemsException;

/** A request refused with its reasons (message keys of the labour bundle with their arguments); nothing stored. */
class InvalidWorkerException extends FieldProblemsException {

    InvalidWorkerException(List<Problem> problems) {
        super(problems);
    }

    InvalidWorkerException(String field, String key, Object... args) {
        this(List.of(new Problem(field, key, List.of(args))));
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.LABOUR_INVALID;
    }
}
