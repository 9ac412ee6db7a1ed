package vn.giamngheo.credit;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/** Nothing with that id in the user's area (the same answer whether it exists elsewhere or not). */
@ResponseStatus(HttpStatus.NOT_FOUND)
class CreditNotFoundException extends RuntimeException implements ErrorCoded {

    CreditNotFoundException(String what, Object id) {
        super(what + " " + id + " not found in your area");
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.CREDIT_NOT_FOUND;
    }
}
