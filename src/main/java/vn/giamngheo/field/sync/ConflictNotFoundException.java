package vn.giamngheo.field.sync;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/** No conflict of the user with this change id (another user's change, or no conflict at all): 404. */
public class ConflictNotFoundException extends RuntimeException implements ErrorCoded {

    public ConflictNotFoundException(Object changeId) {
        super("no conflict " + changeId);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.NOT_FOUND;
    }
}
