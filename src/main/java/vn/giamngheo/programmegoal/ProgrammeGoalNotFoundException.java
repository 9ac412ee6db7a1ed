package vn.giamngheo.programmegoal;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/** A programme goal, a province or a period that does not exist or lies outside the user's area (404). */
public class ProgrammeGoalNotFoundException extends RuntimeException implements ErrorCoded {

    public ProgrammeGoalNotFoundException(String message) {
        super(message);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.NOT_FOUND;
    }
}
