package vn.giamngheo.programme;

import java.util.List;

/**
 * One reason a change is refused: where (a field, or a line and column of an imported file; 0 = no
 * line), a message key of the {@code programme} bundle and its arguments.
 */
public record ProgrammeProblem(int line, String field, String messageKey, List<String> args) {

    public ProgrammeProblem {
        field = field == null ? "" : field;
        args = List.copyOf(args);
    }

    public static ProgrammeProblem of(String field, String messageKey, String... args) {
        return new ProgrammeProblem(0, field, messageKey, List.of(args));
    }

    public static ProgrammeProblem atLine(int line, String column, String messageKey, String... args) {
        return new ProgrammeProblem(line, column, messageKey, List.of(args));
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
