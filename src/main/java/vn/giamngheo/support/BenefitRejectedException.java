package vn.giamngheo.support;

import java.util.List;
import vn.giamngheo.exchange.ExchangeProblem;

/** A benefit entry the API refuses (400): every problem of its checks, nothing stored. */
class BenefitRejectedException extends RuntimeException {

    private final transient List<ExchangeProblem> problems;

    BenefitRejectedException(List<ExchangeProblem> problems) {
        super("the benefit is not recorded: " + problems.size() + " problems");
        this.problems = List.copyOf(problems);
    }

    List<ExchangeProblem> problems() {
        return problems;
    }
}
