package vn.giamngheo.escape;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Nothing with that id in the user's area (the same answer whether it exists elsewhere or not). */
@ResponseStatus(HttpStatus.NOT_FOUND)
class EscapeNotFoundException extends RuntimeException {

    EscapeNotFoundException(String what, Object id) {
        super(what + " " + id + " not found in your area");
    }
}
