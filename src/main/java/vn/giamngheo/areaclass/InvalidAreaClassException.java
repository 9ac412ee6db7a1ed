package vn.giamngheo.areaclass;

import java.util.List;
import java.util.Map;
import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/** A request about area classes that cannot be carried out: a message key with its arguments (400). */
public class InvalidAreaClassException extends RuntimeException implements ErrorCoded {

    private final String messageKey;
    private final List<Object> args;

    public InvalidAreaClassException(String messageKey, Object... args) {
        super(messageKey + " " + List.of(args.length == 0 ? new Object[0] : nonNull(args)));
        this.messageKey = messageKey;
        this.args = List.of(nonNull(args));
    }

    private static Object[] nonNull(Object[] args) {
        Object[] copy = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            copy[i] = args[i] == null ? "" : args[i];
        }
        return copy;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.INVALID_DATA;
    }

    @Override
    public Map<String, Object> errorMembers(Texts texts) {
        return ErrorCoded.members(getMessage(), List.of(ErrorCoded.item("code", messageKey,
                "message", texts.text(messageKey, args(), getMessage()))));
    }
}
