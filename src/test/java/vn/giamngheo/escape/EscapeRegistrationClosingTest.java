package vn.giamngheo.escape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Households register to escape, the commune decides the lists of the year, and every registration is closed
 * from the decided rows; the counts by unit match counts made independently in SQL.
 */
@Tag("database")
@SpringBootTest
class EscapeRegistrationClosingTest {

    private static final LocalDate REGISTERED_ON = LocalDate.of(2026, 2, 1);

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired GeographyCatalog geography;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired EscapeRegistrations registrations;
    @Autowired EscapeReport report;

    private RegistryFixture fixture;
    private DecisionFixture decisions;

    @BeforeEach
    void setUp() {
        fixture = new RegistryFixture(jdbc, users);
        decisions = new DecisionFixture(jdbc, events, tx);
    }

    @Test
    void eachRegistrationIsClosedFromTheDecidedListsAndTheCountsByUnitMatch() {
        String communeA = fixture.communeCode("08", 41);
        String communeB = fixture.communeCode("08", 42);
        long idA = fixture.unitId("commune", communeA);
        long idB = fixture.unitId("commune", communeB);
        long village1 = geography.createVillage(idA, "Thượng " + System.nanoTime() % 100000, "thôn").id();
        long village2 = geography.createVillage(idA, "Hạ " + System.nanoTime() % 100000, "thôn").id();
        CurrentUser officerA = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", communeA);

        // before: the lists of 2026 (decided at the end of 2025)
        String[] before = {"poor", "poor", "poor", "near_poor", "near_poor", "near_poor", "poor", "near_poor", "average", "poor"};
        long[] h = new long[before.length];
        Map<Long, String> baseline = new LinkedHashMap<>();
        for (int i = 0; i < before.length; i++) {
            h[i] = household(communeA, i % 3 == 0 ? null : i % 3 == 1 ? village1 : village2, officerA).id();
            baseline.put(h[i], before[i]);
        }
        decisions.baseline("08", idA, 2026, baseline);

        for (int i = 0; i < 8; i++) {
            register(h[i], 2027, officerA, i != 5);
        }
        Registration withdrawn = registrations.get(idOf(h[7], 2027), officerA.scope());
        registrations.withdraw(withdrawn.id(), withdrawn.version(), officerA);
        assertThatThrownBy(() -> register(h[8], 2027, officerA, true))
                .isInstanceOf(InvalidEscapeException.class)
                .satisfies(e -> assertThat(((InvalidEscapeException) e).problems())
                        .extracting(InvalidEscapeException.Problem::key).containsExactly("escape.problem.not-poor"));
        register(h[9], 2028, officerA, true);

        // commune B: a registration for the same year, which commune A's decision must not touch
        CurrentUser officerB = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", communeB);
        long hb = household(communeB, null, officerB).id();
        decisions.baseline("08", idB, 2026, Map.of(hb, "poor"));
        register(hb, 2027, officerB, true);

        // an in-year decision of commune A closes nothing
        decisions.decideMonthly("08", idA, 2026, LocalDate.of(2026, 6, 20), Map.of(h[0], "poor"));
        assertThat(outcomes(idA, 2027)).containsOnly("open", "withdrawn");

        // the periodic decision for the lists of 2027; household 7 (h[6]) is not in it
        Map<Long, String> decided = new LinkedHashMap<>();
        String[] after = {"poor", "near_poor", "average", "near_poor", "poor", "not_poor", null, "average", "average", "poor"};
        for (int i = 0; i < after.length; i++) {
            if (after[i] != null) {
                decided.put(h[i], after[i]);
            }
        }
        fixture.loginAs(Role.COMMUNE_CHAIR, "commune", communeA);
        long decision = decisions.decidePeriodic("08", idA, 2027, decided);

        record Expected(String outcome, String statusAfter, Boolean inDecision) {
        }
        List<Expected> expected = List.of(
                new Expected("not_escaped", "poor", true),          // poor stays poor
                new Expected("escaped", "near_poor", true),         // poor to near-poor escaped poverty
                new Expected("escaped", "average", true),           // poor to average
                new Expected("not_escaped", "near_poor", true),     // near-poor stays near-poor
                new Expected("not_escaped", "poor", true),          // near-poor became poor
                new Expected("escaped", "not_poor", true),          // near-poor to not poor
                new Expected("not_escaped", "poor", false),         // not in the decision: keeps its previous status
                new Expected("withdrawn", null, null));             // withdrawn stays withdrawn
        for (int i = 0; i < expected.size(); i++) {
            Registration r = registrations.get(idOf(h[i], 2027), officerA.scope());
            assertThat(new Expected(r.outcome(), r.statusAfter(), r.inDecision())).as("household %d", i + 1).isEqualTo(expected.get(i));
            if (!r.outcome().equals("withdrawn")) {
                assertThat(r.closedByDecisionId()).isEqualTo(decision);
                assertThat(r.closedOn()).isEqualTo(LocalDate.of(2026, 12, 10));
            } else {
                assertThat(r.closedByDecisionId()).isNull();
            }
        }
        assertThat(registrations.get(idOf(h[9], 2028), officerA.scope()).outcome()).isEqualTo("open");
        assertThat(jdbc.sql("SELECT outcome FROM escape_registration WHERE household_id = :h").param("h", hb)
                .query(String.class).single()).isEqualTo("open");

        // registering again for a year already decided is refused
        assertThatThrownBy(() -> register(h[9], 2027, officerA, true)).isInstanceOf(InvalidEscapeException.class)
                .satisfies(e -> assertThat(((InvalidEscapeException) e).problems())
                        .extracting(InvalidEscapeException.Problem::key).contains("escape.problem.year-decided"));

        // counts by unit against independent SQL
        List<EscapeReport.UnitRow> rows = report.byUnit(2027, officerA.scope());
        EscapeReport.UnitRow communeRow = rows.stream().filter(r -> r.level().equals("commune")).findFirst().orElseThrow();
        assertThat(rows.stream().filter(r -> r.level().equals("commune"))).hasSize(1);
        assertThat(communeRow.communeCode()).isEqualTo(communeA);
        assertThat(communeRow).isEqualTo(independent(idA, null, false, communeRow));
        assertThat(rows.stream().filter(r -> r.level().equals("total")).findFirst().orElseThrow())
                .usingRecursiveComparison().ignoringFields("level", "communeCode", "communeName").isEqualTo(communeRow);
        List<EscapeReport.UnitRow> villages = rows.stream().filter(r -> r.level().equals("village")).toList();
        assertThat(villages).hasSize(3);
        for (EscapeReport.UnitRow v : villages) {
            Long villageId = v.villageCode() == null ? null : fixture.unitId("village", v.villageCode());
            assertThat(v).isEqualTo(independent(idA, villageId, true, v));
        }
        assertThat(villages.stream().mapToInt(EscapeReport.UnitRow::registered).sum()).isEqualTo(communeRow.registered());
        assertThat(communeRow.registered()).isEqualTo(7);
        assertThat(communeRow.escaped()).isEqualTo(3);
        assertThat(communeRow.notEscaped()).isEqualTo(4);
        assertThat(communeRow.expected()).isEqualTo(6);
        assertThat(communeRow.escapeRate()).isEqualTo(42.9);

        // a province officer sees both communes; the commune officer of B only B
        CurrentUser province = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        assertThat(report.byUnit(2027, province.scope()).stream().filter(r -> r.level().equals("commune"))
                .map(EscapeReport.UnitRow::communeCode)).contains(communeA, communeB);
        assertThat(report.byUnit(2027, officerB.scope()).stream().filter(r -> r.level().equals("commune"))
                .map(EscapeReport.UnitRow::communeCode)).containsExactly(communeB);
        assertThatThrownBy(() -> registrations.get(idOf(h[0], 2027), officerB.scope())).isInstanceOf(EscapeNotFoundException.class);
    }

