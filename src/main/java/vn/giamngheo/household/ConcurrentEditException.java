package vn.giamngheo.household;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Someone saved the household after this user started editing it; carries the newer values. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConcurrentEditException extends RuntimeException {

    private final transient Household current;

    public ConcurrentEditException(Household current) {
        super("household " + current.id() + " was changed by someone else (now version " + current.version() + ")");
        this.current = current;
    }

    public Household current() {
        return current;
    }
}
