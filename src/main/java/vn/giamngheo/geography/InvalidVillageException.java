package vn.giamngheo.geography;

/** A village cannot be created as asked; {@code reason} is a stable message key suffix, the message says why. */
public class InvalidVillageException extends RuntimeException {
    private final String reason;

    InvalidVillageException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
