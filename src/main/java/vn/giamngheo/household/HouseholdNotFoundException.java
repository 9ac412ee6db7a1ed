package vn.giamngheo.household;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No household with that id in the user's area (the same answer whether it exists elsewhere or not). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class HouseholdNotFoundException extends RuntimeException implements ErrorCoded {
    public HouseholdNotFoundException(long id) {
        super("household " + id + " not found");
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.HOUSEHOLD_NOT_FOUND;
    }
}
