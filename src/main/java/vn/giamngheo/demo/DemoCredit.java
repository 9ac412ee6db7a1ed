package vn.giamngheo.demo;

import java.time.LocalDate;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * The demonstration's policy loans and workers abroad, in a few set-based statements (no row-by-row work, so the
 * start stays fast at any {@code giamngheo.demo.households}): about 45 % of the province's poor and 35 % of its
 * near-poor households in force on the day hold a loan of the social-policy bank (their list's programme, or
 * housing, clean water, students, job creation), disbursed within the last three years for 36–60 months, with a
 * balance statement at the end of last year and one at the end of last month (repaid in proportion to the time
 * elapsed; one loan in twelve overdue by a tenth to a half of its balance; a few settled); and about 1.5 % of the
 * province's households have a member of working age abroad (Japan, Taiwan, Korea …), a third of them with a loan of
 * the labour-export programme. Which household gets what is decided by a hash of the seed and the household's id:
 * the same seed gives the same figures.
 */
@Component
@Conditional(DemoEnabled.class)
class DemoCredit {

    /** A pseudo-random integer 0–9999 from the seed, a salt and a row's id. */
    private static final String DRAW = "(('x' || substr(md5(:seed || '-' || %s || '-' || %s), 1, 7))::bit(28)::int %% 10000)";

    private final JdbcClient jdbc;

    DemoCredit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String draw(String salt, String id) {
        return String.format(DRAW, "'" + salt + "'", id);
    }

