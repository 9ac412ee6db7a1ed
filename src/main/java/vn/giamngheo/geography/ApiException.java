package vn.giamngheo.geography;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import org.springframework.http.HttpStatus;

/** An error the unit API answers with its own status and message. */
class ApiException extends RuntimeException implements ErrorCoded {
    private final HttpStatus status;

    ApiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    @Override
    public ErrorCode errorCode() {
        return status == HttpStatus.NOT_FOUND ? ErrorCode.UNIT_UNKNOWN : status == HttpStatus.BAD_REQUEST
                ? ErrorCode.UNIT_REQUEST_INVALID : ErrorCode.forStatus(status.value());
    }
}
