package vn.giamngheo.escape;

import java.util.List;

/** A request refused with its reasons (message keys of the escape bundle with their arguments); nothing stored. */
class InvalidEscapeException extends RuntimeException {

    private final List<Problem> problems;

    InvalidEscapeException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.key()).toList().toString());
        this.problems = List.copyOf(problems);
    }

    InvalidEscapeException(String field, String key, Object... args) {
        this(List.of(new Problem(field, key, List.of(args))));
    }

    List<Problem> problems() {
        return problems;
    }

    record Problem(String field, String key, List<Object> args) {
    }
}
