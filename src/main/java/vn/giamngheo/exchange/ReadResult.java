package vn.giamngheo.exchange;

import java.util.List;

/**
 * Either the households read from a pair of exchange files, or the complete list of problems. Warnings
 * (unknown columns) never stop a read; a single error means no household is returned.
 */
public final class ReadResult {

    private final List<HouseholdData> households;
    private final List<ExchangeProblem> problems;

    private ReadResult(List<HouseholdData> households, List<ExchangeProblem> problems) {
        this.households = List.copyOf(households);
        this.problems = List.copyOf(problems);
    }

    static ReadResult of(List<HouseholdData> households, List<ExchangeProblem> problems) {
        boolean failed = problems.stream().anyMatch(ExchangeProblem::isError);
        return new ReadResult(failed ? List.of() : households, problems);
    }

    public boolean isSuccess() {
        return errors().isEmpty();
    }

    /** The households, in file order; throws when the files had errors. */
    public List<HouseholdData> households() {
        if (!isSuccess()) {
            throw new IllegalStateException("the files have " + errors().size() + " errors");
        }
        return households;
    }

    /** Errors and warnings, households file first, each file in line order. */
    public List<ExchangeProblem> problems() {
        return problems;
    }

    public List<ExchangeProblem> errors() {
        return problems.stream().filter(ExchangeProblem::isError).toList();
    }

    public List<ExchangeProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
