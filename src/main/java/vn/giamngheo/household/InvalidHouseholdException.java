package vn.giamngheo.household;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.List;

/** Submitted household data broke one or more rules; nothing was stored. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidHouseholdException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidHouseholdException(List<FieldProblem> problems) {
        super(problems.size() + " problem(s): " + problems.stream()
                .map(p -> p.field() + " " + p.messageKey()).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
