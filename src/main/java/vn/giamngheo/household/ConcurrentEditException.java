package vn.giamngheo.household;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Someone saved the household after this user started editing it; carries the newer values. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConcurrentEditException extends RuntimeException implements ErrorCoded {

    private final transient Household current;

    public ConcurrentEditException(Household current) {
        super("household " + current.id() + " was changed by someone else (now version " + current.version() + ")");
        this.current = current;
    }

    public Household current() {
        return current;
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.HOUSEHOLD_CHANGED;
    }

    @Override
    public java.util.Map<String, Object> errorMembers(Texts texts) {
        String text = texts.text("household.concurrent-edit", null, getMessage());
        return java.util.Map.of("error", text, "message", text, "current", current);
    }
}
