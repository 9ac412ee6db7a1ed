package vn.giamngheo.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.credit.CreditRecords.Figure;
import vn.giamngheo.credit.CreditRecords.Loan;
import vn.giamngheo.credit.CreditRecords.LoanCorrection;
import vn.giamngheo.credit.CreditRecords.LoanForm;
import vn.giamngheo.credit.CreditRecords.Programme;
import vn.giamngheo.credit.CreditRecords.Statement;
import vn.giamngheo.credit.CreditRecords.StatementForm;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;

/**
 * Loans of the households of the user's area, with their balances on a date, entered and corrected one at a time
 * (corrections with the version read), and the figures by commune, programme and status. A loan's balance on a day
 * is its latest statement on or before that day; a loan with no statement yet owes its amount with nothing overdue.
 * Status on a day: settled (settled on or before it, or a zero balance), overdue (an overdue amount), else current.
 */
@Service
public class Loans {

    /** The loans of the area disbursed by {@code :on}, with their balance and status on that day. */
    static final String LOANS_ON = """
            SELECT l.id, l.province_code, l.household_id, h.household_code, c.code AS commune_code,
                   c.full_name AS commune_name, h.commune_id, h.village_id, c.path AS commune_path,
                   (SELECT m.full_name FROM household_member m WHERE m.province_code = h.province_code
                      AND m.household_id = h.id AND m.relation = 'head') AS head_name,
                   l.member_no, l.programme_code, l.contract_no, l.amount_vnd, l.disbursed_on, l.term_months,
                   l.interest_category, l.settled_on, l.note, l.source, l.version, s.statement_date,
                   CASE WHEN l.settled_on IS NOT NULL AND l.settled_on <= :on THEN 0
                        ELSE coalesce(s.outstanding_vnd, l.amount_vnd) END AS outstanding,
                   CASE WHEN l.settled_on IS NOT NULL AND l.settled_on <= :on THEN 0
                        ELSE coalesce(s.overdue_vnd, 0) END AS overdue,
                   CASE WHEN (l.settled_on IS NOT NULL AND l.settled_on <= :on) OR s.outstanding_vnd = 0 THEN 'settled'
                        WHEN coalesce(s.overdue_vnd, 0) > 0 THEN 'overdue' ELSE 'current' END AS status
            FROM loan l
            JOIN household h ON h.province_code = l.province_code AND h.id = l.household_id
            JOIN admin_unit c ON c.id = h.commune_id
            LEFT JOIN LATERAL (SELECT st.statement_date, st.outstanding_vnd, st.overdue_vnd FROM loan_statement st
                               WHERE st.province_code = l.province_code AND st.loan_id = l.id AND st.statement_date <= :on
                               ORDER BY st.statement_date DESC LIMIT 1) s ON true
            WHERE l.disbursed_on <= :on AND\s""";

    private final JdbcClient jdbc;
    private final Clock clock;

