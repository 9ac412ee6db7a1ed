package vn.giamngheo.support;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such policy, unit or household in the user's area (the same answer whether it exists elsewhere or not). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class SupportNotFoundException extends RuntimeException {

    public SupportNotFoundException(String what) {
        super(what + " is not in your area");
    }
}
