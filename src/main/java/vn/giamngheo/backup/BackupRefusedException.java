package vn.giamngheo.backup;

/** A backup file or a target database that a restore (or a backup) refuses to work with; nothing was written. */
public class BackupRefusedException extends RuntimeException {

    public BackupRefusedException(String message) {
        super(message);
    }

    public BackupRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