    /** The loans, their statements and the workers abroad of the province; returns the number of loans. */
    int load(String province, long seed, LocalDate today) {
        if (jdbc.sql("SELECT count(*) FROM loan WHERE province_code = :p").param("p", province).query(Long.class).single() > 0) {
            return 0;
        }
        LocalDate lastYearEnd = LocalDate.of(today.getYear() - 1, 12, 31);
        LocalDate lastMonthEnd = today.withDayOfMonth(1).minusDays(1);
        int loans = jdbc.sql("""
                        INSERT INTO loan (province_code, household_id, programme_code, contract_no, amount_vnd, disbursed_on,
                                          term_months, interest_category, settled_on, note, source, recorded_by)
                        SELECT s.province_code, s.household_id,
                               CASE WHEN d.kind < 6000 THEN CASE WHEN s.status = :poor THEN 'POOR' ELSE 'NEAR_POOR' END
                                    WHEN d.kind < 7200 THEN 'HOUSING' WHEN d.kind < 8400 THEN 'WATER_SANITATION'
                                    WHEN d.kind < 9200 THEN 'STUDENTS' ELSE 'JOB_CREATION' END,
                               'DEMO-' || s.province_code || '-' || s.household_id,
                               CASE WHEN d.kind BETWEEN 6000 AND 7199 THEN 40000000
                                    WHEN d.kind BETWEEN 7200 AND 8399 THEN 20000000
                                    ELSE 30000000 + (d.amount %% 71) * 1000000 END,
                               (:today::date - 30 - (d.day %% 1065))::date,
                               36 + 12 * (d.term %% 3), 'preferential',
                               CASE WHEN d.settle < 3000 AND d.day %% 1065 > 950 THEN (:today::date - 30 - (d.day %% 1065) + 400 + d.settle %% 500)::date END,
                               'dữ liệu trình diễn', 'form', 'demo'
                        FROM status_in_force(:p, :today) s
                        CROSS JOIN LATERAL (SELECT %s AS pick, %s AS kind, %s AS amount, %s AS day, %s AS term, %s AS settle) d
                        WHERE s.status IN (:listed)
                          AND d.pick < CASE WHEN s.status = :poor THEN 4500 ELSE 3500 END
                        """.formatted(draw("pick", "s.household_id"), draw("kind", "s.household_id"),
                        draw("amount", "s.household_id"), draw("day", "s.household_id"), draw("term", "s.household_id"),
                        draw("settle", "s.household_id")).replace("%%", "%"))
                .param("seed", String.valueOf(seed)).param("p", province).param("today", today)
                .param("poor", PovertyStatus.POOR.code()).param("listed", PovertyStatus.listedCodes()).update();
        // balances at the end of last year and of last month: repaid in proportion to the months elapsed; one in twelve
        // overdue by 10-50 % of its balance; settled loans have nothing left
        for (LocalDate on : lastMonthEnd.isAfter(lastYearEnd) ? new LocalDate[] {lastYearEnd, lastMonthEnd} : new LocalDate[] {lastYearEnd}) {
            jdbc.sql("""
                            INSERT INTO loan_statement (province_code, loan_id, statement_date, outstanding_vnd, overdue_vnd,
                                                        source, recorded_by)
                            SELECT l.province_code, l.id, :on, b.balance,
                                   CASE WHEN %s < 833 THEN b.balance * (10 + %s %% 41) / 100 ELSE 0 END, 'form', 'demo'
                            FROM loan l
                            CROSS JOIN LATERAL (SELECT CASE WHEN l.settled_on IS NOT NULL AND l.settled_on <= :on THEN 0
                                    ELSE greatest(0, l.amount_vnd - l.amount_vnd
                                         * least(l.term_months, (:on::date - l.disbursed_on) / 30) / l.term_months)
                                    END AS balance) b
                            WHERE l.province_code = :p AND l.recorded_by = 'demo' AND l.disbursed_on <= :on
                            """.formatted(draw("overdue", "l.id"), draw("share", "l.id")).replace("%%", "%"))
                    .param("seed", String.valueOf(seed)).param("p", province).param("on", on).update();
        }
        // workers abroad: a member aged 18-40 of about 1.5 % of the households
        jdbc.sql("""
                        INSERT INTO labour_worker (province_code, household_id, member_no, country_code, contract_type,
                                                   departed_on, contract_months, training_support, note, recorded_by)
                        SELECT DISTINCT ON (m.household_id) m.province_code, m.household_id, m.member_no,
                               (ARRAY['JP','JP','JP','TW','TW','KR','KR','DE','RO','SA'])[1 + %s %% 10],
                               CASE WHEN %s %% 4 = 0 THEN 'intern_trainee' ELSE 'enterprise' END,
                               (:today::date - 20 - (%s %% 700))::date, 36, %s %% 2 = 0, 'dữ liệu trình diễn', 'demo'
                        FROM household_member m
                        JOIN household h ON h.province_code = m.province_code AND h.id = m.household_id
                        WHERE m.province_code = :p AND %s < 150
                          AND m.birth_date BETWEEN (:today::date - interval '40 years') AND (:today::date - interval '18 years')
                        ORDER BY m.household_id, m.member_no
                        """.formatted(draw("country", "m.household_id"), draw("contract", "m.household_id"),
                        draw("departed", "m.household_id"), draw("training", "m.household_id"),
                        draw("abroad", "m.household_id")).replace("%%", "%"))
                .param("seed", String.valueOf(seed)).param("p", province).param("today", today).update();
        // a third of them borrowed from the labour-export programme for the departure
        jdbc.sql("""
                        INSERT INTO loan (province_code, household_id, member_no, programme_code, contract_no, amount_vnd,
                                          disbursed_on, term_months, interest_category, note, source, recorded_by)
                        SELECT w.province_code, w.household_id, w.member_no, 'LABOUR_EXPORT',
                               'DEMO-XKLĐ-' || w.province_code || '-' || w.id, 100000000, w.departed_on - 15, 36, 'preferential',
                               'dữ liệu trình diễn', 'form', 'demo'
                        FROM labour_worker w WHERE w.province_code = :p AND w.recorded_by = 'demo' AND w.id %% 3 = 0
                        """.replace("%%", "%")).param("p", province).update();
        jdbc.sql("""
                        UPDATE labour_worker w SET loan_id = l.id FROM loan l
                        WHERE w.province_code = :p AND l.province_code = w.province_code
                          AND l.contract_no = 'DEMO-XKLĐ-' || w.province_code || '-' || w.id""")
                .param("p", province).update();
        return loans;
    }
}
