package vn.giamngheo.analysis;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such unit in the user's area (the same answer whether the unit exists elsewhere or not). */
@ResponseStatus(HttpStatus.NOT_FOUND)
class UnitNotInAreaException extends RuntimeException {

    UnitNotInAreaException(Object unit) {
        super("unit " + unit + " is not in your area");
    }
}
