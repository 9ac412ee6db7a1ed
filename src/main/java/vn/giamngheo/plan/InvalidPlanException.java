package vn.giamngheo.plan;

import java.util.List;

/** A plan change or file refused with every problem found; nothing was stored. */
public class InvalidPlanException extends RuntimeException {

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
}
