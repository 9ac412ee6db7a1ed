package vn.giamngheo.setting;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/** No parameter has this key (a programming error in a caller, or a wrong key in an API request). */
public class UnknownParameterException extends RuntimeException implements ErrorCoded {

    public UnknownParameterException(String key) {
        super("unknown parameter: '" + key + "' (see /admin/parameters for the parameters that exist)");
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.SETTING_UNKNOWN;
    }
}
