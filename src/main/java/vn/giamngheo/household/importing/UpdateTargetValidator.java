package vn.giamngheo.household.importing;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.household.Household;

/**
 * Update mode: every household of the file is a registered, active household of its commune inside the
 * importing user's area (an unknown code, or one the user may not see, is refused with line and column).
 */
final class UpdateTargetValidator implements ImportValidator {

    static final String NOT_REGISTERED = "import.household-not-registered";

    /** The registered households of the file's communes inside the user's area, by {@code communeCode/householdCode}. */
    private final Map<String, Household> registered;

    UpdateTargetValidator(Map<String, Household> registered) {
        this.registered = registered;
    }

    @Override
    public void validate(List<ImportRow> rows, ImportContext context, Consumer<ExchangeProblem> problems) {
        for (ImportRow row : rows) {
            String commune = row.data().household().communeCode();
            if (context.commune(commune).filter(c -> context.scope().contains(c.path())).isEmpty()) {
                continue; // the commune's own problem is reported by CommuneValidator
            }
            String code = row.data().code();
            if (!registered.containsKey(commune + "/" + code)) {
                problems.accept(new ExchangeProblem(ExchangeProblem.Severity.ERROR, context.householdsName(), row.line(),
                        "household_code", code, NOT_REGISTERED, List.of(code, commune),
                        "household " + code + " is not registered in commune " + commune + " (update mode)"));
            }
        }
    }
}
