package vn.giamngheo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.credit.CreditRecords;
import vn.giamngheo.credit.Loans;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.support.rules.CoverageFigures;
import vn.giamngheo.support.rules.CoveragePeriod;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * A household with a policy loan of a lending programme that names a support policy (POOR → CREDIT) is covered by
 * that policy while the loan has a balance; a loan of another programme, or one settled before the period, is not.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreditCoverageTest {

    static final LocalDate ON = LocalDate.of(2026, 9, 30);

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired GeographyCatalog geography;
    @Autowired CoverageService coverage;
    @Autowired Loans loans;

    SupportFixture fixture;
    String commune;
    CurrentUser officer;

    @BeforeAll
    void households() {
        fixture = new SupportFixture(jdbc, users, registry, geography);
        commune = fixture.commune(63);
        officer = fixture.officer(commune);
        String serial = String.valueOf(System.nanoTime() % 1_000_000);
        Map<Household, String> statuses = new LinkedHashMap<>();
        Household withLoan = fixture.household(commune, "CV-1-" + serial, null, officer);
        Household otherProgramme = fixture.household(commune, "CV-2-" + serial, null, officer);
        Household settledEarlier = fixture.household(commune, "CV-3-" + serial, null, officer);
        Household none = fixture.household(commune, "CV-4-" + serial, null, officer);
        for (Household h : new Household[] {withLoan, otherProgramme, settledEarlier, none}) {
            statuses.put(h, PovertyStatus.POOR.code());
        }
        fixture.decide(commune, LocalDate.of(2026, 1, 1), statuses);
        loans.add(new CreditRecords.LoanForm(withLoan.id(), null, "POOR", "CV-A-" + serial, 50_000_000L,
                LocalDate.of(2025, 6, 1), 60, "preferential", null), officer);
        loans.add(new CreditRecords.LoanForm(otherProgramme.id(), null, "STUDENTS", "CV-B-" + serial, 20_000_000L,
                LocalDate.of(2026, 2, 1), 48, "preferential", null), officer);
        CreditRecords.Loan settled = loans.add(new CreditRecords.LoanForm(settledEarlier.id(), null, "POOR", "CV-C-" + serial,
                10_000_000L, LocalDate.of(2024, 1, 1), 24, "preferential", null), officer);
        loans.correct(settled.id(), new CreditRecords.LoanCorrection(settled.version(), "POOR", 10_000_000L, 24, "preferential",
                LocalDate.of(2025, 12, 31), null), officer);
    }

    @Test
    void anOutstandingLoanOfAMatchingProgrammeCountsAsReceived() {
        CoverageFigures f = coverage.coverage(fixture.communeId(commune), "CREDIT", CoveragePeriod.onDate(ON), officer.scope())
                .policies().get(0).total();
        long entitled = f.entitled();
        assertThat(entitled).isGreaterThanOrEqualTo(4);
        long expected = jdbc.sql("""
                        SELECT count(DISTINCT l.household_id) FROM loan l
                        JOIN household h ON h.province_code = l.province_code AND h.id = l.household_id
                        JOIN lending_programme lp ON lp.code = l.programme_code AND lp.support_policy_code = 'CREDIT'
                        WHERE h.commune_id = :c AND l.disbursed_on <= :to AND (l.settled_on IS NULL OR l.settled_on >= :from)""")
                .param("c", fixture.communeId(commune)).param("from", ON.withDayOfYear(1)).param("to", ON)
                .query(Long.class).single();
        assertThat(expected).isEqualTo(1);
        assertThat(f.received()).isEqualTo(expected);
        assertThat(f.gap()).isEqualTo(entitled - expected);
    }
}
