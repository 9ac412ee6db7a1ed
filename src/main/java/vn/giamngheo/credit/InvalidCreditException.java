package vn.giamngheo.credit;

import java.util.List;
import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.FieldProblemsException;

/** A request refused with its reasons (message keys of the credit bundle with their arguments); nothing stored. */
class InvalidCreditException extends FieldProblemsException {

    InvalidCreditException(List<Problem> problems) {
        super(problems);
    }

    InvalidCreditException(String field, String key, Object... args) {
        this(List.of(new Problem(field, key, List.of(args))));
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.CREDIT_INVALID;
    }
}
