package vn.giamngheo.analysis;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A request the analysis cannot run: unknown standard, unknown parameter, a value of the wrong kind, a bad k. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class InvalidAnalysisException extends RuntimeException implements ErrorCoded {

    InvalidAnalysisException(String message) {
        super(message);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.ANALYSIS_INVALID;
    }
}
