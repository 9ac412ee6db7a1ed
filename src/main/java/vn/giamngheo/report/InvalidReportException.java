package vn.giamngheo.report;

/** A report request that cannot be answered as asked (400, nothing computed). */
class InvalidReportException extends RuntimeException {
    InvalidReportException(String message) {
        super(message);
    }
}
