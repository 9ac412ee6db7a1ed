package vn.giamngheo.report;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
/** A report request that cannot be answered as asked (400, nothing computed). */
class InvalidReportException extends RuntimeException implements ErrorCoded {
    InvalidReportException(String message) {
        super(message);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.REPORT_INVALID;
    }
}
