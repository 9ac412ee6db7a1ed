package vn.giamngheo.livelihood;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Nothing with that id in the user's area (the same answer whether it exists elsewhere or not). */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ModelNotFoundException extends RuntimeException implements ErrorCoded {

    ModelNotFoundException(String what, Object id) {
        super(what + " " + id + " not found in your area");
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.MODEL_NOT_FOUND;
    }
}
