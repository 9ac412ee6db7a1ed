package vn.giamngheo.plan;

import java.util.List;

/** One reason a plan change or file is refused: where (field, or line and column of a file; 0 = no line), a key of the {@code plan} bundle and its arguments. */
public record PlanProblem(int line, String field, String messageKey, List<String> args) {

    public PlanProblem {
        field = field == null ? "" : field;
        args = List.copyOf(args);
    }

    public static PlanProblem of(String field, String messageKey, String... args) {
        return new PlanProblem(0, field, messageKey, List.of(args));
    }

    public static PlanProblem atLine(int line, String column, String messageKey, String... args) {
        return new PlanProblem(line, column, messageKey, List.of(args));
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
