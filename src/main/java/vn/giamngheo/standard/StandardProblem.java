package vn.giamngheo.standard;

import java.util.List;

/** One thing wrong with a requested change: the field, a message key of {@code i18n/standard} and its arguments. */
public record StandardProblem(String field, String messageKey, List<Object> args) {

    public StandardProblem {
        args = List.copyOf(args);
    }

    static StandardProblem of(String field, String messageKey, Object... args) {
        return new StandardProblem(field, messageKey, List.of(args));
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
