package vn.giamngheo.programme;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import java.util.List;

/** A change or file refused with every problem found; nothing was stored. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
public class InvalidProgrammeException extends RuntimeException implements ErrorCoded {

    private final transient List<ProgrammeProblem> problems;

    public InvalidProgrammeException(List<ProgrammeProblem> problems) {
        super("refused: " + problems.size() + " problem(s), first " + problems.get(0).messageKey() + " " + problems.get(0).args());
        this.problems = List.copyOf(problems);
    }

    public InvalidProgrammeException(ProgrammeProblem problem) {
        this(List.of(problem));
    }

    public List<ProgrammeProblem> problems() {
        return problems;
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.PROGRAMME_INVALID;
    }

    @Override
    public String errorMessage() {
        return null;
    }

    @Override
    public java.util.Map<String, Object> errorMembers(Texts texts) {
        return ErrorCoded.members("refused, nothing stored", problems.stream().map(p -> ErrorCoded.item("line", p.line(), "field", p.field(), "code", p.messageKey(), "message", texts.text(p.messageKey(), p.argArray(), p.messageKey() + " " + p.args()))).toList());
    }
}