    @Test
    void aRegistrationClosedByARevokedDecisionIsClosedAgainByTheDecisionReplacingIt() {
        String commune = fixture.communeCode("08", 43);
        long communeId = fixture.unitId("commune", commune);
        CurrentUser officer = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", commune);
        long h1 = household(commune, null, officer).id();
        long h2 = household(commune, null, officer).id();
        decisions.baseline("08", communeId, 2026, Map.of(h1, "poor", h2, "near_poor"));
        register(h1, 2027, officer, true);
        register(h2, 2027, officer, true);

        long first = decisions.decidePeriodic("08", communeId, 2027, Map.of(h1, "near_poor", h2, "near_poor"));
        assertThat(registrations.get(idOf(h1, 2027), officer.scope()).outcome()).isEqualTo("escaped");
        decisions.revoke(first);
        long second = decisions.decideAgain(first, Map.of(h1, "poor", h2, "average"));

        Registration r1 = registrations.get(idOf(h1, 2027), officer.scope());
        Registration r2 = registrations.get(idOf(h2, 2027), officer.scope());
        assertThat(r1.outcome()).isEqualTo("not_escaped");
        assertThat(r1.closedByDecisionId()).isEqualTo(second);
        assertThat(r2.outcome()).isEqualTo("escaped");
        assertThat(r2.statusAfter()).isEqualTo("average");
    }

