package vn.giamngheo.labour;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.labour.LabourRecords.Country;
import vn.giamngheo.labour.LabourRecords.Figure;
import vn.giamngheo.labour.LabourRecords.Worker;
import vn.giamngheo.labour.LabourRecords.WorkerForm;
import vn.giamngheo.labour.LabourRecords.WorkerUpdate;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;

/**
 * Workers abroad of the households of the user's area. Status on a day: abroad (departed on or before it and not
 * back by it), returned (back by it), broke_contract (back by it, the contract broken); a worker who departs after
 * the day is not counted on it.
 */
@Service
public class Workers {

    static final String WORKERS_ON = """
            SELECT w.*, h.household_code, c.code AS commune_code, c.full_name AS commune_name, h.village_id,
                   c.path AS commune_path,
                   (SELECT m.full_name FROM household_member m WHERE m.province_code = w.province_code
                      AND m.household_id = w.household_id AND m.member_no = w.member_no) AS member_name,
                   (SELECT l.contract_no FROM loan l WHERE l.province_code = w.province_code AND l.id = w.loan_id) AS loan_contract,
                   CASE WHEN w.returned_on IS NOT NULL AND w.returned_on <= :on
                        THEN CASE WHEN w.broke_contract THEN 'broke_contract' ELSE 'returned' END
                        ELSE 'abroad' END AS status
            FROM labour_worker w
            JOIN household h ON h.province_code = w.province_code AND h.id = w.household_id
            JOIN admin_unit c ON c.id = h.commune_id
            WHERE w.departed_on <= :on AND\s""";

    private final JdbcClient jdbc;
    private final Clock clock;

    Workers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Country> countries() {
        return jdbc.sql("SELECT code, name_vi, name_en FROM labour_country ORDER BY sort_order, code")
                .query((rs, i) -> new Country(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    record HouseholdRef(long id, String provinceCode, String householdCode) {
    }

    Optional<HouseholdRef> household(long householdId, AccessScope scope) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql("SELECT h.id, h.province_code, h.household_code FROM household h "
                        + "JOIN admin_unit c ON c.id = h.commune_id WHERE " + area.on("h", "c") + " AND h.id = :id"))
                .param("id", householdId)
                .query((rs, i) -> new HouseholdRef(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Members of a household of the area: number → name. */
    List<Object[]> members(HouseholdRef h) {
        return jdbc.sql("SELECT member_no, full_name FROM household_member WHERE province_code = :p AND household_id = :h ORDER BY member_no")
                .param("p", h.provinceCode()).param("h", h.id())
                .query((rs, i) -> new Object[] {rs.getInt(1), rs.getString(2)}).list();
    }

    /** Loans of a household (id → contract number), to link one. */
    List<Object[]> loans(HouseholdRef h) {
        return jdbc.sql("SELECT id, coalesce(contract_no, '#' || id), programme_code FROM loan WHERE province_code = :p AND household_id = :h ORDER BY disbursed_on")
                .param("p", h.provinceCode()).param("h", h.id())
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
    }

    /** Every worker of a household of the area (those departing later too), with the status today. */
    public List<Worker> ofHousehold(long householdId, AccessScope scope) {
        HouseholdRef h = household(householdId, scope).orElseThrow(() -> new WorkerNotFoundException("household", householdId));
        return jdbc.sql(WORKERS_ON.replace("WHERE w.departed_on <= :on AND", "WHERE")
                        + "w.province_code = :p AND w.household_id = :h ORDER BY w.departed_on DESC, w.id")
                .param("on", LocalDate.now(clock)).param("p", h.provinceCode()).param("h", h.id())
                .query(Workers::worker).list();
    }

    /** The workers of the area on a day, of one country and status if asked, at most {@code limit}. */
    public List<Worker> list(AccessScope scope, LocalDate on, String country, String status, int limit) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql("SELECT * FROM (" + WORKERS_ON + area.on("w", "c") + ") x "
                        + "WHERE (CAST(:country AS text) IS NULL OR x.country_code = :country) "
                        + "AND (CAST(:status AS text) IS NULL OR x.status = :status) "
                        + "ORDER BY x.commune_code, x.household_code, x.member_no, x.departed_on LIMIT :limit"))
                .param("on", on).param("country", blank(country)).param("status", blank(status)).param("limit", limit)
                .query(Workers::worker).list();
    }

    public Worker get(long id, AccessScope scope) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql(WORKERS_ON.replace("WHERE w.departed_on <= :on AND", "WHERE") + area.on("w", "c")
                        + " AND w.id = :id"))
                .param("on", LocalDate.now(clock)).param("id", id)
                .query(Workers::worker).optional()
                .orElseThrow(() -> new WorkerNotFoundException("worker", id));
    }

