package vn.giamngheo.standard.rules;

import java.util.List;

/**
 * A translatable sentence: a key of the {@code i18n/classification} bundles and its arguments. An argument
 * may itself be a {@code Message} (e.g. the name of an indicator), rendered in the same language, a
 * {@link Code} or a {@link CodeList} (codes of the exchange format, said in words), or a number (formatted
 * for the locale by the pattern in the bundle). No code or field name is passed as plain text.
 */
public record Message(String key, List<Object> args) {

    public Message {
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }
}
