package vn.giamngheo.analysis;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such unit in the user's area (the same answer whether the unit exists elsewhere or not). */
@ResponseStatus(HttpStatus.NOT_FOUND)
class UnitNotInAreaException extends RuntimeException implements ErrorCoded {

    UnitNotInAreaException(Object unit) {
        super("unit " + unit + " is not in your area");
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.UNIT_NOT_IN_AREA;
    }
}
