package vn.giamngheo.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * The credit register on the embedded PostgreSQL: the bank's file with unmatched lines (listed, stored nowhere,
 * stored matched-only when confirmed), all or nothing on a bad line, matching by identity number, balances on a
 * date, figures against independent SQL counts, and another province's officer seeing nothing.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreditRegisterTest {

    static final String HEADER = "Mã xã,Mã hộ,Số CCCD,Chương trình cho vay,Số khế ước,Số tiền vay,Ngày giải ngân,"
            + "Thời hạn vay (tháng),Loại lãi suất,Ngày sao kê,Dư nợ,Nợ quá hạn\n";

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired LoanImport importer;
    @Autowired Loans loans;

    RegistryFixture fixture;
    String commune;
    CurrentUser officer;
    CurrentUser outsider;
    Household byCode;
    Household byId;
    String idNumber;
    String serial;

    @BeforeAll
    void households() {
        fixture = new RegistryFixture(jdbc, users);
        commune = fixture.communeCode("08", 61);
        officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        outsider = fixture.user(Role.PROVINCE_OFFICER, "province", "01");
        serial = String.valueOf(System.nanoTime() % 1_000_000);
        byCode = registry.create(RegistryFixture.household(commune, "TD-A" + serial), officer);
        byId = registry.create(RegistryFixture.household(commune, "TD-B" + serial), officer);
        idNumber = jdbc.sql("SELECT id_number FROM household_member WHERE province_code = :p AND household_id = :h AND member_no = 2")
                .param("p", byId.provinceCode()).param("h", byId.id()).query(String.class).single();
    }

    LoanImport.Result run(String body, LoanImport.Mode mode, CurrentUser user) {
        return importer.importFile("nhcsxh.csv", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), mode, user, p -> { });
    }

    long loansOf(Household h) {
        return jdbc.sql("SELECT count(*) FROM loan WHERE province_code = :p AND household_id = :h")
                .param("p", h.provinceCode()).param("h", h.id()).query(Long.class).single();
    }

    String contract(String suffix) {
        return "KU-" + serial + "-" + suffix;
    }

    @Test
    void unmatchedLinesAreListedAndStoredNowhereUnlessTheOfficerConfirmsMatchedOnly() {
        String file = HEADER
                + commune + ",TD-A" + serial + ",,POOR," + contract("U1") + ",50.000.000,2026-01-15,60,ưu đãi,2026-06-30,45000000,0\n"
                + commune + ",," + idNumber + ",NEAR_POOR," + contract("U2") + ",30000000,15/02/2026,36,,2026-06-30,28000000,1000000\n"
                + commune + ",KHONG-CO-" + serial + ",,POOR," + contract("U3") + ",20000000,2026-03-01,36,,2026-06-30,20000000,0\n";
        long before = loansOf(byCode) + loansOf(byId);

        LoanImport.Result preview = run(file, LoanImport.Mode.DRY_RUN, officer);
        assertThat(preview.accepted()).isTrue();
        assertThat(preview.stored()).isFalse();
        assertThat(preview.matched()).isEqualTo(2);
        assertThat(preview.byCode()).isEqualTo(1);
        assertThat(preview.byIdNumber()).isEqualTo(1);
        assertThat(preview.unmatched()).extracting(LoanImport.Unmatched::line).containsExactly(4);
        assertThat(preview.newLoans()).isEqualTo(2);
        assertThat(preview.needsConfirmation()).isTrue();
        assertThat(loansOf(byCode) + loansOf(byId)).isEqualTo(before);

        LoanImport.Result unconfirmed = run(file, LoanImport.Mode.ALL, officer);
        assertThat(unconfirmed.accepted()).isFalse();
        assertThat(unconfirmed.errors()).extracting(ExchangeProblem::code).contains("credit.import.unmatched-not-confirmed");
        assertThat(loansOf(byCode) + loansOf(byId)).isEqualTo(before);

        LoanImport.Result stored = run(file, LoanImport.Mode.MATCHED_ONLY, officer);
        assertThat(stored.stored()).isTrue();
        assertThat(stored.newLoans()).isEqualTo(2);
        assertThat(loansOf(byCode) + loansOf(byId)).isEqualTo(before + 2);
        assertThat(jdbc.sql("SELECT count(*) FROM loan WHERE contract_no = :c").param("c", contract("U3")).query(Long.class).single())
                .isZero();
        // the second line was matched by the member's identity number
        assertThat(jdbc.sql("SELECT household_id FROM loan WHERE contract_no = :c").param("c", contract("U2")).query(Long.class).single())
                .isEqualTo(byId.id());

        // the same file again: nothing new, the statements are already there
        LoanImport.Result again = run(file, LoanImport.Mode.MATCHED_ONLY, officer);
        assertThat(again.stored()).isTrue();
        assertThat(again.newLoans()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        // the same day with other figures is an error, and nothing of the file is stored
        LoanImport.Result differs = run(HEADER + commune + ",TD-A" + serial + ",,POOR," + contract("U1")
                + ",50000000,2026-01-15,60,,2026-06-30,44000000,0\n", LoanImport.Mode.ALL, officer);
        assertThat(differs.errors()).extracting(ExchangeProblem::code).containsExactly("credit.import.statement-differs");
    }

    @Test
    void oneBadLineAndNothingIsStored() {
        long before = loansOf(byCode);
        String file = HEADER
                + commune + ",TD-A" + serial + ",,POOR," + contract("B1") + ",10000000,2026-01-15,24,,2026-06-30,9000000,0\n"
                + commune + ",TD-A" + serial + ",,POOR," + contract("B2") + ",10000000,2026-13-45,24,,2026-06-30,9000000,0\n"
                + commune + ",TD-A" + serial + ",,NO_SUCH," + contract("B3") + ",10000000,2026-01-15,24,,2026-06-30,9000000,20000000\n";
        LoanImport.Result r = run(file, LoanImport.Mode.MATCHED_ONLY, officer);
        assertThat(r.accepted()).isFalse();
        assertThat(r.stored()).isFalse();
        assertThat(r.errors()).extracting(ExchangeProblem::line).contains(3, 4);
        assertThat(r.errors()).extracting(ExchangeProblem::code)
                .contains(ExchangeProblem.INVALID_DATE, "credit.import.unknown-programme", "credit.import.overdue-above-outstanding");
        assertThat(loansOf(byCode)).isEqualTo(before);
    }

    @Test
    void balancesOnADayComeFromTheLatestStatementUpToIt() {
        String c = contract("S1");
        String file = HEADER
                + commune + ",TD-A" + serial + ",,JOB_CREATION," + c + ",40000000,2025-12-10,36,,2026-01-31,38000000,0\n"
                + commune + ",TD-A" + serial + ",,JOB_CREATION," + c + ",40000000,2025-12-10,36,,2026-06-30,30000000,2500000\n";
        assertThat(run(file, LoanImport.Mode.ALL, officer).stored()).isTrue();
        long id = jdbc.sql("SELECT id FROM loan WHERE contract_no = :c").param("c", c).query(Long.class).single();
        record Expect(String day, long outstanding, long overdue, String status) {
        }
        for (Expect e : List.of(new Expect("2025-12-20", 40_000_000, 0, "current"), new Expect("2026-02-01", 38_000_000, 0, "current"),
                new Expect("2026-06-30", 30_000_000, 2_500_000, "overdue"), new Expect("2026-09-01", 30_000_000, 2_500_000, "overdue"))) {
            CreditRecords.Loan l = loans.get(id, LocalDate.parse(e.day()), officer.scope());
            assertThat(l.outstanding()).as(e.day()).isEqualTo(e.outstanding());
            assertThat(l.overdue()).as(e.day()).isEqualTo(e.overdue());
            assertThat(l.status()).as(e.day()).isEqualTo(e.status());
        }
        assertThat(loans.list(officer.scope(), LocalDate.parse("2025-11-30"), null, null, 10_000))
                .extracting(CreditRecords.Loan::id).doesNotContain(id);
        // settled by a correction with the version read; a stale version is refused
        CreditRecords.Loan l = loans.get(id, LocalDate.parse("2026-09-01"), officer.scope());
        loans.correct(id, new CreditRecords.LoanCorrection(l.version(), l.programmeCode(), l.amount(), l.termMonths(),
                l.interestCategory(), LocalDate.parse("2026-08-15"), "tất toán sớm"), officer);
        assertThat(loans.get(id, LocalDate.parse("2026-09-01"), officer.scope()).status()).isEqualTo("settled");
        assertThat(loans.get(id, LocalDate.parse("2026-09-01"), officer.scope()).outstanding()).isZero();
        assertThat(loans.get(id, LocalDate.parse("2026-08-01"), officer.scope()).status()).isEqualTo("overdue");
        assertThatThrownBy(() -> loans.correct(id, new CreditRecords.LoanCorrection(l.version(), l.programmeCode(), l.amount(),
                l.termMonths(), l.interestCategory(), null, ""), officer))
                .isInstanceOf(InvalidCreditException.class).hasMessageContaining("credit.problem.stale");
        // a statement typed on the page is one more in the history
        loans.addStatement(id, new CreditRecords.StatementForm(LocalDate.parse("2026-07-31"), 29_000_000L, 0L), officer);
        assertThat(loans.statements(id, officer.scope())).extracting(CreditRecords.Statement::outstanding)
                .containsExactly(29_000_000L, 30_000_000L, 38_000_000L);
    }

    @Test
    void figuresMatchIndependentCountsAndAnotherProvinceSeesNothing() {
        loans.add(new CreditRecords.LoanForm(byId.id(), 1, "HOUSING", contract("F1"), 25_000_000L, LocalDate.parse("2026-04-01"),
                120, "preferential", "nhà ở"), officer);
        LocalDate on = LocalDate.parse("2026-10-01");
        List<CreditRecords.Figure> figures = loans.figures(officer.scope(), on);
        long communeId = fixture.unitId("commune", commune);
        long loansSql = jdbc.sql("""
                        SELECT count(*) FROM loan l JOIN household h ON h.province_code = l.province_code AND h.id = l.household_id
                        WHERE h.commune_id = :c AND l.disbursed_on <= :on""")
                .param("c", communeId).param("on", on).query(Long.class).single();
        long amountSql = jdbc.sql("""
                        SELECT coalesce(sum(l.amount_vnd), 0) FROM loan l
                        JOIN household h ON h.province_code = l.province_code AND h.id = l.household_id
                        WHERE h.commune_id = :c AND l.disbursed_on <= :on""")
                .param("c", communeId).param("on", on).query(Long.class).single();
        long outstandingSql = jdbc.sql("""
                        SELECT coalesce(sum(CASE WHEN l.settled_on <= :on THEN 0 ELSE coalesce((SELECT s.outstanding_vnd
                            FROM loan_statement s WHERE s.province_code = l.province_code AND s.loan_id = l.id
                              AND s.statement_date <= :on ORDER BY s.statement_date DESC LIMIT 1), l.amount_vnd) END), 0)
                        FROM loan l JOIN household h ON h.province_code = l.province_code AND h.id = l.household_id
                        WHERE h.commune_id = :c AND l.disbursed_on <= :on""")
                .param("c", communeId).param("on", on).query(Long.class).single();
        List<CreditRecords.Figure> mine = figures.stream().filter(f -> f.unitCode().equals(commune)).toList();
        assertThat(mine.stream().mapToLong(CreditRecords.Figure::loans).sum()).isEqualTo(loansSql);
        assertThat(mine.stream().mapToLong(CreditRecords.Figure::amount).sum()).isEqualTo(amountSql);
        assertThat(mine.stream().mapToLong(CreditRecords.Figure::outstanding).sum()).isEqualTo(outstandingSql);
        assertThat(loansSql).isPositive();

        assertThat(loans.figures(outsider.scope(), on)).isEmpty();
        assertThat(loans.list(outsider.scope(), on, null, null, 100)).isEmpty();
        assertThatThrownBy(() -> loans.ofHousehold(byId.id(), on, outsider.scope())).isInstanceOf(CreditNotFoundException.class);
        LoanImport.Result r = run(HEADER + commune + ",TD-A" + serial + ",,POOR," + contract("X1")
                + ",10000000,2026-01-15,24,,2026-06-30,9000000,0\n", LoanImport.Mode.DRY_RUN, outsider);
        assertThat(r.errors()).extracting(ExchangeProblem::code).containsExactly("exchange.commune-outside-scope");
    }

    @Test
    void identityNumbersInThePreviewAreMaskedForRolesThatMayNotSeeThem() {
        CurrentUser province = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        String file = HEADER + commune + ",,001099999999,POOR," + contract("M1") + ",10000000,2026-01-15,24,,2026-06-30,9000000,0\n";
        assertThat(run(file, LoanImport.Mode.DRY_RUN, province).unmatched()).extracting(LoanImport.Unmatched::idNumber)
                .containsExactly("*********999");
        assertThat(run(file, LoanImport.Mode.DRY_RUN, officer).unmatched()).extracting(LoanImport.Unmatched::idNumber)
                .containsExactly("001099999999");
    }
}
