package vn.giamngheo.movement;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A request for movements that cannot be answered as asked (dates in the wrong order, unknown category…). */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidMovementRequestException extends RuntimeException implements ErrorCoded {

    public InvalidMovementRequestException(String message) {
        super(message);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.MOVEMENT_INVALID;
    }
}
