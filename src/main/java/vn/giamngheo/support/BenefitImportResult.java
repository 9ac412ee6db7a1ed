package vn.giamngheo.support;

import java.util.List;
import vn.giamngheo.exchange.ExchangeProblem;

/**
 * What an import or an entry did: the records stored (none when any error was found), their ids, and every
 * problem.
 */
public record BenefitImportResult(String file, int stored, List<ExchangeProblem> problems, List<Long> ids) {

    public BenefitImportResult {
        problems = List.copyOf(problems);
        ids = List.copyOf(ids);
    }

    public boolean accepted() {
        return problems.stream().noneMatch(ExchangeProblem::isError);
    }
}
