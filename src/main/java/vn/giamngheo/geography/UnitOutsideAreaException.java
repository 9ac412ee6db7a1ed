package vn.giamngheo.geography;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/**
 * The unit does not exist or lies outside the user's area: both read as "not found" (404, the catalogue's
 * {@link ErrorCode#UNIT_NOT_IN_AREA}), so that an outsider learns nothing of units elsewhere. The one exception
 * for it: every feature that resolves a unit throws this one.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnitOutsideAreaException extends RuntimeException implements ErrorCoded {

    public UnitOutsideAreaException(Object unitId) {
        super("no unit " + unitId + " in the user's area");
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.UNIT_NOT_IN_AREA;
    }
}
