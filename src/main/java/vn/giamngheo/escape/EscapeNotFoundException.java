package vn.giamngheo.escape;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Nothing with that id in the user's area (the same answer whether it exists elsewhere or not). */
@ResponseStatus(HttpStatus.NOT_FOUND)
class EscapeNotFoundException extends RuntimeException implements ErrorCoded {

    EscapeNotFoundException(String what, Object id) {
        super(what + " " + id + " not found in your area");
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.ESCAPE_NOT_FOUND;
    }
}
