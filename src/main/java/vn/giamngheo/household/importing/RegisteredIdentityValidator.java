package vn.giamngheo.household.importing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.exchange.MemberRecord;

/**
 * No member's identity number is already registered anywhere in the country. The answer is masked: it says
 * only that the number is registered (not where, nor to whom) and sends the user to their province.
 * Numbers repeated inside the file are the reader's concern ({@code exchange.duplicate-id-number}).
 */
final class RegisteredIdentityValidator implements ImportValidator {

    static final String REGISTERED = "exchange.id-number-registered";

    /** Of these identity numbers, those already registered. */
    private final Function<Set<String>, Set<String>> registered;

    RegisteredIdentityValidator(Function<Set<String>, Set<String>> registered) {
        this.registered = registered;
    }

    @Override
    public void validate(List<ImportRow> rows, ImportContext context, Consumer<ExchangeProblem> problems) {
        Set<String> numbers = new HashSet<>();
        rows.forEach(r -> r.data().members().forEach(m -> m.idNumberIfGiven().ifPresent(numbers::add)));
        if (numbers.isEmpty()) {
            return;
        }
        Set<String> taken = registered.apply(numbers);
        for (ImportRow row : rows) {
            for (MemberRecord m : row.data().members()) {
                if (m.idNumber() != null && taken.contains(m.idNumber())) {
                    problems.accept(problem(context.householdsName(), row.line(), m.idNumber(), m.memberNo()));
                }
            }
        }
    }

    /** The problem, as both the in-memory pipeline and the bulk import's SQL check report it. */
    static ExchangeProblem problem(String file, int line, String idNumber, Object memberNo) {
        return ImportValidators.error(file, line, "id_number (member " + memberNo + ")", idNumber, REGISTERED,
                "identity number " + idNumber + " (member " + memberNo + ") is already registered; ask your province");
    }
}
