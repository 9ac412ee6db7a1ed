package vn.giamngheo.exchange;

import java.util.Locale;
import java.util.Optional;

/** A value of a code list of the exchange format; its code is the constant's name in lower case. */
public interface Coded {

    default String code() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose code is {@code text} (case-insensitive, trimmed), if any. */
    static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equals(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The codes of a code list, in declaration order, separated by ", " (for messages). */
    static <E extends Enum<E> & Coded> String codesOf(Class<E> type) {
        StringBuilder codes = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            if (codes.length() > 0) {
                codes.append(", ");
            }
            codes.append(constant.code());
        }
        return codes.toString();
    }
}