    Loans(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The lending programmes (active ones first by their order). */
    public List<Programme> programmes() {
        return jdbc.sql("""
                        SELECT code, name_vi, name_en, legal_source, confidence, support_policy_code FROM lending_programme
                        WHERE active ORDER BY sort_order, code""")
                .query((rs, i) -> new Programme(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    /** A household of the user's area: its province and commune code; empty when it is not in the area. */
    Optional<HouseholdRef> household(long householdId, AccessScope scope) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql("SELECT h.id, h.province_code, h.household_code, c.code FROM household h "
                        + "JOIN admin_unit c ON c.id = h.commune_id WHERE " + area.on("h", "c") + " AND h.id = :id"))
                .param("id", householdId)
                .query((rs, i) -> new HouseholdRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    record HouseholdRef(long id, String provinceCode, String householdCode, String communeCode) {
    }

    /** The loans of a household of the area on a day (all, settled ones too). */
    public List<Loan> ofHousehold(long householdId, LocalDate on, AccessScope scope) {
        HouseholdRef h = household(householdId, scope).orElseThrow(() -> new CreditNotFoundException("household", householdId));
        return jdbc.sql(LOANS_ON + "l.province_code = :p AND l.household_id = :h ORDER BY l.disbursed_on DESC, l.id DESC")
                .param("on", on).param("p", h.provinceCode()).param("h", h.id())
                .query(Loans::loan).list();
    }

    /** The loans of the area on a day, optionally of one programme and status, at most {@code limit}. */
    public List<Loan> list(AccessScope scope, LocalDate on, String programme, String status, int limit) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql("SELECT * FROM (" + LOANS_ON + area.on("l", "c") + ") x "
                        + "WHERE (CAST(:programme AS text) IS NULL OR x.programme_code = :programme) "
                        + "AND (CAST(:status AS text) IS NULL OR x.status = :status) "
                        + "ORDER BY x.commune_code, x.household_code, x.disbursed_on, x.id LIMIT :limit"))
                .param("on", on).param("programme", blank(programme)).param("status", blank(status))
                .param("limit", limit)
                .query(Loans::loan).list();
    }

    /** One loan of the area with its balance on a day. */
    public Loan get(long loanId, LocalDate on, AccessScope scope) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql(LOANS_ON.replace("WHERE l.disbursed_on <= :on AND", "WHERE")
                        + area.on("l", "c") + " AND l.id = :id"))
                .param("on", on).param("id", loanId)
                .query(Loans::loan).optional()
                .orElseThrow(() -> new CreditNotFoundException("loan", loanId));
    }

    /** The balance statements of a loan of the area, latest first. */
    public List<Statement> statements(long loanId, AccessScope scope) {
        Loan loan = get(loanId, LocalDate.now(clock), scope);
        return jdbc.sql("""
                        SELECT s.id, s.loan_id, s.statement_date, s.outstanding_vnd, s.overdue_vnd, s.source, s.recorded_by
                        FROM loan_statement s JOIN loan l ON l.province_code = s.province_code AND l.id = s.loan_id
                        WHERE l.province_code = :p AND l.id = :id AND l.household_id = :h ORDER BY s.statement_date DESC""")
                .param("p", loan.provinceCode()).param("id", loan.id()).param("h", loan.householdId())
                .query((rs, i) -> new Statement(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /** Figures of the area on a day: loans, households, amounts lent and balances by commune, programme and status. */
    public List<Figure> figures(AccessScope scope, LocalDate on) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql("SELECT x.commune_code, min(x.commune_name), x.programme_code, x.status, count(*), "
                        + "count(DISTINCT x.household_id), sum(x.amount_vnd), sum(x.outstanding), sum(x.overdue) FROM ("
                        + LOANS_ON + area.on("l", "c") + ") x GROUP BY x.commune_code, x.programme_code, x.status "
                        + "ORDER BY x.commune_code, x.programme_code, x.status"))
                .param("on", on)
                .query((rs, i) -> new Figure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))
                .list();
    }

    /** A unit's loans of one lending programme on a day (see {@link #section}), amounts in đồng. */
    public record ProgrammeRow(Long unitId, String unitCode, String unitName, String programme, long loans, long households,
                               long outstanding, long overdue, long disbursed, long disbursedAmount) {

        /** The overdue share of the outstanding balance, a fraction; null without a balance. */
        public Double overdueShare() {
            return outstanding == 0 ? null : (double) overdue / outstanding;
        }
    }

