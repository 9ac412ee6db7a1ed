package vn.giamngheo.setting;

/** No parameter has this key (a programming error in a caller, or a wrong key in an API request). */
public class UnknownParameterException extends RuntimeException {

    public UnknownParameterException(String key) {
        super("unknown parameter: '" + key + "' (see /admin/parameters for the parameters that exist)");
    }
}
