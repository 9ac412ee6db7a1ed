package vn.giamngheo.field.sync;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/** A request of the field app the server cannot read (no device, no changes, an unknown kind…): 400, nothing stored. */
public class FieldSyncException extends RuntimeException implements ErrorCoded {

    private final String key;
    private final transient Object[] args;

    public FieldSyncException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
    }

    public String key() {
        return key;
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.INVALID_INPUT;
    }

    @Override
    public String errorMessage() {
        return null;
    }

    @Override
    public java.util.Map<String, Object> errorMembers(Texts texts) {
        String text = texts.text(key, args, key);
        return java.util.Map.of("error", text, "message", text);
    }
}
