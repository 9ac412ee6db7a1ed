package vn.giamngheo.geography;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The unit does not exist or lies outside the user's area: both read as "not found" (404). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnitOutsideAreaException extends RuntimeException {
    public UnitOutsideAreaException(Object unitId) {
        super("no unit " + unitId + " in the user's area");
    }
}
