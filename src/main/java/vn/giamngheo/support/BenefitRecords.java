package vn.giamngheo.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.exchange.Table;
import vn.giamngheo.exchange.TableException;
import vn.giamngheo.geography.AreaFilter;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;

/**
 * Benefits received, entered one at a time or imported from a CSV/XLSX file. A file is stored whole or not at
 * all: every line is checked first and every problem is reported with file, line, column, value and a message
 * key (bundle support or exchange). Households only inside the user's area.
 */
@Service
public class BenefitRecords {

    private final JdbcClient jdbc;
    private final PolicyCatalog policies;
    private final AuditLog audit;
    private final Clock clock;

    BenefitRecords(JdbcClient jdbc, PolicyCatalog policies, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /** Imports a file (CSV, or XLSX by its name): all lines stored, or none and every problem. */
    @Transactional
    public BenefitImportResult importFile(String fileName, InputStream in, CurrentUser user) {
        requireEditor(user);
        String file = fileName == null || fileName.isBlank() ? "benefits.csv" : fileName;
        List<ExchangeProblem> problems = new ArrayList<>();
        Table table;
        try (in) {
            table = Table.read(file, BenefitColumns.SHEET, in, BenefitColumns.MAX_ROWS);
        } catch (TableException e) {
            return rejected(file, List.of(e.problem()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < table.header().size(); c++) {
            String name = table.header().get(c);
            if (BenefitColumns.ALL.contains(name)) {
                index.putIfAbsent(name, c);
            } else if (!name.isEmpty()) {
                problems.add(ExchangeProblem.warning(file, 1, name, name, ExchangeProblem.UNKNOWN_COLUMN,
                        "unknown column " + name + " is ignored", name));
            }
        }
        for (String required : BenefitColumns.REQUIRED) {
            if (!index.containsKey(required)) {
                problems.add(ExchangeProblem.error(file, 1, required, "", ExchangeProblem.MISSING_COLUMN,
                        "the required column " + required + " is missing", required));
            }
        }
        if (problems.stream().anyMatch(ExchangeProblem::isError)) {
            return rejected(file, problems);
        }
        List<Line> lines = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            if (row.isBlank()) {
                continue;
            }
            lines.add(new Line(row.line(), new BenefitEntry(cell(row, index, BenefitColumns.HOUSEHOLD_CODE),
                    cell(row, index, BenefitColumns.COMMUNE_CODE), cell(row, index, BenefitColumns.MEMBER_NO),
                    cell(row, index, BenefitColumns.POLICY_CODE), cell(row, index, BenefitColumns.BENEFIT_DATE),
                    cell(row, index, BenefitColumns.AMOUNT), cell(row, index, BenefitColumns.REFERENCE_NO),
                    cell(row, index, BenefitColumns.NOTE))));
        }
        if (lines.isEmpty()) {
            problems.add(ExchangeProblem.error(file, 2, "", "", "support.benefit.no-lines", "the file has no benefit lines"));
            return rejected(file, problems);
        }
        return store(file, "import", lines, problems, user);
    }

    /** Records one benefit typed on the page (checked like a file line). */
    @Transactional
    public BenefitImportResult add(BenefitEntry entry, CurrentUser user) {
        requireEditor(user);
        return store("form", "form", List.of(new Line(1, entry)), new ArrayList<>(), user);
    }

    /** The latest benefits recorded in the user's area (at most {@code limit}), optionally of one household. */
    public List<BenefitRecord> latest(AccessScope scope, Long householdId, int limit) {
        AreaFilter area = AreaFilter.of(scope);
        return area.bind(jdbc.sql(SELECT_RECORDS + " WHERE " + area.on("b", "c") + """

                          AND (CAST(:household AS bigint) IS NULL OR b.household_id = :household)
                        ORDER BY b.id DESC LIMIT :limit"""))
                .param("household", householdId).param("limit", limit)
                .query(BenefitRecords::record)
                .list();
    }

    static final String SELECT_RECORDS = """
            SELECT b.id, b.province_code, b.household_id, h.household_code, c.code AS commune_code,
                   (SELECT m.full_name FROM household_member m WHERE m.province_code = h.province_code
                      AND m.household_id = h.id AND m.relation = 'head') AS head_name,
                   b.member_no,
                   (SELECT m.full_name FROM household_member m WHERE m.province_code = b.province_code
                      AND m.household_id = b.household_id AND m.member_no = b.member_no) AS member_name,
                   p.code AS policy_code, b.benefit_date, b.amount_vnd, b.reference_no, b.note, b.source,
                   b.recorded_by, b.source_file, b.voided_at, b.voided_by, b.void_reason
            FROM benefit_record b
            JOIN household h ON h.province_code = b.province_code AND h.id = b.household_id
            JOIN admin_unit c ON c.id = h.commune_id
            JOIN support_policy p ON p.id = b.policy_id
            """;

    static BenefitRecord record(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.sql.Timestamp voided = rs.getTimestamp("voided_at");
        return new BenefitRecord(rs.getLong("id"), rs.getString("province_code"),
                rs.getLong("household_id"), rs.getString("household_code"), rs.getString("commune_code"),
                rs.getString("head_name"), rs.getObject("member_no", Integer.class), rs.getString("member_name"),
                rs.getString("policy_code"), rs.getObject("benefit_date", LocalDate.class),
                rs.getObject("amount_vnd", Long.class), rs.getString("reference_no"), rs.getString("note"),
                rs.getString("source"), rs.getString("recorded_by"), rs.getString("source_file"),
                voided == null ? null : voided.toInstant(), rs.getString("voided_by"), rs.getString("void_reason"));
    }

    private record Line(int line, BenefitEntry entry) {
    }

    private record Checked(int line, String provinceCode, long householdId, Integer memberNo, long policyId,
                           LocalDate date, Long amount, String referenceNo, String note) {
    }

    private record Commune(long id, String provinceCode, String path) {
    }

    private record Household(long id, Set<Integer> members) {
    }

    private BenefitImportResult store(String file, String source, List<Line> lines, List<ExchangeProblem> problems,
                                      CurrentUser user) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Optional<Commune>> communes = new HashMap<>();
        Map<String, Optional<Household>> households = new HashMap<>();
        Map<String, Optional<SupportPolicy>> policyByCode = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Checked> checked = new ArrayList<>();
        for (Line l : lines) {
            LineCheck c = new LineCheck(file, l.line(), l.entry(), problems);
            String householdCode = c.required(BenefitColumns.HOUSEHOLD_CODE, 40);
            String communeCode = c.required(BenefitColumns.COMMUNE_CODE, 5);
            Integer memberNo = c.memberNo();
            String policyCode = c.required(BenefitColumns.POLICY_CODE, 40);
            LocalDate date = c.date(today);
            Long amount = c.amount();
            String reference = c.optional(BenefitColumns.REFERENCE_NO, 60);
            String note = c.optional(BenefitColumns.NOTE, 1000);
            Household household = null;
            Commune commune = null;
            if (communeCode != null && !communeCode.matches("[0-9]{5}")) {
                c.error(BenefitColumns.COMMUNE_CODE, communeCode, ExchangeProblem.INVALID_COMMUNE_CODE,
                        "a commune code has 5 digits");
            } else if (communeCode != null) {
                commune = communes.computeIfAbsent(communeCode, code -> commune(code, today)).orElse(null);
                if (commune == null) {
                    c.error(BenefitColumns.COMMUNE_CODE, communeCode, "exchange.commune-unknown",
                            "no commune has code " + communeCode + " today", communeCode);
                } else if (!user.scope().contains(commune.path())) {
                    c.error(BenefitColumns.COMMUNE_CODE, communeCode, "exchange.commune-outside-scope",
                            "commune " + communeCode + " is outside your area", communeCode);
                    commune = null;
                }
            }
            if (commune != null && householdCode != null) {
                Commune cm = commune;
                household = households.computeIfAbsent(communeCode + "/" + householdCode,
                        k -> household(cm, householdCode)).orElse(null);
                if (household == null) {
                    c.error(BenefitColumns.HOUSEHOLD_CODE, householdCode, "support.benefit.unknown-household",
                            "household " + householdCode + " is not registered in commune " + communeCode,
                            householdCode, communeCode);
                }
            }
            SupportPolicy policy = null;
            if (policyCode != null) {
                // the household's province's own policy of that code, else the national one (codes never repeat
                // a national code in a province)
                String province = commune != null ? commune.provinceCode() : user.scope().provinceCode();
                policy = policyByCode.computeIfAbsent(province + "/" + policyCode,
                        k -> policies.byCode(policyCode, province)).orElse(null);
                if (policy == null) {
                    c.error(BenefitColumns.POLICY_CODE, policyCode, "support.benefit.unknown-policy",
                            "no policy has code " + policyCode, policyCode);
                } else if (policy.perPerson() && memberNo == null && !c.failed(BenefitColumns.MEMBER_NO)) {
                    c.error(BenefitColumns.MEMBER_NO, "", "support.benefit.member-required",
                            "policy " + policyCode + " is given to persons: member_no is required", policyCode);
                } else if (!policy.perPerson() && memberNo != null) {
                    c.error(BenefitColumns.MEMBER_NO, String.valueOf(memberNo), "support.benefit.member-not-allowed",
                            "policy " + policyCode + " is given to households: leave member_no empty", policyCode);
                }
            }
            if (household != null && memberNo != null && !household.members().contains(memberNo)) {
                c.error(BenefitColumns.MEMBER_NO, String.valueOf(memberNo), "support.benefit.unknown-member",
                        "household " + householdCode + " has no member " + memberNo, householdCode);
            }
            if (c.errors > 0 || household == null || policy == null || date == null) {
                continue;
            }
            String key = household.id() + "/" + memberNo + "/" + policy.id() + "/" + date + "/" + reference;
            Integer earlier = seen.putIfAbsent(key, l.line());
            if (earlier != null) {
                c.error(BenefitColumns.BENEFIT_DATE, date.toString(), "support.benefit.duplicate-line",
                        "the same benefit is already on line " + earlier, earlier);
                continue;
            }
            if (alreadyRecorded(commune.provinceCode(), household.id(), memberNo, policy.id(), date, reference)) {
                c.error(BenefitColumns.BENEFIT_DATE, date.toString(), "support.benefit.already-recorded",
                        "this benefit is already recorded");
                continue;
            }
            checked.add(new Checked(l.line(), commune.provinceCode(), household.id(), memberNo, policy.id(), date, amount,
                    reference, note));
        }
        if (problems.stream().anyMatch(ExchangeProblem::isError)) {
            return rejected(file, problems);
        }
        List<Long> ids = new ArrayList<>();
        for (Checked r : checked) {
            ids.add(jdbc.sql("""
                            INSERT INTO benefit_record (province_code, household_id, member_no, policy_id, benefit_date,
                                amount_vnd, reference_no, note, source, source_file, source_line, recorded_by)
                            VALUES (:province, :household, :member, :policy, :date, :amount, :reference, :note, :source,
                                :file, :line, :user) RETURNING id""")
                    .param("province", r.provinceCode()).param("household", r.householdId())
                    .param("member", r.memberNo()).param("policy", r.policyId()).param("date", r.date())
                    .param("amount", r.amount()).param("reference", r.referenceNo()).param("note", r.note())
                    .param("source", source).param("file", "form".equals(source) ? null : file)
                    .param("line", "form".equals(source) ? null : r.line()).param("user", user.getUsername())
                    .query(Long.class).single());
        }
        if (!"form".equals(source)) {
            audit.record("IMPORT", "benefit_record", null, user.scope().provinceCode(),
                    checked.size() + " benefits from " + file);
        }
        return new BenefitImportResult(file, checked.size(), problems, ids);
    }

    private BenefitImportResult rejected(String file, List<ExchangeProblem> problems) {
        long errors = problems.stream().filter(ExchangeProblem::isError).count();
        audit.record("IMPORT_REJECTED", "benefit_record", null, null, file + ": " + errors + " errors, nothing stored");
        return new BenefitImportResult(file, 0, problems, List.of());
    }

    private static void requireEditor(CurrentUser user) {
        if (!user.canEdit()) {
            throw new AccessDeniedException("role " + user.role() + " may not change data");
        }
    }

    private static String cell(Table.Row row, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        return i == null ? "" : HouseholdFileWriter.unprotect(row.cell(i).trim());
    }

    private Optional<Commune> commune(String code, LocalDate today) {
        return jdbc.sql("""
                        SELECT id, province_code, path FROM admin_unit WHERE level = 'commune' AND code = :code
                          AND (valid_from IS NULL OR valid_from <= :d) AND (valid_to IS NULL OR valid_to >= :d)""")
                .param("code", code).param("d", today)
                .query((rs, i) -> new Commune(rs.getLong("id"), rs.getString("province_code"), rs.getString("path")))
                .optional();
    }

    private Optional<Household> household(Commune commune, String householdCode) {
        Optional<Long> id = jdbc.sql("""
                        SELECT id FROM household WHERE province_code = :p AND commune_id = :c AND household_code = :code""")
                .param("p", commune.provinceCode()).param("c", commune.id()).param("code", householdCode)
                .query(Long.class).optional();
        return id.map(h -> new Household(h, new HashSet<>(jdbc.sql("""
                        SELECT member_no FROM household_member WHERE province_code = :p AND household_id = :h""")
                .param("p", commune.provinceCode()).param("h", h).query(Integer.class).list())));
    }

    private boolean alreadyRecorded(String province, long household, Integer member, long policy, LocalDate date,
                                    String reference) {
        return jdbc.sql("""
                        SELECT count(*) FROM benefit_record WHERE province_code = :p AND household_id = :h
                          AND member_no IS NOT DISTINCT FROM CAST(:m AS integer) AND policy_id = :policy
                          AND benefit_date = :d AND reference_no IS NOT DISTINCT FROM CAST(:r AS text)
                          AND voided_at IS NULL""")
                .param("p", province).param("h", household).param("m", member).param("policy", policy)
                .param("d", date).param("r", reference).query(Long.class).single() > 0;
    }

    /** Typed access to one line's values, collecting every problem. */
    private static final class LineCheck {
        private final String file;
        private final int line;
        private final BenefitEntry entry;
        private final List<ExchangeProblem> problems;
        private final Set<String> failed = new HashSet<>();
        int errors;

        LineCheck(String file, int line, BenefitEntry entry, List<ExchangeProblem> problems) {
            this.file = file;
            this.line = line;
            this.entry = entry;
            this.problems = problems;
        }

        void error(String column, String value, String code, String message, Object... args) {
            errors++;
            failed.add(column);
            problems.add(ExchangeProblem.error(file, line, column, value, code, message, args));
        }

        boolean failed(String column) {
            return failed.contains(column);
        }

        String required(String column, int max) {
            String v = entry.value(column);
            if (v.isEmpty()) {
                error(column, "", ExchangeProblem.REQUIRED_VALUE, "a value is required", column);
                return null;
            }
            return bounded(column, v, max);
        }

        String optional(String column, int max) {
            String v = entry.value(column);
            return v.isEmpty() ? null : bounded(column, v, max);
        }

        private String bounded(String column, String v, int max) {
            if (v.length() > max) {
                error(column, v.substring(0, Math.min(40, v.length())) + "…", ExchangeProblem.TOO_LONG,
                        "the text has " + v.length() + " characters, at most " + max + " are allowed", v.length(), max);
                return null;
            }
            return v;
        }

        Integer memberNo() {
            String v = entry.memberNo();
            if (v.isEmpty()) {
                return null;
            }
            if (v.matches("[0-9]{1,2}") && Integer.parseInt(v) >= 1) {
                return Integer.parseInt(v);
            }
            error(BenefitColumns.MEMBER_NO, v, ExchangeProblem.INVALID_MEMBER_NO, "member_no is a whole number 1–99");
            return null;
        }

        LocalDate date(LocalDate today) {
            String v = entry.benefitDate();
            if (v.isEmpty()) {
                error(BenefitColumns.BENEFIT_DATE, "", ExchangeProblem.REQUIRED_VALUE, "a value is required",
                        BenefitColumns.BENEFIT_DATE);
                return null;
            }
            try {
                LocalDate d = LocalDate.parse(v);
                if (d.isAfter(today)) {
                    error(BenefitColumns.BENEFIT_DATE, v, "support.benefit.future-date", "the date is after today " + today,
                            today.toString());
                    return null;
                }
                if (d.getYear() < 2000) {
                    error(BenefitColumns.BENEFIT_DATE, v, "support.benefit.too-early", "the date is before 2000");
                    return null;
                }
                return d;
            } catch (DateTimeParseException e) {
                error(BenefitColumns.BENEFIT_DATE, v, ExchangeProblem.INVALID_DATE, "not a date YYYY-MM-DD", "YYYY-MM-DD");
                return null;
            }
        }

        Long amount() {
            String v = entry.amount();
            if (v.isEmpty()) {
                return null;
            }
            if (v.matches("[0-9]{1,15}")) {
                return Long.parseLong(v);
            }
            error(BenefitColumns.AMOUNT, v, "support.benefit.invalid-amount",
                    "the amount is a whole number of đồng ≥ 0, without separators");
            return null;
        }
    }
}
