package vn.giamngheo.livelihood;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import java.util.List;

/** A request refused with its reasons (message keys of the livelihood bundle with their arguments); nothing stored. */
class InvalidModelException extends RuntimeException implements ErrorCoded {

    private final List<Problem> problems;

    InvalidModelException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.key()).toList().toString());
        this.problems = List.copyOf(problems);
    }

    InvalidModelException(String field, String key, Object... args) {
        this(List.of(new Problem(field, key, List.of(args))));
    }

    List<Problem> problems() {
        return problems;
    }

    record Problem(String field, String key, List<Object> args) {
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.MODEL_INVALID;
    }

    @Override
    public String errorMessage() {
        return null;
    }

    @Override
    public java.util.Map<String, Object> errorMembers(Texts texts) {
        return ErrorCoded.members("invalid request", problems.stream().map(p -> ErrorCoded.item("field", p.field(), "message", texts.text(p.key(), p.args().toArray(), p.key()))).toList());
    }
}
