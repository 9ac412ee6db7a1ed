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
 * A plan's coverage targets on policy credit on the embedded PostgreSQL: the share of the group's households with a
 * loan not settled (of a programme, or of any) on 1 January and on the day equals an independent count written plainly
 * here (a loan disbursed in the year counts now only, one settled in the year at the start only, one of a household
 * not in the group never); a code that is no lending programme is refused.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanCreditTargetsTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired PlanService plans;
    @Autowired PlanCoverage coverage;

    Commune commune;
    CurrentUser officer;
    Plan plan;

    @BeforeAll
    void lists() {
        RegistryFixture registry = new RegistryFixture(jdbc, users);
        PlanListsFixture f = new PlanListsFixture(jdbc);
        String code = registry.communeCode("15", 12);
        commune = f.commune(code);
        officer = registry.user(Role.COMMUNE_OFFICER, "commune", code);
        Decision d = f.decide(commune, 2026, LocalDate.of(2025, 12, 20), true);
        long[] h = new long[7];
        String[] status = {"poor", "poor", "poor", "near_poor", "near_poor", "not_poor", "poor"};
        for (int i = 0; i < h.length; i++) {
            h[i] = f.household(commune, "active");
            f.list(d, h[i], status[i], null, false);
        }
        loan(h[0], "POOR", "2025-06-01", null, null);            // outstanding at the start and now
        loan(h[1], "POOR", "2026-03-01", null, 25_000_000L);     // disbursed in the year: now only
        loan(h[3], "HOUSING", "2025-01-10", "2026-02-01", null); // settled in the year: at the start only
        loan(h[4], "NEAR_POOR", "2025-09-01", null, 0L);         // repaid to zero by a statement in May
        loan(h[5], "POOR", "2025-05-01", null, null);            // not in the group
        loan(h[6], "JOB_CREATION", "2026-12-20", null, null);    // after the day
        plan = jdbc.sql("SELECT id FROM plan WHERE unit_id = :u AND plan_year = 2026").param("u", commune.id())
                .query(Long.class).optional().map(id -> plans.get(id, officer))
                .orElseGet(() -> plans.create(commune.id(), 2026, 1, 0, null, officer));
    }

    private void loan(long household, String programme, String disbursed, String settled, Long mayBalance) {
        long id = jdbc.sql("""
                        INSERT INTO loan (province_code, household_id, programme_code, amount_vnd, disbursed_on, term_months,
                                          interest_category, settled_on, source, recorded_by)
                        VALUES (:p, :h, :prog, 30000000, :d, 36, 'preferential', :s, 'form', 'fixture') RETURNING id""")
                .param("p", commune.provinceCode()).param("h", household).param("prog", programme)
                .param("d", LocalDate.parse(disbursed)).param("s", settled == null ? null : LocalDate.parse(settled))
                .query(Long.class).single();
        if (mayBalance != null) {
            jdbc.sql("""
                            INSERT INTO loan_statement (province_code, loan_id, statement_date, outstanding_vnd, source, recorded_by)
                            VALUES (:p, :l, '2026-05-31', :b, 'form', 'fixture')""")
                    .param("p", commune.provinceCode()).param("l", id).param("b", mayBalance).update();
        }
    }

    /** The independent count: households of the statuses listed in force on the day, and of them those still owing. */
    long[] expected(List<String> statuses, String programme, LocalDate on) {
        return jdbc.sql("""
                        WITH listed AS (
                          SELECT DISTINCT ON (s.household_id) s.household_id, s.status FROM household_status s
                          WHERE s.commune_id = :c AND NOT s.revoked AND s.effective_from <= :on
                          ORDER BY s.household_id, s.effective_from DESC, s.id DESC),
                        owing AS (
                          SELECT l.household_id FROM loan l
                          WHERE l.disbursed_on <= :on AND (l.settled_on IS NULL OR l.settled_on > :on)
                            AND (CAST(:prog AS text) IS NULL OR l.programme_code = :prog)
                            AND coalesce((SELECT st.outstanding_vnd FROM loan_statement st WHERE st.loan_id = l.id
                                          AND st.statement_date <= :on ORDER BY st.statement_date DESC LIMIT 1), l.amount_vnd) > 0)
                        SELECT count(*) FILTER (WHERE household_id IN (SELECT household_id FROM owing)), count(*)
                        FROM listed WHERE status IN (:statuses)""")
                .param("c", commune.id()).param("on", on).param("prog", programme).param("statuses", statuses)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    @Test
    void creditTargetsFollowTheRegisterOnTheStartAndOnTheDay() {
        assertThat(coverage.codes(plan)).extracting(PlanCoverage.Code::key).contains("credit:all", "credit:poor", "credit:housing");
        coverage.set(plan.id(), "credit", "all", "poor_near_poor", new BigDecimal("60"), null, officer);
        coverage.set(plan.id(), "credit", "poor", "poor", new BigDecimal("80"), "Cho vay hộ nghèo", officer);
        List<PlanCoverage.Tracked> tracked = coverage.track(plan.id(), DAY, officer).stream()
                .filter(t -> t.target().kind().equals(PlanCoverage.CREDIT)).toList();
        assertThat(tracked).hasSize(2);
        for (PlanCoverage.Tracked t : tracked) {
            String programme = t.target().code().equals("all") ? null : t.target().code().toUpperCase();
            long[] start = expected(t.target().statuses(), programme, plan.baselineDate());
            long[] now = expected(t.target().statuses(), programme, DAY);
            assertThat(t.progress().baseline().covered()).as("%s at the start", t.target().code()).isEqualTo(start[0]);
            assertThat(t.progress().baseline().total()).isEqualTo(start[1]);
            assertThat(t.progress().now().covered()).as("%s now", t.target().code()).isEqualTo(now[0]);
            assertThat(t.progress().now().total()).isEqualTo(now[1]);
        }
        PlanCoverage.Tracked all = tracked.stream().filter(t -> t.target().code().equals("all")).findFirst().orElseThrow();
        // at the start: h0, h3, h4 of six listed; now: h0, h1 (h3 settled, h4 repaid, h6's loan is later)
        assertThat(all.progress().baseline().covered()).isEqualTo(3);
        assertThat(all.progress().now().covered()).isEqualTo(2);
        assertThat(all.progress().now().total()).isEqualTo(6);
    }

    @Test
    void aCodeThatIsNoLendingProgrammeIsRefused() {
        assertThatThrownBy(() -> coverage.set(plan.id(), "credit", "no_such_programme", "poor", new BigDecimal("10"), null, officer))
                .isInstanceOf(InvalidPlanException.class);
    }
}
