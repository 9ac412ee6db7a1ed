package vn.giamngheo.household.importing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.household.Household;

/**
 * The one place where the household import's checks are composed, in the order they report: first the
 * checks of one household at a time ({@link #perRow()}, which the bulk import also runs while it streams), then
 * the checks against the registry. Formats, required values, code lists, member rules and repetitions inside
 * the files are checked while the files are read ({@code exchange.HouseholdFileReader} /
 * {@code HouseholdStreamReader}); the bulk import runs the registry checks as SQL over its staging tables and
 * reports them through the same validators' problems.
 */
@Component
public class ImportValidators {

    private final List<ImportValidator.PerRow> perRow;
    private final List<ImportValidator> all;
    private final Function<Set<String>, Set<String>> registeredIdentityNumbers;

    @Autowired
    ImportValidators(JdbcClient jdbc) {
        this(communes -> new HashSet<>(jdbc.sql("""
                        SELECT c.code || '/' || h.household_code FROM household h JOIN admin_unit c ON c.id = h.commune_id
                        WHERE h.commune_id = ANY(:communes)""")
                        .param("communes", communes.toArray(Long[]::new))
                        .query(String.class).list()),
                ids -> new HashSet<>(jdbc.sql("SELECT id_number FROM citizen_identity WHERE id_number = ANY(:ids)")
                        .param("ids", ids.toArray(String[]::new)).query(String.class).list()));
    }

    /**
     * The composition: {@code registeredHouseholds} answers the registered {@code communeCode/householdCode} of
     * the given commune ids, {@code registeredIdentityNumbers} those of the given numbers already registered.
     */
    ImportValidators(Function<Collection<Long>, Set<String>> registeredHouseholds,
                     Function<Set<String>, Set<String>> registeredIdentityNumbers) {
        this.registeredIdentityNumbers = registeredIdentityNumbers;
        this.perRow = List.of(new CommuneValidator());
        List<ImportValidator> checks = new ArrayList<>(perRow);
        checks.add(new RegisteredHouseholdValidator(registeredHouseholds));
        checks.add(new RegisteredIdentityValidator(registeredIdentityNumbers));
        this.all = List.copyOf(checks);
    }

    /** The checks of one household at a time. */
    List<ImportValidator.PerRow> perRow() {
        return perRow;
    }

    /** Every check of the households of a file, each reporting all it finds. */
    List<ExchangeProblem> validate(List<ImportRow> rows, ImportContext context) {
        List<ExchangeProblem> problems = new ArrayList<>();
        all.forEach(v -> v.validate(rows, context, problems::add));
        return problems;
    }

    /**
     * Every check of an import in the given mode, each reporting all it finds: add mode runs {@link #validate(List,
     * ImportContext)} (no household or identity number registered already); update mode checks instead that each
     * household is registered in its commune inside the user's area ({@code registered}, by
     * {@code communeCode/householdCode}) and that identity numbers are not registered to another household; both
     * check the villages against those of the communes ({@code villages}, by commune code) unless the import may
     * create villages.
     */
    List<ExchangeProblem> validate(List<ImportRow> rows, ImportContext context, ImportOptions options,
                                   Map<String, Household> registered, Map<String, List<String>> villages) {
        List<ExchangeProblem> problems = new ArrayList<>();
        if (options.update()) {
            perRow.forEach(v -> v.validate(rows, context, problems::add));
            new UpdateTargetValidator(registered).validate(rows, context, problems::add);
            Set<String> held = new HashSet<>();
            for (ImportRow row : rows) {
                Household h = registered.get(row.data().household().communeCode() + "/" + row.data().code());
                if (h != null) {
                    h.members().forEach(m -> {
                        if (m.idNumber() != null) {
                            held.add(m.idNumber());
                        }
                    });
                }
            }
            new RegisteredIdentityValidator(numbers -> {
                Set<String> taken = new HashSet<>(registeredIdentityNumbers.apply(numbers));
                taken.removeAll(held);
                return taken;
            }).validate(rows, context, problems::add);
        } else {
            problems.addAll(validate(rows, context));
        }
        new VillageValidator(villages, options.createVillages()).validate(rows, context, problems::add);
        return problems;
    }

    /** The per-row checks of one household (the bulk import's stream). */
    void validate(ImportRow row, ImportContext context, Consumer<ExchangeProblem> problems) {
        perRow.forEach(v -> v.validate(row, context, problems));
    }

    static ExchangeProblem error(String file, int line, String column, String value, String code, String message) {
        return new ExchangeProblem(ExchangeProblem.Severity.ERROR, file, line, column, value, code, List.of(value), message);
    }
}
