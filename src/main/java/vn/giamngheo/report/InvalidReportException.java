package vn.giamngheo.report;

@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
/** A report request that cannot be answered as asked (400, nothing computed). */
class InvalidReportException extends RuntimeException {
    InvalidReportException(String message) {
        super(message);
    }
}
