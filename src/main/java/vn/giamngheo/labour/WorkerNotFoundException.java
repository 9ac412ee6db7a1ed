package vn.giamngheo.labour;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/** Nothing with that id in the user's area (the same answer whether it exists elsewhere or not). */
@ResponseStatus(HttpStatus.NOT_FOUND)
class WorkerNotFoundException extends RuntimeException implements ErrorCoded {

    WorkerNotFoundException(String what, Object id) {
        super(what + " " + id + " not found in your area");
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.LABOUR_NOT_FOUND;
    }
}
