package vn.giamngheo.plan;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import java.util.List;

/** A plan change or file refused with every problem found; nothing was stored. */
public class InvalidPlanException extends RuntimeException implements ErrorCoded {

    private final transient List<PlanProblem> problems;

    public InvalidPlanException(List<PlanProblem> problems) {
        super("refused: " + problems.size() + " problem(s), first " + problems.get(0).messageKey() + " " + problems.get(0).args());
        this.problems = List.copyOf(problems);
    }

    public InvalidPlanException(PlanProblem problem) {
        this(List.of(problem));
    }

    public List<PlanProblem> problems() {
        return problems;
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.PLAN_INVALID;
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