    /**
     * The loans of an area on a day by unit one level down (the provinces of the country, the units under a province,
     * the villages of a commune or the village itself) and lending programme: loans with a balance (not settled),
     * their households, the outstanding and overdue balances, and the loans disbursed from {@code from} to the day.
     * Rows with nothing outstanding and nothing disbursed in the period are left out.
     *
     * @param area the unit's subtree (the caller has checked it lies in the user's area); for a village, its commune's
     * @param level the unit's level, null for the country
     * @param depth how many units the unit's path names (1 for a province), 0 for the country
     * @param villageId the village of a village's section, else null
     */
    public List<ProgrammeRow> section(AreaFilter area, String level, int depth, Long villageId, LocalDate from, LocalDate on) {
        return area.bind(jdbc.sql("SELECT x.row_unit, r.code, r.name, x.programme_code, x.loans, x.households, x.outstanding,"
                        + " x.overdue, x.disbursed, x.disbursed_amount FROM (SELECT " + rowUnit(level, depth) + " AS row_unit,"
                        + " y.programme_code, count(*) FILTER (WHERE y.status <> 'settled') AS loans,"
                        + " count(DISTINCT y.household_id) FILTER (WHERE y.status <> 'settled') AS households,"
                        + " coalesce(sum(y.outstanding), 0) AS outstanding, coalesce(sum(y.overdue), 0) AS overdue,"
                        + " count(*) FILTER (WHERE y.disbursed_on >= :from) AS disbursed,"
                        + " coalesce(sum(y.amount_vnd) FILTER (WHERE y.disbursed_on >= :from), 0) AS disbursed_amount"
                        + " FROM (" + LOANS_ON + area.on("l", "c") + ") y"
                        + " WHERE (CAST(:village AS bigint) IS NULL OR y.village_id = :village) GROUP BY 1, 2) x"
                        + " LEFT JOIN admin_unit r ON r.id = x.row_unit WHERE x.loans > 0 OR x.disbursed > 0"
                        + " ORDER BY r.code NULLS LAST, x.programme_code"))
                .param("on", on).param("from", from).param("village", villageId)
                .query((rs, i) -> new ProgrammeRow(rs.getObject(1, Long.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        rs.getLong(10)))
                .list();
    }

    /**
     * Households of the given statuses in force on the day in the area ({@code total}), and those of them with a loan
     * of the programme (any programme when null) not settled on that day ({@code covered}): a plan's coverage target
     * on policy credit.
     *
     * @param provinceCode the area's province (status is read per province)
     */
    public long[] borrowersAmong(AreaFilter area, String provinceCode, List<String> statuses, String programme, LocalDate on) {
        return area.bind(jdbc.sql("""
                        SELECT count(*) AS total,
                               count(*) FILTER (WHERE s.household_id IN (SELECT y.household_id FROM (""" + LOANS_ON
                        + area.on("l", "c") + """
                        ) y WHERE y.status <> 'settled' AND (CAST(:programme AS text) IS NULL OR y.programme_code = :programme)))
                                   AS covered
                        FROM status_in_force(:pc, :on) s
                        JOIN admin_unit c ON c.id = s.commune_id
                        WHERE\s""" + area.on("c") + " AND s.status IN (:statuses)"))
                .param("pc", provinceCode).param("on", on).param("statuses", statuses).param("programme", programme)
                .query((rs, n) -> new long[] {rs.getLong("covered"), rs.getLong("total")}).single();
    }

    /**
     * The amount (đồng) of the policy loans of the area disbursed from {@code from} to {@code to}, of the programme
     * (any when null): a plan's target on the amount disbursed.
     */
    public long disbursedAmount(AreaFilter area, String programme, LocalDate from, LocalDate to) {
        return disbursed("coalesce(sum(l.amount_vnd), 0)", area, programme, from, to);
    }

    /**
     * How many policy loans of the area were disbursed from {@code from} to {@code to}, of the programme (any when
     * null): the bank's "lượt hộ được vay vốn".
     */
    public long disbursedCount(AreaFilter area, String programme, LocalDate from, LocalDate to) {
        return disbursed("count(*)", area, programme, from, to);
    }

    /** An aggregate of the loans of the area disbursed from {@code from} to {@code to}, of the programme (any when null). */
    private long disbursed(String aggregate, AreaFilter area, String programme, LocalDate from, LocalDate to) {
        return area.bind(jdbc.sql("SELECT " + aggregate + """
                         FROM loan l
                        JOIN household h ON h.province_code = l.province_code AND h.id = l.household_id
                        JOIN admin_unit c ON c.id = h.commune_id
                        WHERE l.disbursed_on BETWEEN :from AND :to
                          AND (CAST(:programme AS text) IS NULL OR l.programme_code = :programme) AND\s""" + area.on("l", "c")))
                .param("from", from).param("to", to).param("programme", programme).query(Long.class).single();
    }

    /**
     * The unit one level down a row of {@code y} (with {@code village_id} and {@code commune_path}) counts in: the
     * village under a commune or village, else the unit the commune's path names at {@code depth + 1}.
     */
    public static String rowUnit(String level, int depth) {
        return "commune".equals(level) || "village".equals(level) ? "y.village_id"
                : "NULLIF(split_part(y.commune_path, '/', " + (depth + 2) + "), '')::bigint";
    }

    /** Records a loan of a household of the user's area. */
    @Transactional
    public Loan add(LoanForm form, CurrentUser user) {
        requireEditor(user);
        if (form.householdId() == null) {
            throw new InvalidCreditException("householdId", "credit.problem.household-required");
        }
        HouseholdRef h = household(form.householdId(), user.scope())
                .orElseThrow(() -> new CreditNotFoundException("household", form.householdId()));
        List<InvalidCreditException.Problem> problems = new ArrayList<>();
        check(problems, form.programmeCode(), form.amount(), form.termMonths(), form.interestCategory(), form.note());
        if (form.disbursedOn() == null) {
            problems.add(problem("disbursedOn", "credit.problem.date-required"));
        } else if (form.disbursedOn().isAfter(LocalDate.now(clock)) || form.disbursedOn().getYear() < 1990) {
            problems.add(problem("disbursedOn", "credit.problem.date-range"));
        }
        if (form.memberNo() != null && !memberExists(h, form.memberNo())) {
            problems.add(problem("memberNo", "credit.problem.member", form.memberNo()));
        }
        String contract = blank(form.contractNo());
        if (contract != null && contract.length() > 60) {
            problems.add(problem("contractNo", "credit.problem.too-long", 60));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCreditException(problems);
        }
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO loan (province_code, household_id, member_no, programme_code, contract_no, amount_vnd,
                                disbursed_on, term_months, interest_category, note, source, recorded_by)
                            VALUES (:p, :h, :m, :programme, :contract, :amount, :disbursed, :term, :interest, :note, 'form', :by)
                            RETURNING id""")
                    .param("p", h.provinceCode()).param("h", h.id()).param("m", form.memberNo())
                    .param("programme", form.programmeCode()).param("contract", contract).param("amount", form.amount())
                    .param("disbursed", form.disbursedOn()).param("term", form.termMonths())
                    .param("interest", interest(form.interestCategory())).param("note", blank(form.note()))
                    .param("by", user.getUsername())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidCreditException("contractNo", "credit.problem.contract-taken", contract);
        }
        return get(id, LocalDate.now(clock), user.scope());
    }

    /**
     * Corrects a loan: {@code version} is the one the user read; a loan changed since is refused (stale), the change
     * is not lost silently.
     */
    @Transactional
    public Loan correct(long loanId, LoanCorrection c, CurrentUser user) {
        requireEditor(user);
        Loan current = get(loanId, LocalDate.now(clock), user.scope());
        List<InvalidCreditException.Problem> problems = new ArrayList<>();
        if (c.version() == null) {
            problems.add(problem("version", "credit.problem.version-required"));
        }
        check(problems, c.programmeCode(), c.amount(), c.termMonths(), c.interestCategory(), c.note());
        if (c.settledOn() != null && (c.settledOn().isBefore(current.disbursedOn()) || c.settledOn().isAfter(LocalDate.now(clock)))) {
            problems.add(problem("settledOn", "credit.problem.settled-range"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCreditException(problems);
        }
        int updated = jdbc.sql("""
                        UPDATE loan SET programme_code = :programme, amount_vnd = :amount, term_months = :term,
                            interest_category = :interest, settled_on = :settled, note = :note, version = version + 1
                        WHERE province_code = :p AND id = :id AND household_id = :h AND version = :version""")
                .param("programme", c.programmeCode()).param("amount", c.amount()).param("term", c.termMonths())
                .param("interest", interest(c.interestCategory())).param("settled", c.settledOn())
                .param("note", blank(c.note())).param("p", current.provinceCode()).param("id", loanId).param("h", current.householdId())
                .param("version", c.version())
                .update();
        if (updated == 0) {
            throw new InvalidCreditException("version", "credit.problem.stale", current.version());
        }
        return get(loanId, LocalDate.now(clock), user.scope());
    }

    /** Adds a balance statement to a loan (one per day; a day already stated is refused). */
    @Transactional
    public Loan addStatement(long loanId, StatementForm form, CurrentUser user) {
        requireEditor(user);
        Loan loan = get(loanId, LocalDate.now(clock), user.scope());
        List<InvalidCreditException.Problem> problems = new ArrayList<>();
        if (form.date() == null) {
            problems.add(problem("date", "credit.problem.date-required"));
        } else if (form.date().isBefore(loan.disbursedOn()) || form.date().isAfter(LocalDate.now(clock))) {
            problems.add(problem("date", "credit.problem.statement-range"));
        }
        long overdue = form.overdue() == null ? 0 : form.overdue();
        if (form.outstanding() == null || form.outstanding() < 0) {
            problems.add(problem("outstanding", "credit.problem.outstanding"));
        } else if (overdue < 0 || overdue > form.outstanding()) {
            problems.add(problem("overdue", "credit.problem.overdue"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCreditException(problems);
        }
        String province = loan.provinceCode();
        try {
            jdbc.sql("""
                            INSERT INTO loan_statement (province_code, loan_id, statement_date, outstanding_vnd, overdue_vnd,
                                source, recorded_by) VALUES (:p, :l, :d, :o, :od, 'form', :by)""")
                    .param("p", province).param("l", loanId).param("d", form.date()).param("o", form.outstanding())
                    .param("od", overdue).param("by", user.getUsername()).update();
        } catch (DuplicateKeyException e) {
            throw new InvalidCreditException("date", "credit.problem.statement-exists", form.date());
        }
        return get(loanId, LocalDate.now(clock), user.scope());
    }

    private void check(List<InvalidCreditException.Problem> problems, String programme, Long amount, Integer term,
                       String interest, String note) {
        if (programme == null || programmes().stream().noneMatch(p -> p.code().equals(programme))) {
            problems.add(problem("programmeCode", "credit.problem.programme"));
        }
        if (amount == null || amount <= 0 || amount > 100_000_000_000L) {
            problems.add(problem("amount", "credit.problem.amount"));
        }
        if (term == null || term < 1 || term > 600) {
            problems.add(problem("termMonths", "credit.problem.term"));
        }
        if (interest != null && !interest.isBlank() && !CreditRecords.INTEREST_CATEGORIES.contains(interest)) {
            problems.add(problem("interestCategory", "credit.problem.interest"));
        }
        if (note != null && note.length() > 1000) {
            problems.add(problem("note", "credit.problem.too-long", 1000));
        }
    }

    private boolean memberExists(HouseholdRef h, int memberNo) {
        return jdbc.sql("SELECT count(*) FROM household_member WHERE province_code = :p AND household_id = :h AND member_no = :m")
                .param("p", h.provinceCode()).param("h", h.id()).param("m", memberNo).query(Long.class).single() > 0;
    }

    static String interest(String category) {
        return category == null || category.isBlank() ? "preferential" : category;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static InvalidCreditException.Problem problem(String field, String key, Object... args) {
        return new InvalidCreditException.Problem(field, key, List.of(args));
    }

    static void requireEditor(CurrentUser user) {
        if (!user.canEdit()) {
            throw new org.springframework.security.access.AccessDeniedException("role " + user.role() + " may not change data");
        }
    }

    static Loan loan(ResultSet rs, int row) throws SQLException {
        return new Loan(rs.getLong("id"), rs.getString("province_code"), rs.getLong("household_id"), rs.getString("household_code"),
                rs.getString("commune_code"), rs.getString("head_name"), rs.getObject("member_no", Integer.class),
                rs.getString("programme_code"), rs.getString("contract_no"), rs.getLong("amount_vnd"),
                rs.getObject("disbursed_on", LocalDate.class), rs.getInt("term_months"), rs.getString("interest_category"),
                rs.getObject("settled_on", LocalDate.class), rs.getString("note"), rs.getString("source"),
                rs.getInt("version"), rs.getObject("statement_date", LocalDate.class), rs.getLong("outstanding"),
                rs.getLong("overdue"), rs.getString("status"));
    }
}
