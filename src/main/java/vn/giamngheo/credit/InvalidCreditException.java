package vn.giamngheo.credit;

import java.util.List;
import java.util.Map;
import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/** A request refused with its reasons (message keys of the credit bundle with their arguments); nothing stored. */
class InvalidCreditException extends RuntimeException implements ErrorCoded {

    private final List<Problem> problems;

    InvalidCreditException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.key()).toList().toString());
        this.problems = List.copyOf(problems);
    }

    InvalidCreditException(String field, String key, Object... args) {
        this(List.of(new Problem(field, key, List.of(args))));
    }

    List<Problem> problems() {
        return problems;
    }

    record Problem(String field, String key, List<Object> args) {
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.CREDIT_INVALID;
    }

    @Override
    public String errorMessage() {
        return null;
    }

    @Override
    public Map<String, Object> errorMembers(Texts texts) {
        return ErrorCoded.members("invalid request", problems.stream().map(p -> ErrorCoded.item("field", p.field(),
                "message", texts.text(p.key(), p.args().toArray(), p.key()))).toList());
    }
}
