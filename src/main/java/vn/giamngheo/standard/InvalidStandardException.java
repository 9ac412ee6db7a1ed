package vn.giamngheo.standard;

import java.util.List;

/** A requested change of a standard or the schedule was refused; every problem is named (answered as 400). */
public class InvalidStandardException extends RuntimeException {

    private final List<StandardProblem> problems;

    InvalidStandardException(List<StandardProblem> problems) {
        super("invalid: " + problems.stream().map(p -> p.field() + " " + p.messageKey() + " " + p.args()).toList());
        this.problems = List.copyOf(problems);
    }

    public List<StandardProblem> problems() {
        return problems;
    }
}
