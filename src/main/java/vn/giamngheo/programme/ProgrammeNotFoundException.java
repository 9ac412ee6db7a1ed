package vn.giamngheo.programme;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/** Not there, or outside the user's area (which is not told apart: both are 404). */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class ProgrammeNotFoundException extends RuntimeException implements ErrorCoded {

    public ProgrammeNotFoundException(String message) {
        super(message);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.PROGRAMME_NOT_FOUND;
    }
}
