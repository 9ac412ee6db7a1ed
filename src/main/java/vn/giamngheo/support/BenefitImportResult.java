package vn.giamngheo.support;

import java.util.List;
import vn.giamngheo.exchange.ExchangeProblem;

/** What an import or an entry did: the records stored (none when any error was found) and every problem. */
public record BenefitImportResult(String file, int stored, List<ExchangeProblem> problems) {

    public BenefitImportResult {
        problems = List.copyOf(problems);
    }

    public boolean accepted() {
        return problems.stream().noneMatch(ExchangeProblem::isError);
    }
}
