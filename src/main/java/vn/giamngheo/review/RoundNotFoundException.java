package vn.giamngheo.review;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such round, or not in the user's area (the two look the same from outside). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RoundNotFoundException extends RuntimeException implements ErrorCoded {

    public RoundNotFoundException(String what) {
        super(what + " not found");
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.ROUND_NOT_FOUND;
    }
}
