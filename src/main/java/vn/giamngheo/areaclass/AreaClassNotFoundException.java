package vn.giamngheo.areaclass;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/** No area class with the code of the address (404; the code is not repeated in the answer). */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class AreaClassNotFoundException extends RuntimeException implements ErrorCoded {

    public AreaClassNotFoundException() {
        super("no such area class");
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.NOT_FOUND;
    }
}