    /** A unit's workers of one destination country (see {@link #section}). */
    public record CountryRow(Long unitId, String unitCode, String unitName, String country, long abroad, long departed,
                             long returned) {
    }

    /**
     * The workers of an area on a day by unit one level down ({@code rowUnit}: an SQL expression over a row {@code y} of
     * the workers with {@code village_id} and {@code commune_path}, as the credit section's) and destination country:
     * abroad on the day, departed from {@code from} to the day, back (returned or broken contract) in that period.
     *
     * @param villageId the village of a village's section, else null
     */
    public List<CountryRow> section(AreaFilter area, String rowUnit, Long villageId, LocalDate from, LocalDate on) {
        return area.bind(jdbc.sql("SELECT x.row_unit, r.code, r.name, x.country_code, x.abroad, x.departed, x.returned"
                        + " FROM (SELECT " + rowUnit + " AS row_unit, y.country_code,"
                        + " count(*) FILTER (WHERE y.status = 'abroad') AS abroad,"
                        + " count(*) FILTER (WHERE y.departed_on >= :from) AS departed,"
                        + " count(*) FILTER (WHERE y.returned_on BETWEEN :from AND :on) AS returned"
                        + " FROM (" + WORKERS_ON + area.on("w", "c") + ") y"
                        + " WHERE (CAST(:village AS bigint) IS NULL OR y.village_id = :village) GROUP BY 1, 2) x"
                        + " LEFT JOIN admin_unit r ON r.id = x.row_unit WHERE x.abroad > 0 OR x.departed > 0 OR x.returned > 0"
                        + " ORDER BY r.code NULLS LAST, x.country_code"))
                .param("on", on).param("from", from).param("village", villageId)
                .query((rs, i) -> new CountryRow(rs.getObject(1, Long.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }

    /** The workers of the area who departed to work abroad from {@code from} to {@code to}: a plan's labour-export target. */
    public long departed(AreaFilter area, LocalDate from, LocalDate to) {
        return area.bind(jdbc.sql("""
                        SELECT count(*) FROM labour_worker w
                        JOIN household h ON h.province_code = w.province_code AND h.id = w.household_id
                        JOIN admin_unit c ON c.id = h.commune_id
                        WHERE w.departed_on BETWEEN :from AND :to AND\s""" + area.on("w", "c")))
                .param("from", from).param("to", to).query(Long.class).single();
    }

    /**
     * Figures of the area on a day by commune and country: workers counted on the day by status, their households,
     * those with a loan, and those who departed in the calendar year of the day (up to it).
     */
    public List<Figure> figures(AccessScope scope, LocalDate on) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql("SELECT x.commune_code, min(x.commune_name), x.country_code, count(*), "
                        + "count(*) FILTER (WHERE x.status = 'abroad'), count(*) FILTER (WHERE x.status = 'returned'), "
                        + "count(*) FILTER (WHERE x.status = 'broke_contract'), count(DISTINCT x.household_id), "
                        + "count(*) FILTER (WHERE x.loan_id IS NOT NULL), "
                        + "count(*) FILTER (WHERE x.departed_on >= :yearStart) FROM ("
                        + WORKERS_ON + area.on("w", "c") + ") x GROUP BY x.commune_code, x.country_code "
                        + "ORDER BY x.commune_code, x.country_code"))
                .param("on", on).param("yearStart", on.withDayOfYear(1))
                .query((rs, i) -> new Figure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)))
                .list();
    }

    @Transactional
    public Worker add(long householdId, WorkerForm form, CurrentUser user) {
        requireEditor(user);
        HouseholdRef h = household(householdId, user.scope()).orElseThrow(() -> new WorkerNotFoundException("household", householdId));
        List<InvalidWorkerException.Problem> problems = new ArrayList<>();
        if (form.memberNo() == null || members(h).stream().noneMatch(m -> m[0].equals(form.memberNo()))) {
            problems.add(problem("memberNo", "labour.problem.member"));
        }
        check(problems, h, form.countryCode(), form.contractType(), form.departedOn(), form.contractMonths(), null, false,
                form.loanId(), form.feesSupport(), form.note());
        if (!problems.isEmpty()) {
            throw new InvalidWorkerException(problems);
        }
        long id = jdbc.sql("""
                        INSERT INTO labour_worker (province_code, household_id, member_no, country_code, contract_type,
                            departed_on, contract_months, training_support, loan_id, fees_support_vnd, note, recorded_by)
                        VALUES (:p, :h, :m, :country, :type, :departed, :months, :training, :loan, :fees, :note, :by)
                        RETURNING id""")
                .param("p", h.provinceCode()).param("h", h.id()).param("m", form.memberNo())
                .param("country", form.countryCode()).param("type", form.contractType()).param("departed", form.departedOn())
                .param("months", form.contractMonths()).param("training", form.trainingSupport()).param("loan", form.loanId())
                .param("fees", form.feesSupport()).param("note", blank(form.note())).param("by", user.getUsername())
                .query(Long.class).single();
        return get(id, user.scope());
    }

    /** Changes a worker (return, broken contract, support); refused when it changed since {@code version} was read. */
    @Transactional
    public Worker update(long id, WorkerUpdate u, CurrentUser user) {
        requireEditor(user);
        Worker current = get(id, user.scope());
        HouseholdRef h = household(current.householdId(), user.scope()).orElseThrow();
        List<InvalidWorkerException.Problem> problems = new ArrayList<>();
        if (u.version() == null) {
            problems.add(problem("version", "labour.problem.version-required"));
        }
        check(problems, h, u.countryCode(), u.contractType(), u.departedOn(), u.contractMonths(), u.returnedOn(),
                u.brokeContract(), u.loanId(), u.feesSupport(), u.note());
        if (!problems.isEmpty()) {
            throw new InvalidWorkerException(problems);
        }
        int updated = jdbc.sql("""
                        UPDATE labour_worker SET country_code = :country, contract_type = :type, departed_on = :departed,
                            contract_months = :months, returned_on = :returned, broke_contract = :broke,
                            training_support = :training, loan_id = :loan, fees_support_vnd = :fees, note = :note,
                            version = version + 1
                        WHERE province_code = :p AND id = :id AND version = :version""")
                .param("country", u.countryCode()).param("type", u.contractType()).param("departed", u.departedOn())
                .param("months", u.contractMonths()).param("returned", u.returnedOn()).param("broke", u.brokeContract())
                .param("training", u.trainingSupport()).param("loan", u.loanId()).param("fees", u.feesSupport())
                .param("note", blank(u.note())).param("p", h.provinceCode()).param("id", id).param("version", u.version())
                .update();
        if (updated == 0) {
            throw new InvalidWorkerException("version", "labour.problem.stale", current.version());
        }
        return get(id, user.scope());
    }

    private void check(List<InvalidWorkerException.Problem> problems, HouseholdRef h, String country, String type,
                       LocalDate departed, Integer months, LocalDate returned, boolean broke, Long loanId, Long fees,
                       String note) {
        LocalDate today = LocalDate.now(clock);
        if (country == null || countries().stream().noneMatch(c -> c.code().equals(country))) {
            problems.add(problem("countryCode", "labour.problem.country"));
        }
        if (type == null || !LabourRecords.CONTRACT_TYPES.contains(type)) {
            problems.add(problem("contractType", "labour.problem.contract-type"));
        }
        if (departed == null) {
            problems.add(problem("departedOn", "labour.problem.departed-required"));
        } else if (departed.getYear() < 1990 || departed.isAfter(today.plusYears(1))) {
            problems.add(problem("departedOn", "labour.problem.departed-range"));
        }
        if (months != null && (months < 1 || months > 240)) {
            problems.add(problem("contractMonths", "labour.problem.months"));
        }
        if (returned != null && (departed != null && returned.isBefore(departed) || returned.isAfter(today))) {
            problems.add(problem("returnedOn", "labour.problem.returned-range"));
        }
        if (broke && returned == null) {
            problems.add(problem("brokeContract", "labour.problem.broke-needs-return"));
        }
        if (loanId != null && loans(h).stream().noneMatch(l -> l[0].equals(loanId))) {
            problems.add(problem("loanId", "labour.problem.loan"));
        }
        if (fees != null && (fees < 0 || fees > 10_000_000_000L)) {
            problems.add(problem("feesSupport", "labour.problem.fees"));
        }
        if (note != null && note.length() > 1000) {
            problems.add(problem("note", "labour.problem.too-long", 1000));
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static InvalidWorkerException.Problem problem(String field, String key, Object... args) {
        return new InvalidWorkerException.Problem(field, key, List.of(args));
    }

    static void requireEditor(CurrentUser user) {
        if (!user.canEdit()) {
            throw new AccessDeniedException("role " + user.role() + " may not change data");
        }
    }

    static Worker worker(ResultSet rs, int row) throws SQLException {
        return new Worker(rs.getLong("id"), rs.getLong("household_id"), rs.getString("household_code"),
                rs.getString("commune_code"), rs.getInt("member_no"), rs.getString("member_name"),
                rs.getString("country_code"), rs.getString("contract_type"), rs.getObject("departed_on", LocalDate.class),
                rs.getObject("contract_months", Integer.class), rs.getObject("returned_on", LocalDate.class),
                rs.getBoolean("broke_contract"), rs.getBoolean("training_support"), rs.getObject("loan_id", Long.class),
                rs.getString("loan_contract"), rs.getObject("fees_support_vnd", Long.class), rs.getString("note"),
                rs.getInt("version"), rs.getString("status"));
    }
}
