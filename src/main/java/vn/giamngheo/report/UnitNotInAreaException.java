package vn.giamngheo.report;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
/** The unit does not exist or lies outside the user's area (404 either way). */
class UnitNotInAreaException extends RuntimeException implements ErrorCoded {
    UnitNotInAreaException(Object unit) {
        super("unit " + unit + " not found");
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.UNIT_NOT_IN_AREA;
    }
}
