package vn.giamngheo.movement;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such unit or decision in the user's area (the same answer whether it exists elsewhere or not). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class MovementNotFoundException extends RuntimeException implements ErrorCoded {

    public MovementNotFoundException(String what) {
        super(what + " is not in your area");
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.MOVEMENT_NOT_FOUND;
    }
}
