package vn.giamngheo.household.importing;

import java.util.Optional;
import java.util.function.Consumer;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.household.CommuneRef;

/** The commune of each household exists on the import date and lies inside the importing user's area. */
final class CommuneValidator implements ImportValidator.PerRow {

    static final String UNKNOWN = "exchange.commune-unknown";
    static final String OUTSIDE_AREA = "exchange.commune-outside-scope";

    @Override
    public void validate(ImportRow row, ImportContext context, Consumer<ExchangeProblem> problems) {
        String code = row.data().household().communeCode();
        Optional<CommuneRef> commune = context.commune(code);
        if (commune.isEmpty()) {
            problems.accept(ImportValidators.error(context.householdsName(), row.line(), "commune_code", code, UNKNOWN,
                    "no commune with code " + code + " exists on " + context.today()));
        } else if (!context.scope().contains(commune.get().path())) {
            problems.accept(ImportValidators.error(context.householdsName(), row.line(), "commune_code", code, OUTSIDE_AREA,
                    "commune " + code + " is outside your area"));
        }
    }
}
