package vn.giamngheo.support;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import java.util.List;
import vn.giamngheo.exchange.ExchangeProblem;

/** A benefit entry the API refuses (400): every problem of its checks, nothing stored. */
class BenefitRejectedException extends RuntimeException implements ErrorCoded {

    private final transient List<ExchangeProblem> problems;

    BenefitRejectedException(List<ExchangeProblem> problems) {
        super("the benefit is not recorded: " + problems.size() + " problems");
        this.problems = List.copyOf(problems);
    }

    List<ExchangeProblem> problems() {
        return problems;
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.BENEFIT_REJECTED;
    }

    @Override
    public java.util.Map<String, Object> errorMembers(Texts texts) {
        java.util.List<java.util.Map<String, Object>> items = problems.stream().filter(p -> p.isError()).map(p -> ErrorCoded.item(
                "field", p.column(), "line", p.line(), "value", p.value(), "message", texts.text(p.code(), p.args().toArray(), p.message()))).toList();
        return java.util.Map.of("message", texts.text("support.api.not-recorded", null, getMessage()), "problems", items);
    }
}
