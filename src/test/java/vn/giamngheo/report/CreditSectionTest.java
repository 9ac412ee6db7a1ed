package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.credit.CreditLabourSection;
import vn.giamngheo.credit.CreditRecords;
import vn.giamngheo.credit.Loans;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.labour.LabourRecords;
import vn.giamngheo.labour.Workers;
import vn.giamngheo.report.view.ReportTable;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * The report set's credit and labour-export section on the embedded PostgreSQL: loans (one settled, one overdue, one
 * without a statement, one disbursed before the year) and workers (one back within the year) of two villages of a
 * commune; every figure of the commune's rows and of the province's row for that commune equals an independent SQL
 * count written plainly here; the tables and the files are made in both languages; another province's officer is
 * refused.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreditSectionTest {

    static final int YEAR = 2026;
    static final LocalDate ON = LocalDate.of(YEAR, 12, 31);
    static final LocalDate FROM = LocalDate.of(YEAR, 1, 1);

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired Loans loans;
    @Autowired Workers workers;
    @Autowired ReportService reports;
    @Autowired ReportTables tables;

    RegistryFixture fixture;
    String commune;
    long communeId;
    long provinceId;
    CurrentUser officer;
    CurrentUser province;
    CurrentUser outsider;

    @BeforeAll
    void register() {
        fixture = new RegistryFixture(jdbc, users);
        commune = fixture.communeCode("12", 9);
        communeId = fixture.unitId("commune", commune);
        provinceId = fixture.unitId("province", "12");
        officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        province = fixture.user(Role.PROVINCE_OFFICER, "province", "12");
        outsider = fixture.user(Role.PROVINCE_OFFICER, "province", "01");
        long v1 = fixture.village(commune, "Thôn Vay Một");
        long v2 = fixture.village(commune, "Thôn Vay Hai");
        String serial = String.valueOf(System.nanoTime() % 1_000_000);
        Household a = household("TDB-A" + serial, v1);
        Household b = household("TDB-B" + serial, v2);
        Household c = household("TDB-C" + serial, null);
        CreditRecords.Loan poor = loans.add(new CreditRecords.LoanForm(a.id(), null, "POOR", "KB-" + serial + "-1", 50_000_000L,
                LocalDate.of(YEAR, 3, 10), 60, "preferential", null), officer);
        loans.addStatement(poor.id(), new CreditRecords.StatementForm(LocalDate.of(YEAR, 9, 30), 42_400_000L, 4_000_000L), officer);
        loans.add(new CreditRecords.LoanForm(a.id(), null, "HOUSING", "KB-" + serial + "-2", 40_000_000L,
                LocalDate.of(YEAR - 2, 5, 2), 120, "preferential", null), officer);
        CreditRecords.Loan settled = loans.add(new CreditRecords.LoanForm(b.id(), null, "NEAR_POOR", "KB-" + serial + "-3",
                30_000_000L, LocalDate.of(YEAR, 2, 1), 36, "preferential", null), officer);
        loans.addStatement(settled.id(), new CreditRecords.StatementForm(LocalDate.of(YEAR, 11, 30), 0L, 0L), officer);
        loans.add(new CreditRecords.LoanForm(c.id(), 1, "LABOUR_EXPORT", "KB-" + serial + "-4", 100_000_000L,
                LocalDate.of(YEAR, 6, 1), 36, "preferential", null), officer);
        workers.add(c.id(), new LabourRecords.WorkerForm(1, "JP", "enterprise", LocalDate.of(YEAR, 6, 15), 36, true, null,
                null, null), officer);
        workers.add(b.id(), new LabourRecords.WorkerForm(2, "KR", "public_programme", LocalDate.of(YEAR - 1, 4, 1), 12, false,
                null, null, null), officer);
    }

    private Household household(String code, Long village) {
        Household h = registry.create(RegistryFixture.household(commune, code), officer);
        if (village != null) {
            jdbc.sql("UPDATE household SET village_id = :v WHERE province_code = :p AND id = :h").param("v", village)
                    .param("p", h.provinceCode()).param("h", h.id()).update();
        }
        return h;
    }

    /** The independent count: loans of the commune (of a village, or of all when null) by the same definitions. */
    Map<String, Object> loansSql(Long village, boolean wholeCommune, String programme) {
        return jdbc.sql("""
                        WITH b AS (
                          SELECT l.id, l.household_id, l.amount_vnd, l.disbursed_on, h.village_id,
                                 CASE WHEN l.settled_on <= :on THEN 0 ELSE coalesce((SELECT s.outstanding_vnd FROM loan_statement s
                                     WHERE s.province_code = l.province_code AND s.loan_id = l.id AND s.statement_date <= :on
                                     ORDER BY s.statement_date DESC LIMIT 1), l.amount_vnd) END AS outstanding,
                                 CASE WHEN l.settled_on <= :on THEN 0 ELSE coalesce((SELECT s.overdue_vnd FROM loan_statement s
                                     WHERE s.province_code = l.province_code AND s.loan_id = l.id AND s.statement_date <= :on
                                     ORDER BY s.statement_date DESC LIMIT 1), 0) END AS overdue
                          FROM loan l JOIN household h ON h.province_code = l.province_code AND h.id = l.household_id
                          WHERE h.commune_id = :c AND l.disbursed_on <= :on
                            AND (CAST(:programme AS text) IS NULL OR l.programme_code = :programme))
                        SELECT count(*) FILTER (WHERE outstanding > 0) AS loans,
                               count(DISTINCT household_id) FILTER (WHERE outstanding > 0) AS households,
                               coalesce(sum(outstanding), 0) AS outstanding, coalesce(sum(overdue), 0) AS overdue,
                               count(*) FILTER (WHERE disbursed_on >= :from) AS disbursed,
                               coalesce(sum(amount_vnd) FILTER (WHERE disbursed_on >= :from), 0) AS amount
                        FROM b WHERE :whole OR village_id IS NOT DISTINCT FROM :v""")
                .param("on", ON).param("from", FROM).param("c", communeId).param("programme", programme)
                .param("whole", wholeCommune).param("v", village).query().singleRow();
    }

    static long n(Object o) {
        return ((Number) o).longValue();
    }

    @Test
    void everyFigureOfTheCommuneAndTheProvinceEqualsAnIndependentCount() {
        CreditLabourSection.Section c = reports.credit(reports.context(communeId, YEAR, "today", officer));
        assertThat(c.on()).isEqualTo(ON);
        assertThat(c.from()).isEqualTo(FROM);
        // the commune's rows are its villages (and the households of no village)
        for (Loans.ProgrammeRow r : c.loans()) {
            Map<String, Object> sql = loansSql(r.unitId(), false, r.programme());
            assertThat(List.of(r.loans(), r.households(), r.outstanding(), r.overdue(), r.disbursed(), r.disbursedAmount()))
                    .as("%s %s", r.unitName(), r.programme())
                    .containsExactly(n(sql.get("loans")), n(sql.get("households")), n(sql.get("outstanding")),
                            n(sql.get("overdue")), n(sql.get("disbursed")), n(sql.get("amount")));
        }
        assertThat(c.loans()).extracting(Loans.ProgrammeRow::programme).contains("POOR", "HOUSING", "NEAR_POOR", "LABOUR_EXPORT");
        // the settled loan counts only among the period's disbursements
        Loans.ProgrammeRow nearPoor = c.loans().stream().filter(r -> r.programme().equals("NEAR_POOR")).findFirst().orElseThrow();
        assertThat(nearPoor.disbursed()).isPositive();
        // the province's row of the commune: every programme together equals the commune's count
        CreditLabourSection.Section p = reports.credit(reports.context(provinceId, YEAR, "today", province));
        List<Loans.ProgrammeRow> ours = p.loans().stream().filter(r -> r.unitId() != null && r.unitId() == communeId).toList();
        Map<String, Object> all = loansSql(null, true, null);
        assertThat(ours.stream().mapToLong(Loans.ProgrammeRow::loans).sum()).isEqualTo(n(all.get("loans")));
        assertThat(ours.stream().mapToLong(Loans.ProgrammeRow::outstanding).sum())
                .isEqualTo(((Number) all.get("outstanding")).longValue());
        assertThat(ours.stream().mapToLong(Loans.ProgrammeRow::overdue).sum()).isEqualTo(((Number) all.get("overdue")).longValue());
        assertThat(ours.stream().mapToLong(Loans.ProgrammeRow::disbursedAmount).sum())
                .isEqualTo(((Number) all.get("amount")).longValue());

        // workers: abroad on the day, departed within the year, by country
        List<Workers.CountryRow> w = p.workers().stream().filter(r -> r.unitId() != null && r.unitId() == communeId).toList();
        Map<String, Object> workersSql = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE w.departed_on <= :on AND (w.returned_on IS NULL OR w.returned_on > :on)) AS abroad,
                               count(*) FILTER (WHERE w.departed_on BETWEEN :from AND :on) AS departed
                        FROM labour_worker w JOIN household h ON h.province_code = w.province_code AND h.id = w.household_id
                        WHERE h.commune_id = :c""").param("on", ON).param("from", FROM).param("c", communeId).query().singleRow();
        assertThat(w.stream().mapToLong(Workers.CountryRow::abroad).sum()).isEqualTo(n(workersSql.get("abroad")));
        assertThat(w.stream().mapToLong(Workers.CountryRow::departed).sum()).isEqualTo(n(workersSql.get("departed")));
        assertThat(w).extracting(Workers.CountryRow::country).contains("JP", "KR");
    }

    @Test
    void theSectionsTablesAndFilesInBothLanguages() {
        ReportSet set = reports.compute(reports.context(communeId, YEAR, "today", officer), ReportKind.CREDIT);
        for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
            List<ReportTable> t = tables.tables(set, locale);
            assertThat(t).hasSize(2);
            assertThat(t.get(0).lines()).isNotEmpty();
            ReportTable.Line total = t.get(0).lines().stream().filter(l -> l.type() == ReportTable.LineType.TOTAL)
                    .findFirst().orElseThrow();
            Map<String, Object> all = loansSql(null, true, null);
            assertThat(total.values().get(2)).isEqualTo(n(all.get("loans")));
            assertThat(total.values().get(4)).isEqualTo(CreditTables.million(((Number) all.get("outstanding")).longValue()));
            assertThat(ReportFiles.xlsx(t, "Tuyên Quang", ON, new vn.giamngheo.document.Signature(List.of("Thủ trưởng"), "(Ký)", ""), locale)).isNotEmpty();
            assertThat(ReportFiles.csv(t, locale)).isNotEmpty();
        }
        assertThat(ReportKind.parse("credit")).isEqualTo(ReportKind.CREDIT);
    }

    @Test
    void anotherProvincesOfficerIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reports.credit(reports.context(communeId, YEAR, "today", outsider)))
                .isInstanceOf(RuntimeException.class);
    }
}
