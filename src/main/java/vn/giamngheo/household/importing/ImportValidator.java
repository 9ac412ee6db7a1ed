package vn.giamngheo.household.importing;

import java.util.List;
import java.util.function.Consumer;
import vn.giamngheo.exchange.ExchangeProblem;

/**
 * One check of the households of an import, one concern each (DHIS2's shape): it reports every problem it
 * finds, each with file, line, column, value and a message code, and never stops at the first one. The checks
 * are composed in one place, {@link ImportValidators}.
 */
public interface ImportValidator {

    void validate(List<ImportRow> rows, ImportContext context, Consumer<ExchangeProblem> problems);

    /** A check of one household at a time: it also runs on files read as a stream (the bulk import). */
    interface PerRow extends ImportValidator {

        void validate(ImportRow row, ImportContext context, Consumer<ExchangeProblem> problems);

        @Override
        default void validate(List<ImportRow> rows, ImportContext context, Consumer<ExchangeProblem> problems) {
            rows.forEach(row -> validate(row, context, problems));
        }
    }
}
