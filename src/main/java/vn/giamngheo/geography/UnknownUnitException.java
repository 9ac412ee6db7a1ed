package vn.giamngheo.geography;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/** No unit with the given id, or with the given code on the given date. */
public class UnknownUnitException extends RuntimeException implements ErrorCoded {
    UnknownUnitException(String message) {
        super(message);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.UNIT_UNKNOWN;
    }
}
