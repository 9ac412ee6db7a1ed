package vn.giamngheo.problem;

import java.util.List;
import java.util.Map;

/**
 * A request refused with its reasons, each a field and a message key of the feature's bundle with its arguments;
 * nothing stored. A feature's subclass names its error code; the answer lists the reasons in the reader's language.
 */
public abstract class FieldProblemsException extends RuntimeException implements ErrorCoded {

    private final List<Problem> problems;

    protected FieldProblemsException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.key()).toList().toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One reason: the field it is about, the message key and its arguments. */
    public record Problem(String field, String key, List<Object> args) {
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
