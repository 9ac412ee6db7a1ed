package vn.giamngheo.household;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.List;

/** Submitted household data broke one or more rules; nothing was stored. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidHouseholdException extends RuntimeException implements ErrorCoded {

    private final transient List<FieldProblem> problems;

    public InvalidHouseholdException(List<FieldProblem> problems) {
        super(problems.size() + " problem(s): " + problems.stream()
                .map(p -> p.field() + " " + p.messageKey()).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.HOUSEHOLD_INVALID;
    }

    @Override
    public String errorMessage() {
        return null;
    }

    @Override
    public java.util.Map<String, Object> errorMembers(Texts texts) {
        return ErrorCoded.members("invalid household", problems.stream().map(p -> ErrorCoded.item("field", p.field(), "value", p.value() == null ? "" : p.value(), "message", texts.text(p.messageKey(), p.args().toArray(), p.messageKey()))).toList());
    }
}
