package vn.giamngheo.programme;

import java.util.List;

/** A change or file refused with every problem found; nothing was stored. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
public class InvalidProgrammeException extends RuntimeException {

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
}
