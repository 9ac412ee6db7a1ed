package vn.giamngheo.geography;

/** No unit with the given id, or with the given code on the given date. */
public class UnknownUnitException extends RuntimeException {
    UnknownUnitException(String message) {
        super(message);
    }
}
