package vn.giamngheo.standard;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import java.util.List;

/** A requested change of a standard or the schedule was refused; every problem is named (answered as 400). */
public class InvalidStandardException extends RuntimeException implements ErrorCoded {

    private final List<StandardProblem> problems;

    InvalidStandardException(List<StandardProblem> problems) {
        super("invalid: " + problems.stream().map(p -> p.field() + " " + p.messageKey() + " " + p.args()).toList());
        this.problems = List.copyOf(problems);
    }

    public List<StandardProblem> problems() {
        return problems;
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.STANDARD_INVALID;
    }

    @Override
    public String errorMessage() {
        return null;
    }

    @Override
    public java.util.Map<String, Object> errorMembers(Texts texts) {
        return ErrorCoded.members("invalid change", problems.stream().map(p -> ErrorCoded.item("field", p.field(), "code", p.messageKey(), "message", texts.text(p.messageKey(), p.argArray(), p.messageKey() + " " + p.args()))).toList());
    }
}
