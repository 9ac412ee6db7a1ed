package vn.giamngheo.standard;

/** The standard got a newer version since the user read it: answered as 409 with the current version. */
public class StandardConflictException extends RuntimeException {

    private final int currentVersion;

    StandardConflictException(String code, int currentVersion) {
        super("poverty standard " + code + " is now at version " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
