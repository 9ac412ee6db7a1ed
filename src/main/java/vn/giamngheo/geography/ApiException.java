package vn.giamngheo.geography;

import org.springframework.http.HttpStatus;

/** An error the unit API answers with its own status and message. */
class ApiException extends RuntimeException {
    private final HttpStatus status;

    ApiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
