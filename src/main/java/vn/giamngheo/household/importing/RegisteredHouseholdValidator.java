package vn.giamngheo.household.importing;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.household.CommuneRef;

/**
 * No household of the file is already registered under its code in its commune (importing the same file twice
 * stores nothing twice). Codes repeated inside the file are the reader's concern ({@code exchange.duplicate-household}).
 */
final class RegisteredHouseholdValidator implements ImportValidator {

    static final String REGISTERED = "exchange.household-registered";

    /** The registered households of these communes, as {@code communeCode/householdCode}. */
    private final Function<Collection<Long>, Set<String>> registered;

    RegisteredHouseholdValidator(Function<Collection<Long>, Set<String>> registered) {
        this.registered = registered;
    }

    @Override
    public void validate(List<ImportRow> rows, ImportContext context, Consumer<ExchangeProblem> problems) {
        List<Long> communes = rows.stream().map(r -> context.commune(r.data().household().communeCode()))
                .flatMap(java.util.Optional::stream).map(CommuneRef::id).distinct().toList();
        if (communes.isEmpty()) {
            return;
        }
        Set<String> taken = registered.apply(communes);
        for (ImportRow row : rows) {
            String commune = row.data().household().communeCode();
            if (taken.contains(commune + "/" + row.data().code())) {
                problems.accept(problem(context.householdsName(), row.line(), commune, row.data().code()));
            }
        }
    }

    /** The problem, as both the in-memory pipeline and the bulk import's SQL check report it. */
    static ExchangeProblem problem(String file, int line, String communeCode, String householdCode) {
        return ImportValidators.error(file, line, "household_code", householdCode, REGISTERED,
                "household " + householdCode + " is already registered in commune " + communeCode);
    }
}
