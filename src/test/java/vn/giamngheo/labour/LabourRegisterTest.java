package vn.giamngheo.labour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.credit.CreditRecords;
import vn.giamngheo.credit.Loans;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * The labour-export register: a worker abroad with a loan of the credit register, status on a day (abroad,
 * returned, broke the contract), figures by country against independent SQL counts, checks, versions and scope.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabourRegisterTest {

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired Workers workers;
    @Autowired Loans loans;

    RegistryFixture fixture;
    String commune;
    CurrentUser officer;
    Household h;
    Household other;
    long loan;
    long otherLoan;

    @BeforeAll
    void household() {
        fixture = new RegistryFixture(jdbc, users);
        commune = fixture.communeCode("08", 64);
        officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        String serial = String.valueOf(System.nanoTime() % 1_000_000);
        h = registry.create(RegistryFixture.household(commune, "LD-1-" + serial), officer);
        other = registry.create(RegistryFixture.household(commune, "LD-2-" + serial), officer);
        loan = loans.add(new CreditRecords.LoanForm(h.id(), 2, "LABOUR_EXPORT", "LD-KU-" + serial, 100_000_000L,
                LocalDate.of(2026, 3, 1), 36, "preferential", null), officer).id();
        otherLoan = loans.add(new CreditRecords.LoanForm(other.id(), 1, "LABOUR_EXPORT", "LD-KU2-" + serial, 80_000_000L,
                LocalDate.of(2026, 3, 1), 36, "preferential", null), officer).id();
    }

    @Test
    void aWorkerAbroadReturnsOrBreaksTheContractAndIsCountedByCountry() {
        LabourRecords.Worker w = workers.add(h.id(), new LabourRecords.WorkerForm(2, "JP", "intern_trainee",
                LocalDate.of(2026, 4, 1), 36, true, loan, 5_000_000L, null), officer);
        assertThat(w.loanId()).isEqualTo(loan);
        assertThat(w.status()).isEqualTo("abroad");
        workers.add(other.id(), new LabourRecords.WorkerForm(1, "KR", "public_programme", LocalDate.of(2026, 2, 1), 58,
                false, null, null, null), officer);

        // returned early, having broken the contract
        workers.update(w.id(), new LabourRecords.WorkerUpdate(w.version(), "JP", "intern_trainee", w.departedOn(), 36,
                LocalDate.of(2026, 10, 1), true, true, loan, 5_000_000L, "về trước hạn"), officer);
        assertThat(workers.list(officer.scope(), LocalDate.of(2026, 9, 30), "JP", null, 100))
                .extracting(LabourRecords.Worker::status).containsExactly("abroad");
        assertThat(workers.list(officer.scope(), LocalDate.of(2026, 10, 1), "JP", null, 100))
                .extracting(LabourRecords.Worker::status).containsExactly("broke_contract");
        assertThat(workers.list(officer.scope(), LocalDate.of(2026, 3, 15), "JP", null, 100)).isEmpty();
        // stale version refused
        assertThatThrownBy(() -> workers.update(w.id(), new LabourRecords.WorkerUpdate(w.version(), "JP", "intern_trainee",
                w.departedOn(), 36, null, false, true, loan, null, null), officer))
                .isInstanceOf(InvalidWorkerException.class).hasMessageContaining("labour.problem.stale");

        LocalDate on = LocalDate.of(2026, 11, 1);
        List<LabourRecords.Figure> figures = workers.figures(officer.scope(), on).stream()
                .filter(f -> f.unitCode().equals(commune)).toList();
        long communeId = fixture.unitId("commune", commune);
        for (String country : List.of("JP", "KR")) {
            long sql = jdbc.sql("""
                            SELECT count(*) FROM labour_worker w JOIN household x ON x.province_code = w.province_code
                              AND x.id = w.household_id WHERE x.commune_id = :c AND w.country_code = :country AND w.departed_on <= :on""")
                    .param("c", communeId).param("country", country).param("on", on).query(Long.class).single();
            assertThat(figures.stream().filter(f -> f.countryCode().equals(country)).mapToLong(LabourRecords.Figure::workers).sum())
                    .as(country).isEqualTo(sql).isEqualTo(1);
        }
        LabourRecords.Figure jp = figures.stream().filter(f -> f.countryCode().equals("JP")).findFirst().orElseThrow();
        assertThat(jp.brokeContract()).isEqualTo(1);
        assertThat(jp.withLoan()).isEqualTo(1);
        assertThat(jp.departedInYear()).isEqualTo(1);
    }

    @Test
    void wrongInputIsRefusedWithItsReasons() {
        assertThatThrownBy(() -> workers.add(h.id(), new LabourRecords.WorkerForm(9, "XX", "nope", null, 0, false,
                otherLoan, -1L, null), officer))
                .isInstanceOf(InvalidWorkerException.class)
                .hasMessageContaining("labour.problem.member").hasMessageContaining("labour.problem.country")
                .hasMessageContaining("labour.problem.contract-type").hasMessageContaining("labour.problem.departed-required")
                .hasMessageContaining("labour.problem.months").hasMessageContaining("labour.problem.loan")
                .hasMessageContaining("labour.problem.fees");
    }

    @Test
    void anotherProvinceSeesNothing() {
        CurrentUser outsider = fixture.user(Role.PROVINCE_OFFICER, "province", "01");
        assertThat(workers.figures(outsider.scope(), LocalDate.of(2026, 11, 1))).isEmpty();
        assertThat(workers.list(outsider.scope(), LocalDate.of(2026, 11, 1), null, null, 100)).isEmpty();
        assertThatThrownBy(() -> workers.ofHousehold(h.id(), outsider.scope())).isInstanceOf(WorkerNotFoundException.class);
        assertThatThrownBy(() -> workers.add(h.id(), new LabourRecords.WorkerForm(1, "JP", "enterprise",
                LocalDate.of(2026, 5, 1), 12, false, null, null, null), outsider)).isInstanceOf(WorkerNotFoundException.class);
    }
}
