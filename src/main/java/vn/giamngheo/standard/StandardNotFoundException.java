package vn.giamngheo.standard;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/** No such standard (or version), or one outside the user's area: answered as 404 (pages and API). */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class StandardNotFoundException extends RuntimeException implements ErrorCoded {

    StandardNotFoundException(String code) {
        super("poverty standard " + code + " not found");
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.STANDARD_NOT_FOUND;
    }
}
