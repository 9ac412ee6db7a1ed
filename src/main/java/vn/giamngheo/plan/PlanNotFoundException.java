package vn.giamngheo.plan;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/** No such plan or unit in the user's area (404). */
public class PlanNotFoundException extends RuntimeException implements ErrorCoded {

    public PlanNotFoundException(String message) {
        super(message);
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.PLAN_NOT_FOUND;
    }
}
