package vn.giamngheo.agency;

import java.util.List;
import java.util.Map;
import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/** A change to an agency refused with every problem found (a message key of the programme bundle); nothing stored. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
public class InvalidAgencyException extends RuntimeException implements ErrorCoded {

    /** One problem: the field and a message key with its arguments. */
    public record Problem(String field, String messageKey, List<String> args) {
        public static Problem of(String field, String messageKey, String... args) {
            return new Problem(field, messageKey, List.of(args));
        }

        public Object[] argArray() {
            return args.toArray();
        }
    }

    private final transient List<Problem> problems;

    public InvalidAgencyException(List<Problem> problems) {
        super("refused: " + problems.size() + " problem(s), first " + problems.get(0).messageKey() + " " + problems.get(0).args());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.INVALID_DATA;
    }

    @Override
    public String errorMessage() {
        return null;
    }

    @Override
    public Map<String, Object> errorMembers(Texts texts) {
        return ErrorCoded.members("refused, nothing stored", problems.stream().map(p -> ErrorCoded.item("field", p.field(),
                "code", p.messageKey(), "message", texts.text(p.messageKey(), p.argArray(), p.messageKey() + " " + p.args()))).toList());
    }
}
