package vn.giamngheo.problem;

import java.util.Map;

/**
 * An exception of a module that the web edge answers with an entry of the {@link ErrorCode catalogue}: its status,
 * its number and its message in the user's language. The exception stays in its module; the one handler reads it
 * through this interface.
 */
public interface ErrorCoded {

    /** The entry of the catalogue. */
    ErrorCode errorCode();

    /** The arguments of the entry's message ({0}, {1}…). */
    default Object[] errorArgs() {
        return new Object[0];
    }

    /**
     * The module's own sentence, kept as the members {@code message} and {@code error} of the problem as the former
     * error bodies carried it; null when the exception's text is no sentence for a reader (then the catalogue's
     * message is used).
     */
    default String errorMessage() {
        return this instanceof Throwable t ? t.getMessage() : null;
    }

    /**
     * Extension members of the problem kept from the module's former error body (a list of problems with their
     * line and field, the current version…), translated with {@code texts}.
     */
    default Map<String, Object> errorMembers(Texts texts) {
        return Map.of();
    }

    /** The members of a refusal with a list of problems: {@code error} and {@code problems}. */
    static Map<String, Object> members(String error, java.util.List<Map<String, Object>> problems) {
        Map<String, Object> members = new java.util.LinkedHashMap<>();
        members.put("error", error);
        members.put("problems", problems);
        return members;
    }

    /** One item of a list of problems from names and values (a value may be null). */
    static Map<String, Object> item(Object... namesAndValues) {
        Map<String, Object> item = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return item;
    }

    /** Message texts in the language of the answer. */
    @FunctionalInterface
    interface Texts {
        String text(String key, Object[] args, String fallback);
    }
}
