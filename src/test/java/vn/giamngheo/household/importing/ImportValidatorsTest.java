package vn.giamngheo.household.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.household.CommuneRef;
import vn.giamngheo.household.GeneratedHouseholds;
import vn.giamngheo.security.AccessScope;

/** Table-driven tests of each validator of the import pipeline, one concern each, without a database. */
class ImportValidatorsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    static final CommuneRef NORTH = new CommuneRef(11, "00101", "01", "/1/10/11/", "urban");
    static final CommuneRef SOUTH = new CommuneRef(21, "00201", "02", "/2/20/21/", "rural");
    static final Map<String, CommuneRef> COMMUNES = Map.of(NORTH.code(), NORTH, SOUTH.code(), SOUTH);
    static final AccessScope PROVINCE_01 = new AccessScope(1L, "/1/", "01");
    static final AccessScope COMMUNE_21 = new AccessScope(21L, "/2/20/21/", "02");

    static ImportContext context(AccessScope scope) {
        return new ImportContext("h.csv", "m.csv", TODAY, scope, code -> Optional.ofNullable(COMMUNES.get(code)));
    }

    /** Households coded H0, H1, … in the given communes (one each), identity numbers from 7_000_000 on. */
    static List<ImportRow> rows(String... communes) {
        List<HouseholdData> data = GeneratedHouseholds.generate(communes.length, 5, 7, List.of(communes), "H");
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            rows.add(new ImportRow(i + 2, data.get(i)));
        }
        return rows;
    }

    static List<ExchangeProblem> run(ImportValidator validator, List<ImportRow> rows, AccessScope scope) {
        List<ExchangeProblem> problems = new ArrayList<>();
        validator.validate(rows, context(scope), problems::add);
        return problems;
    }

    /** line:column:value:code of each problem, to compare with the table. */
    static List<String> described(List<ExchangeProblem> problems) {
        return problems.stream().map(p -> p.file() + ":" + p.line() + ":" + p.column() + ":" + p.value() + ":" + p.code()).toList();
    }

    static Stream<Arguments> communes() {
        return Stream.of(
                Arguments.of("known, inside the area", List.of("00101"), AccessScope.NATIONAL, List.of()),
                Arguments.of("known, inside the province", List.of("00101", "00101"), PROVINCE_01, List.of()),
                Arguments.of("unknown code", List.of("00101", "99999"), PROVINCE_01,
                        List.of("h.csv:3:commune_code:99999:exchange.commune-unknown")),
                Arguments.of("outside the area", List.of("00201", "00101"), PROVINCE_01,
                        List.of("h.csv:2:commune_code:00201:exchange.commune-outside-scope")),
                Arguments.of("every problem, not just the first", List.of("00101", "00201", "99999"), COMMUNE_21,
                        List.of("h.csv:2:commune_code:00101:exchange.commune-outside-scope",
                                "h.csv:4:commune_code:99999:exchange.commune-unknown")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("communes")
    void theCommuneExistsAndIsInsideTheArea(String title, List<String> communes, AccessScope scope, List<String> expected) {
        assertThat(described(run(new CommuneValidator(), rows(communes.toArray(String[]::new)), scope)))
                .containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> registeredHouseholds() {
        return Stream.of(
                Arguments.of("nothing registered", Set.of(), List.of()),
                Arguments.of("another commune's household of the same code", Set.of("00201/H0"), List.of()),
                Arguments.of("the same code in the same commune", Set.of("00101/H1"),
                        List.of("h.csv:3:household_code:H1:exchange.household-registered")),
                Arguments.of("every registered one", Set.of("00101/H0", "00101/H2"),
                        List.of("h.csv:2:household_code:H0:exchange.household-registered",
                                "h.csv:4:household_code:H2:exchange.household-registered")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredHouseholds")
    void aHouseholdCodeIsNotRegisteredTwiceInItsCommune(String title, Set<String> registered, List<String> expected) {
        List<Collection<Long>> asked = new ArrayList<>();
        RegisteredHouseholdValidator validator = new RegisteredHouseholdValidator(communes -> {
            asked.add(communes);
            return registered;
        });

        assertThat(described(run(validator, rows("00101", "00101", "00101", "99999"), AccessScope.NATIONAL)))
                .containsExactlyElementsOf(expected);
        assertThat(asked).as("one look-up, of the known communes only").containsExactly(List.of(NORTH.id()));
    }

    static Stream<Arguments> registeredIdentityNumbers() {
        return Stream.of(
                Arguments.of("none registered", List.of(), 0),
                Arguments.of("one registered", List.of(0), 1),
                Arguments.of("several, each reported", List.of(0, 2, 3), 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredIdentityNumbers")
    void anIdentityNumberIsNotRegisteredTwiceAndTheAnswerIsMasked(String title, List<Integer> registeredIndexes, int count) {
        List<ImportRow> rows = rows("00101", "00101", "00101");
        List<String> numbers = rows.stream().flatMap(r -> r.data().members().stream())
                .map(m -> m.idNumber()).filter(n -> n != null).toList();
        assertThat(numbers).hasSizeGreaterThan(3);
        Set<String> registered = new HashSet<>();
        registeredIndexes.forEach(i -> registered.add(numbers.get(i)));
        List<Set<String>> asked = new ArrayList<>();
        RegisteredIdentityValidator validator = new RegisteredIdentityValidator(ids -> {
            asked.add(ids);
            return registered;
        });

        List<ExchangeProblem> problems = run(validator, rows, AccessScope.NATIONAL);

        assertThat(asked).singleElement().isEqualTo(new HashSet<>(numbers));
        assertThat(problems).hasSize(count).allSatisfy(p -> {
            assertThat(p.code()).isEqualTo("exchange.id-number-registered");
            assertThat(p.file()).isEqualTo("h.csv");
            assertThat(p.column()).startsWith("id_number (member ");
            assertThat(registered).contains(p.value());
            assertThat(p.message()).endsWith("is already registered; ask your province")
                    .doesNotContain("household").doesNotContain("commune");
        });
        assertThat(problems).extracting(ExchangeProblem::value).containsExactlyInAnyOrderElementsOf(registered);
    }

    static Stream<Arguments> composed() {
        return Stream.of(
                Arguments.of("a good file", List.of("00101", "00101"), Set.of(), List.of()),
                Arguments.of("per-row checks first, then the registry, all reported",
                        List.of("00201", "00101", "99999"), Set.of("00101/H1"),
                        List.of("h.csv:2:commune_code:00201:exchange.commune-outside-scope",
                                "h.csv:4:commune_code:99999:exchange.commune-unknown",
                                "h.csv:3:household_code:H1:exchange.household-registered")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("composed")
    void theComposedChecksReportEveryProblem(String title, List<String> communes, Set<String> registered, List<String> expected) {
        ImportValidators validators = new ImportValidators(c -> registered, ids -> Set.of());
        List<ImportRow> rows = rows(communes.toArray(String[]::new));

        List<ExchangeProblem> problems = validators.validate(rows, context(PROVINCE_01));

        assertThat(described(problems)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("communes")
    void theStreamedPerRowChecksReportWhatTheFileChecksReport(String title, List<String> communes, AccessScope scope,
                                                             List<String> expected) {
        ImportValidators validators = new ImportValidators(c -> Set.of(), ids -> Set.of());
        ImportContext context = context(scope);
        List<ExchangeProblem> streamed = new ArrayList<>();
        for (ImportRow row : rows(communes.toArray(String[]::new))) {
            validators.validate(row, context, streamed::add);
        }
        assertThat(described(streamed)).containsExactlyElementsOf(expected);
        assertThat(validators.perRow()).hasSize(1);
    }
}
