package vn.giamngheo.standard;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/** The standard got a newer version since the user read it: answered as 409 with the current version. */
public class StandardConflictException extends RuntimeException implements ErrorCoded {

    private final int currentVersion;

    StandardConflictException(String code, int currentVersion) {
        super("poverty standard " + code + " is now at version " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.STANDARD_CHANGED;
    }

    @Override
    public java.util.Map<String, Object> errorMembers(Texts texts) {
        return java.util.Map.of("currentVersion", currentVersion);
    }
}
