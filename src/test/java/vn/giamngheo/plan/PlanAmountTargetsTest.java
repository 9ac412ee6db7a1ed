package vn.giamngheo.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.plan.PlanListsFixture.Commune;
import vn.giamngheo.plan.PlanListsFixture.Decision;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * A plan's target amounts on the embedded PostgreSQL (issue 24): workers departed abroad and policy loans disbursed in
 * the plan's year over the plan's commune equal an independent count written plainly here (a departure or loan of the
 * year before, after the day, or of another commune never counts); an amount is required for these kinds and refused
 * on a share kind, and must be above zero; the share targets carry no amount.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanAmountTargetsTest {

    static final LocalDate DAY = LocalDate.of(2026, 10, 15);

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired PlanService plans;
    @Autowired PlanCoverage coverage;
    @Autowired PlanExports exports;
    @Autowired org.springframework.context.MessageSource messages;

    Commune commune;
    Commune other;
    CurrentUser officer;
    Plan plan;

    @BeforeAll
    void lists() {
        RegistryFixture registry = new RegistryFixture(jdbc, users);
        PlanListsFixture f = new PlanListsFixture(jdbc);
        String code = registry.communeCode("15", 17);
        commune = f.commune(code);
        other = f.commune(registry.communeCode("15", 18));
        officer = registry.user(Role.COMMUNE_OFFICER, "commune", code);
        Decision d = f.decide(commune, 2026, LocalDate.of(2025, 12, 20), true);
        long[] h = new long[4];
        for (int i = 0; i < h.length; i++) {
            h[i] = f.household(commune, "active");
            f.list(d, h[i], i < 2 ? "poor" : "near_poor", null, false);
        }
        long elsewhere = f.household(other, "active");
        worker(h[0], 1, "2026-02-10");   // in the year
        worker(h[0], 2, "2026-07-01");   // in the year
        worker(h[1], 1, "2025-11-30");   // the year before
        worker(h[2], 1, "2026-12-01");   // after the day
        worker(elsewhere, 1, "2026-03-01"); // another commune
        loan(h[0], "POOR", 40_000_000L, "2026-03-01");
        loan(h[1], "HOUSING", 25_500_000L, "2026-05-20");
        loan(h[2], "POOR", 30_000_000L, "2025-12-31");
        loan(h[3], "POOR", 10_000_000L, "2026-12-20");
        loan(elsewhere, "POOR", 50_000_000L, "2026-04-01");
        plan = jdbc.sql("SELECT id FROM plan WHERE unit_id = :u AND plan_year = 2026").param("u", commune.id())
                .query(Long.class).optional().map(id -> plans.get(id, officer))
                .orElseGet(() -> plans.create(commune.id(), 2026, 1, 0, null, officer));
    }

    private void worker(long household, int member, String departed) {
        String province = jdbc.sql("SELECT province_code FROM household WHERE id = :h").param("h", household)
                .query(String.class).single();
        jdbc.sql("""
                        INSERT INTO labour_worker (province_code, household_id, member_no, country_code, contract_type,
                                                   departed_on, recorded_by)
                        VALUES (:p, :h, :m, 'JP', 'enterprise', :d, 'fixture')""")
                .param("p", province).param("h", household).param("m", member).param("d", LocalDate.parse(departed)).update();
    }

    private void loan(long household, String programme, long amount, String disbursed) {
        String province = jdbc.sql("SELECT province_code FROM household WHERE id = :h").param("h", household)
                .query(String.class).single();
        jdbc.sql("""
                        INSERT INTO loan (province_code, household_id, programme_code, amount_vnd, disbursed_on, term_months,
                                          interest_category, source, recorded_by)
                        VALUES (:p, :h, :prog, :a, :d, 36, 'preferential', 'form', 'fixture')""")
                .param("p", province).param("h", household).param("prog", programme).param("a", amount)
                .param("d", LocalDate.parse(disbursed)).update();
    }

    /** Workers of the commune's households departed from 1 January to the day. */
    long expectedDeparted() {
        return jdbc.sql("""
                        SELECT count(*) FROM labour_worker w JOIN household h ON h.id = w.household_id
                        WHERE h.commune_id = :c AND w.departed_on >= DATE '2026-01-01' AND w.departed_on <= :on""")
                .param("c", commune.id()).param("on", DAY).query(Long.class).single();
    }

    /** Million đồng of the commune's loans (of the programme, any when null) disbursed from 1 January to the day. */
    BigDecimal expectedDisbursed(String programme) {
        long vnd = jdbc.sql("""
                        SELECT coalesce(sum(l.amount_vnd), 0) FROM loan l JOIN household h ON h.id = l.household_id
                        WHERE h.commune_id = :c AND l.disbursed_on >= DATE '2026-01-01' AND l.disbursed_on <= :on
                          AND (CAST(:prog AS text) IS NULL OR l.programme_code = :prog)""")
                .param("c", commune.id()).param("on", DAY).param("prog", programme).query(Long.class).single();
        return BigDecimal.valueOf(vnd).movePointLeft(6);
    }

    @Test
    void amountsFollowTheRegistersFromTheYearsStartToTheDay() {
        assertThat(coverage.codes(plan)).extracting(PlanCoverage.Code::key)
                .contains("labour_departed:all", "credit_disbursed:all", "credit_disbursed:poor");
        coverage.set(plan.id(), "labour_departed", "all", null, null, new BigDecimal("4"), "Đưa 4 lao động đi làm việc ở nước ngoài", officer);
        coverage.set(plan.id(), "credit_disbursed", "all", null, null, new BigDecimal("100"), null, officer);
        coverage.set(plan.id(), "credit_disbursed", "poor", null, null, new BigDecimal("80"), null, officer);
        List<PlanCoverage.Tracked> tracked = coverage.track(plan.id(), DAY, officer).stream()
                .filter(t -> t.target().amount()).toList();
        assertThat(tracked).hasSize(3);
        for (PlanCoverage.Tracked t : tracked) {
            BigDecimal expected = t.target().kind().equals("labour_departed") ? BigDecimal.valueOf(expectedDeparted())
                    : expectedDisbursed(t.target().code().equals("all") ? null : t.target().code().toUpperCase());
            assertThat(t.actual()).as("%s %s", t.target().kind(), t.target().code()).isEqualByComparingTo(expected);
            assertThat(t.reached()).isEqualByComparingTo(expected.multiply(BigDecimal.valueOf(100))
                    .divide(t.target().targetAmount(), 2, java.math.RoundingMode.HALF_UP));
            assertThat(t.progress().baseline().covered()).isZero();
        }
        PlanCoverage.Tracked labour = tracked.stream().filter(t -> t.target().kind().equals("labour_departed")).findFirst().orElseThrow();
        assertThat(labour.actual()).isEqualByComparingTo("2");
        assertThat(labour.reached()).isEqualByComparingTo("50");
        PlanCoverage.Tracked all = tracked.stream().filter(t -> t.target().kind().equals("credit_disbursed")
                && t.target().code().equals("all")).findFirst().orElseThrow();
        assertThat(all.actual()).isEqualByComparingTo("65.5");
        // the exports' row name carries actual / target (share reached) in the reader's numbers
        assertThat(new PlanTablePdf.Labels(messages, java.util.Locale.forLanguageTag("vi")).code(labour))
                .startsWith("Xuất khẩu lao động").endsWith("2 / 4 (50 %)");
        assertThat(new PlanTablePdf.Labels(messages, java.util.Locale.ENGLISH).code(all))
                .startsWith("Policy credit: amount disbursed").endsWith("65.5 / 100 (65.5 %)");
        java.util.Locale vi = java.util.Locale.forLanguageTag("vi");
        assertThat(exports.tableXlsx(plan.id(), officer, vi)).isNotEmpty();
        assertThat(exports.tablePdf(plan.id(), officer, vi)).isNotEmpty();
        assertThat(exports.tableDocx(plan.id(), officer, vi)).isNotEmpty();
        // past the year's end the actual stops at 31 December
        PlanCoverage.Tracked later = coverage.track(plan.id(), LocalDate.of(2027, 3, 1), officer).stream()
                .filter(t -> t.target().kind().equals("labour_departed")).findFirst().orElseThrow();
        assertThat(later.actual()).isEqualByComparingTo("3");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'plan_coverage_target' AND entity_id = :id")
                .param("id", String.valueOf(labour.target().id())).query(Long.class).single()).isPositive();
    }

    @Test
    void anAmountIsRequiredAboveZeroAndOnlyForAmountKinds() {
        assertThatThrownBy(() -> coverage.set(plan.id(), "labour_departed", "all", null, null, null, null, officer))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("amount-missing");
        assertThatThrownBy(() -> coverage.set(plan.id(), "credit_disbursed", "all", null, null, new BigDecimal("-5"), null, officer))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.coverage.error.amount");
        assertThatThrownBy(() -> coverage.set(plan.id(), "credit_disbursed", "all", null, null, BigDecimal.ZERO, null, officer))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("plan.coverage.error.amount");
        assertThatThrownBy(() -> coverage.set(plan.id(), "credit", "all", "poor", new BigDecimal("50"), new BigDecimal("10"), null, officer))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("amount-kind");
        assertThatThrownBy(() -> coverage.set(plan.id(), "labour_departed", "all", null, new BigDecimal("60"), new BigDecimal("10"), null, officer))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("amount-share");
        CoverageTarget share = coverage.set(plan.id(), "credit", "all", "poor", new BigDecimal("50"), null, officer);
        assertThat(share.amount()).isFalse();
        assertThat(coverage.track(plan.id(), DAY, officer).stream().filter(t -> t.target().id() == share.id())
                .findFirst().orElseThrow().actual()).isNull();
    }
}