    @Test
    void aFailingDecisionClosesNothing() {
        String commune = fixture.communeCode("08", 44);
        long communeId = fixture.unitId("commune", commune);
        CurrentUser officer = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", commune);
        long h1 = household(commune, null, officer).id();
        decisions.baseline("08", communeId, 2026, Map.of(h1, "poor"));
        register(h1, 2027, officer, true);

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            decisions.decidePeriodic("08", communeId, 2027, Map.of(h1, "average"));
            throw new IllegalStateException("the decision fails after publishing");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(registrations.get(idOf(h1, 2027), officer.scope()).outcome()).isEqualTo("open");
    }

    private EscapeReport.UnitRow independent(long communeId, Long villageId, boolean byVillage, EscapeReport.UnitRow shape) {
        String where = " FROM escape_registration WHERE commune_id = " + communeId + " AND list_year = 2027"
                + (byVillage ? (villageId == null ? " AND village_id IS NULL" : " AND village_id = " + villageId) : "");
        java.util.function.Function<String, Integer> count = condition -> jdbc.sql("SELECT count(*)" + where + " AND " + condition)
                .query(Integer.class).single();
        return new EscapeReport.UnitRow(shape.level(), shape.communeCode(), shape.communeName(), shape.villageCode(),
                shape.villageName(),
                count.apply("outcome <> 'withdrawn'"),
                count.apply("outcome <> 'withdrawn' AND registered_status = 'poor'"),
                count.apply("outcome <> 'withdrawn' AND registered_status = 'near_poor'"),
                count.apply("outcome <> 'withdrawn' AND expected_to_escape"),
                count.apply("outcome = 'open'"),
                count.apply("outcome = 'escaped'"),
                count.apply("outcome = 'escaped' AND registered_status = 'poor'"),
                count.apply("outcome = 'escaped' AND registered_status = 'near_poor'"),
                count.apply("outcome = 'escaped' AND expected_to_escape"),
                count.apply("outcome = 'not_escaped'"),
                count.apply("outcome = 'withdrawn'"));
    }

    private List<String> outcomes(long communeId, int year) {
        return jdbc.sql("SELECT outcome FROM escape_registration WHERE commune_id = :c AND list_year = :y")
                .param("c", communeId).param("y", year).query(String.class).list();
    }

    private long idOf(long household, int year) {
        return jdbc.sql("SELECT id FROM escape_registration WHERE household_id = :h AND list_year = :y")
                .param("h", household).param("y", year).query(Long.class).single();
    }

    private Registration register(long household, int year, CurrentUser user, boolean expected) {
        return registrations.register(new RegistrationForm(household, year, REGISTERED_ON, "Nuôi 5 con bò sinh sản",
                List.of("lack_capital", "lack_skills"), "Vay vốn Ngân hàng Chính sách xã hội 50 triệu đồng", expected), user);
    }

    private Household household(String commune, Long village, CurrentUser user) {
        var form = RegistryFixture.household(commune, "E" + System.nanoTime() % 100_000_000);
        form.setVillageId(village);
        return registry.create(form, user);
    }
}
