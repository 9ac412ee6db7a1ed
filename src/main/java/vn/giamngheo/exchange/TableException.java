package vn.giamngheo.exchange;

/** A file that cannot be read as a table at all; carries the one problem that says why. */
public final class TableException extends RuntimeException {

    private final transient ExchangeProblem problem;

    TableException(ExchangeProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public ExchangeProblem problem() {
        return problem;
    }
}
