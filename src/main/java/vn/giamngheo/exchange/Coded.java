package vn.giamngheo.exchange;

import java.util.Locale;
import java.util.Optional;

/** A value of a code list of the exchange format; its code is the constant's name in lower case. */
public interface Coded {

    default String code() {
        Enum<?> constant = (Enum<?>) this;
        return Codes.OF.get(constant.getDeclaringClass()).codes[constant.ordinal()];
    }

    /** The constant whose code is {@code text} (case-insensitive, trimmed), if any. */
    @SuppressWarnings("unchecked")
    static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String text) {
        Codes codes = Codes.OF.get(type);
        Object exact = codes.byCode.get(text);
        if (exact != null) {
            return Optional.of((E) exact);
        }
        return Optional.ofNullable((E) codes.byCode.get(text.trim().toLowerCase(Locale.ROOT)));
    }

    /** The codes of each code list, computed once (imports read millions of them). */
    final class Codes {
        static final ClassValue<Codes> OF = new ClassValue<>() {
            @Override
            protected Codes computeValue(Class<?> type) {
                return new Codes(type);
            }
        };

        private final String[] codes;
        private final java.util.Map<String, Object> byCode = new java.util.HashMap<>();

        private Codes(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            codes = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                codes[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
                byCode.put(codes[i], constants[i]);
            }
        }
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
