package vn.giamngheo.credit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.exchange.Table;
import vn.giamngheo.exchange.TableException;
import vn.giamngheo.security.CurrentUser;

/**
 * Import of the social-policy bank's loan file (docs/exchange-format.md, "Loans of the social-policy bank"). One
 * line is one loan and its balance on the statement date. Every line is checked first:
 * <ul>
 * <li>a line with an error (a value missing or malformed, an unknown programme, a commune outside the user's area,
 *     a contract already registered to another household, a statement date already stated with other figures, the
 *     same contract and date twice in the file) makes the whole file refused: nothing is stored;</li>
 * <li>a well-formed line whose household is found neither by its household code in the commune nor by a member's
 *     identity number in the commune is <em>unmatched</em>: it is listed with its line and stored nowhere. A file
 *     with unmatched lines is stored only when the officer confirms "store the matched lines only"; then the
 *     matched lines are stored and the unmatched ones are only counted in the audit log;</li>
 * <li>a matched line of a new contract adds the loan and its statement; of a registered contract, the statement
 *     only (an identical statement already stored is left as it is).</li>
 * </ul>
 * A dry run checks and previews without storing.
 */
@Service
public class LoanImport {

    /** What the officer asked for. */
    public enum Mode {
        /** Check and preview only. */
        DRY_RUN,
        /** Store when every line matched a household (refused otherwise). */
        ALL,
        /** Store the matched lines; the unmatched ones are stored nowhere. */
        MATCHED_ONLY
    }

    /** A line whose household was not found: shown with its line, stored nowhere. */
    public record Unmatched(int line, String communeCode, String householdCode, String idNumber, String contractNo,
                            long amount) {
    }

    /**
     * The outcome: {@code stored} false for a dry run, a refusal or a file with unmatched lines not confirmed.
     * Counts are of lines: new loans, statements added to registered loans, lines already stored unchanged.
     */
    public record Result(String file, boolean stored, int lines, int matched, int byCode, int byIdNumber,
                         int newLoans, int newStatements, int unchanged, List<Unmatched> unmatched,
                         List<ExchangeProblem> problems, boolean needsConfirmation) {

        public boolean accepted() {
            return problems.stream().noneMatch(ExchangeProblem::isError);
        }

        public List<ExchangeProblem> errors() {
            return problems.stream().filter(ExchangeProblem::isError).toList();
        }
    }

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu");

    private final JdbcClient jdbc;
    private final Loans loans;
    private final AuditLog audit;
    private final Clock clock;

    LoanImport(JdbcClient jdbc, Loans loans, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.loans = loans;
        this.audit = audit;
        this.clock = clock;
    }

    private record Line(int line, String communeCode, String householdCode, String idNumber, String programme,
                        String contractNo, Long amount, LocalDate disbursedOn, Integer termMonths, String interest,
                        LocalDate statementDate, Long outstanding, Long overdue, LocalDate settledOn) {
    }

    private record Commune(long id, String provinceCode, String path) {
    }

    private record Matched(Line line, String provinceCode, long householdId, Long existingLoan) {
    }

    /** Imports (or, in {@link Mode#DRY_RUN}, previews) a file; {@code progress} hears the percentage checked. */
    @Transactional
    public Result importFile(String fileName, InputStream in, Mode mode, CurrentUser user, IntConsumer progress) {
        if (mode != Mode.DRY_RUN) {
            Loans.requireEditor(user);
        }
        String file = fileName == null || fileName.isBlank() ? "loans.csv" : fileName;
        List<ExchangeProblem> problems = new ArrayList<>();
        Table table;
        try (in) {
            table = Table.read(file, LoanColumns.SHEET, in, LoanColumns.MAX_ROWS);
        } catch (TableException e) {
            return refused(file, 0, List.of(e.problem()), mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < table.header().size(); c++) {
            String header = table.header().get(c);
            Optional<String> column = LoanColumns.column(header);
            if (column.isPresent()) {
                if (index.putIfAbsent(column.get(), c) != null) {
                    problems.add(ExchangeProblem.error(file, 1, header, header, ExchangeProblem.DUPLICATE_COLUMN,
                            "the column " + column.get() + " is given twice", column.get()));
                }
            } else if (!header.isBlank()) {
                problems.add(ExchangeProblem.warning(file, 1, header, header, ExchangeProblem.UNKNOWN_COLUMN,
                        "unknown column " + header + " is ignored", header));
            }
        }
        for (String required : LoanColumns.REQUIRED) {
            if (!index.containsKey(required)) {
                problems.add(ExchangeProblem.error(file, 1, required, "", ExchangeProblem.MISSING_COLUMN,
                        "the required column " + required + " is missing", required));
            }
        }
        if (!index.containsKey(LoanColumns.HOUSEHOLD_CODE) && !index.containsKey(LoanColumns.ID_NUMBER)) {
            problems.add(ExchangeProblem.error(file, 1, LoanColumns.HOUSEHOLD_CODE, "", "credit.import.no-match-column",
                    "the file needs household_code or id_number to find households"));
        }
        if (problems.stream().anyMatch(ExchangeProblem::isError)) {
            return refused(file, 0, problems, mode);
        }
        LocalDate today = LocalDate.now(clock);
        Set<String> programmes = new HashSet<>();
        loans.programmes().forEach(p -> programmes.add(p.code()));
        List<Line> lines = new ArrayList<>();
        int total = table.rows().size();
        int done = 0;
        for (Table.Row row : table.rows()) {
            if (++done % 500 == 0) {
                progress.accept(done * 50 / Math.max(1, total));
            }
            if (row.isBlank()) {
                continue;
            }
            Line line = parse(file, row, index, today, programmes, problems);
            if (line != null) {
                lines.add(line);
            }
        }
        if (lines.isEmpty() && problems.stream().noneMatch(ExchangeProblem::isError)) {
            problems.add(ExchangeProblem.error(file, 2, "", "", "credit.import.no-lines", "the file has no loan lines"));
        }
        if (problems.stream().anyMatch(ExchangeProblem::isError)) {
            return refused(file, lines.size(), problems, mode);
        }
        // the communes, in the user's area
        Map<String, Optional<Commune>> communes = new HashMap<>();
        for (Line l : lines) {
            Optional<Commune> commune = communes.computeIfAbsent(l.communeCode(), code -> commune(code, today));
            if (commune.isEmpty()) {
                problems.add(ExchangeProblem.error(file, l.line(), LoanColumns.COMMUNE_CODE, l.communeCode(),
                        "exchange.commune-unknown", "no commune has code " + l.communeCode() + " today", l.communeCode()));
            } else if (!user.scope().contains(commune.get().path())) {
                problems.add(ExchangeProblem.error(file, l.line(), LoanColumns.COMMUNE_CODE, l.communeCode(),
                        "exchange.commune-outside-scope", "commune " + l.communeCode() + " is outside your area",
                        l.communeCode()));
            }
        }
        if (problems.stream().anyMatch(ExchangeProblem::isError)) {
            return refused(file, lines.size(), problems, mode);
        }
        // households by code per commune, and by the identity numbers of the file
        Map<Long, Map<String, Long>> codes = new HashMap<>();
        for (Optional<Commune> c : communes.values()) {
            Commune commune = c.orElseThrow();
            Map<String, Long> byCode = new HashMap<>();
            jdbc.sql("SELECT household_code, id FROM household WHERE province_code = :p AND commune_id = :c")
                    .param("p", commune.provinceCode()).param("c", commune.id())
                    .query(rs -> {
                        byCode.put(rs.getString(1), rs.getLong(2));
                    });
            codes.put(commune.id(), byCode);
        }
        Map<String, long[]> byIdNumber = identityNumbers(lines);
        List<Matched> matched = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        int byCode = 0;
        int byId = 0;
        for (Line l : lines) {
            Commune commune = communes.get(l.communeCode()).orElseThrow();
            Long household = l.householdCode() == null ? null : codes.get(commune.id()).get(l.householdCode());
            Long viaId = null;
            if (l.idNumber() != null) {
                long[] found = byIdNumber.get(l.idNumber());
                if (found != null && found[1] == commune.id()) {
                    viaId = found[0];
                }
            }
            if (household != null && viaId != null && !household.equals(viaId)) {
                problems.add(ExchangeProblem.error(file, l.line(), LoanColumns.ID_NUMBER, mask(l.idNumber(), user),
                        "credit.import.code-and-id-differ",
                        "the identity number belongs to another household than " + l.householdCode(), l.householdCode()));
                continue;
            }
            if (household != null) {
                byCode++;
                matched.add(new Matched(l, commune.provinceCode(), household, null));
            } else if (viaId != null) {
                byId++;
                matched.add(new Matched(l, commune.provinceCode(), viaId, null));
            } else {
                unmatched.add(new Unmatched(l.line(), l.communeCode(), l.householdCode(), mask(l.idNumber(), user),
                        l.contractNo(), l.amount()));
            }
        }
        progress.accept(60);
        // registered contracts and their statements
        Map<String, Long> newContracts = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        int newLoans = 0;
        int newStatements = 0;
        int unchanged = 0;
        Map<String, Map<String, long[]>> contracts = contracts(matched);
        List<Matched> toStore = new ArrayList<>();
        for (Matched m : matched) {
            Line l = m.line();
            String key = m.provinceCode() + "/" + l.contractNo() + "/" + l.statementDate();
            Integer earlier = seen.putIfAbsent(key, l.line());
            if (earlier != null) {
                problems.add(ExchangeProblem.error(file, l.line(), LoanColumns.CONTRACT_NO, l.contractNo(),
                        "credit.import.duplicate-line", "the same contract and statement date are on line " + earlier, earlier));
                continue;
            }
            long[] registered = contracts.getOrDefault(m.provinceCode(), Map.of()).get(l.contractNo());
            if (registered == null) {
                // the same new contract on several lines (several statements): one loan
                Long owner = newContracts.putIfAbsent(m.provinceCode() + "/" + l.contractNo(), m.householdId());
                if (owner == null) {
                    newLoans++;
                } else if (owner != m.householdId()) {
                    problems.add(ExchangeProblem.error(file, l.line(), LoanColumns.CONTRACT_NO, l.contractNo(),
                            "credit.import.contract-other-household",
                            "contract " + l.contractNo() + " is given to another household on an earlier line", l.contractNo()));
                    continue;
                } else {
                    newStatements++;
                }
                toStore.add(m);
                continue;
            }
            if (registered[1] != m.householdId()) {
                problems.add(ExchangeProblem.error(file, l.line(), LoanColumns.CONTRACT_NO, l.contractNo(),
                        "credit.import.contract-other-household",
                        "contract " + l.contractNo() + " is registered to another household", l.contractNo()));
                continue;
            }
            Optional<long[]> stated = statement(m.provinceCode(), registered[0], l.statementDate());
            if (stated.isPresent()) {
                if (stated.get()[0] == l.outstanding() && stated.get()[1] == l.overdue()) {
                    unchanged++;
                } else {
                    problems.add(ExchangeProblem.error(file, l.line(), LoanColumns.STATEMENT_DATE, l.statementDate().toString(),
                            "credit.import.statement-differs",
                            "the balance of contract " + l.contractNo() + " on this date is already recorded with other figures",
                            l.contractNo()));
                }
                continue;
            }
            newStatements++;
            toStore.add(new Matched(l, m.provinceCode(), m.householdId(), registered[0]));
        }
        progress.accept(70);
        if (problems.stream().anyMatch(ExchangeProblem::isError)) {
            return refused(file, lines.size(), problems, mode);
        }
        boolean needsConfirmation = !unmatched.isEmpty() && mode != Mode.MATCHED_ONLY;
        if (mode == Mode.DRY_RUN || needsConfirmation) {
            if (mode == Mode.ALL) {
                problems.add(ExchangeProblem.error(file, unmatched.get(0).line(), "", "", "credit.import.unmatched-not-confirmed",
                        unmatched.size() + " lines match no household: confirm to store the matched lines only",
                        unmatched.size()));
                audit.record("IMPORT_REJECTED", "loan", null, user.scope().provinceCode(),
                        file + ": " + unmatched.size() + " unmatched lines, not confirmed; nothing stored");
            }
            progress.accept(100);
            return new Result(file, false, lines.size(), matched.size(), byCode, byId, newLoans, newStatements, unchanged,
                    unmatched, problems, !unmatched.isEmpty());
        }
        Map<String, Long> created = new HashMap<>();
        int stored = 0;
        for (Matched m : toStore) {
            Line l = m.line();
            Long loanId = m.existingLoan();
            if (loanId == null) {
                loanId = created.get(m.provinceCode() + "/" + l.contractNo());
            }
            if (loanId == null) {
                loanId = jdbc.sql("""
                                INSERT INTO loan (province_code, household_id, programme_code, contract_no, amount_vnd,
                                    disbursed_on, term_months, interest_category, settled_on, source, source_file, source_line,
                                    recorded_by)
                                VALUES (:p, :h, :programme, :contract, :amount, :disbursed, :term, :interest, :settled, 'import',
                                    :file, :line, :by) RETURNING id""")
                        .param("p", m.provinceCode()).param("h", m.householdId()).param("programme", l.programme())
                        .param("contract", l.contractNo()).param("amount", l.amount()).param("disbursed", l.disbursedOn())
                        .param("term", l.termMonths()).param("interest", Loans.interest(l.interest()))
                        .param("settled", l.settledOn()).param("file", file).param("line", l.line())
                        .param("by", user.getUsername())
                        .query(Long.class).single();
                created.put(m.provinceCode() + "/" + l.contractNo(), loanId);
            } else if (l.settledOn() != null) {
                jdbc.sql("""
                                UPDATE loan SET settled_on = :settled, version = version + 1
                                WHERE province_code = :p AND id = :id AND settled_on IS DISTINCT FROM :settled""")
                        .param("settled", l.settledOn()).param("p", m.provinceCode()).param("id", loanId).update();
            }
            jdbc.sql("""
                            INSERT INTO loan_statement (province_code, loan_id, statement_date, outstanding_vnd, overdue_vnd,
                                source, source_file, recorded_by)
                            VALUES (:p, :l, :d, :o, :od, 'import', :file, :by)""")
                    .param("p", m.provinceCode()).param("l", loanId).param("d", l.statementDate())
                    .param("o", l.outstanding()).param("od", l.overdue()).param("file", file)
                    .param("by", user.getUsername()).update();
            if (++stored % 500 == 0) {
                progress.accept(70 + stored * 30 / Math.max(1, toStore.size()));
            }
        }
        audit.record("IMPORT", "loan", null, user.scope().provinceCode(),
                file + ": " + newLoans + " new loans, " + newStatements + " statements, " + unchanged + " unchanged, "
                        + unmatched.size() + " lines matching no household not stored");
        progress.accept(100);
        return new Result(file, true, lines.size(), matched.size(), byCode, byId, newLoans, newStatements, unchanged,
                unmatched, problems, false);
    }

    private Result refused(String file, int lines, List<ExchangeProblem> problems, Mode mode) {
        if (mode != Mode.DRY_RUN) {
            long errors = problems.stream().filter(ExchangeProblem::isError).count();
            audit.record("IMPORT_REJECTED", "loan", null, null, file + ": " + errors + " errors, nothing stored");
        }
        return new Result(file, false, lines, 0, 0, 0, 0, 0, 0, List.of(), problems, false);
    }

    static String mask(String idNumber, CurrentUser user) {
        if (idNumber == null || user.seesIdentityNumbers()) {
            return idNumber;
        }
        return "*".repeat(Math.max(0, idNumber.length() - 3)) + idNumber.substring(Math.max(0, idNumber.length() - 3));
    }

    private Line parse(String file, Table.Row row, Map<String, Integer> index, LocalDate today, Set<String> programmes,
                       List<ExchangeProblem> problems) {
        int before = (int) problems.stream().filter(ExchangeProblem::isError).count();
        int n = row.line();
        String commune = text(row, index, LoanColumns.COMMUNE_CODE);
        if (commune == null) {
            problems.add(required(file, n, LoanColumns.COMMUNE_CODE));
        } else if (!commune.matches("[0-9]{5}")) {
            problems.add(ExchangeProblem.error(file, n, LoanColumns.COMMUNE_CODE, commune,
                    ExchangeProblem.INVALID_COMMUNE_CODE, "a commune code has 5 digits"));
        }
        String household = text(row, index, LoanColumns.HOUSEHOLD_CODE);
        if (household != null && household.length() > 40) {
            problems.add(tooLong(file, n, LoanColumns.HOUSEHOLD_CODE, household, 40));
        }
        String id = text(row, index, LoanColumns.ID_NUMBER);
        if (id != null && !id.matches("[0-9]{12}")) {
            problems.add(ExchangeProblem.error(file, n, LoanColumns.ID_NUMBER, id.length() > 3 ? "…" + id.substring(id.length() - 3) : id,
                    ExchangeProblem.INVALID_ID_NUMBER, "an identity number has 12 digits"));
        }
        if (household == null && id == null) {
            problems.add(ExchangeProblem.error(file, n, LoanColumns.HOUSEHOLD_CODE, "", "credit.import.no-household",
                    "give the household code or a member's identity number"));
        }
        String programme = text(row, index, LoanColumns.PROGRAMME);
        if (programme == null) {
            problems.add(required(file, n, LoanColumns.PROGRAMME));
        } else if (!programmes.contains(programme.toUpperCase(java.util.Locale.ROOT))) {
            problems.add(ExchangeProblem.error(file, n, LoanColumns.PROGRAMME, programme, "credit.import.unknown-programme",
                    "no lending programme has code " + programme, programme));
        } else {
            programme = programme.toUpperCase(java.util.Locale.ROOT);
        }
        String contract = text(row, index, LoanColumns.CONTRACT_NO);
        if (contract == null) {
            problems.add(required(file, n, LoanColumns.CONTRACT_NO));
        } else if (contract.length() > 60) {
            problems.add(tooLong(file, n, LoanColumns.CONTRACT_NO, contract, 60));
        }
        Long amount = amount(file, n, row, index, LoanColumns.AMOUNT, true, problems);
        if (amount != null && amount == 0) {
            problems.add(ExchangeProblem.error(file, n, LoanColumns.AMOUNT, "0", "credit.import.amount-zero",
                    "the amount lent is more than 0"));
        }
        LocalDate disbursed = date(file, n, row, index, LoanColumns.DISBURSED_ON, true, today, problems);
        Integer term = null;
        String termText = text(row, index, LoanColumns.TERM_MONTHS);
        if (termText == null) {
            problems.add(required(file, n, LoanColumns.TERM_MONTHS));
        } else if (termText.matches("[0-9]{1,3}") && Integer.parseInt(termText) >= 1 && Integer.parseInt(termText) <= 600) {
            term = Integer.parseInt(termText);
        } else {
            problems.add(ExchangeProblem.error(file, n, LoanColumns.TERM_MONTHS, termText, "credit.import.invalid-term",
                    "the term is a whole number of months 1–600"));
        }
        String interest = text(row, index, LoanColumns.INTEREST);
        if (interest != null) {
            interest = interestCode(interest);
            if (interest == null) {
                problems.add(ExchangeProblem.error(file, n, LoanColumns.INTEREST, text(row, index, LoanColumns.INTEREST),
                        "credit.import.invalid-interest", "interest category: preferential, standard, interest_free or other"));
            }
        }
        LocalDate statement = date(file, n, row, index, LoanColumns.STATEMENT_DATE, true, today, problems);
        Long outstanding = amount(file, n, row, index, LoanColumns.OUTSTANDING, true, problems);
        Long overdue = amount(file, n, row, index, LoanColumns.OVERDUE, false, problems);
        LocalDate settled = date(file, n, row, index, LoanColumns.SETTLED_ON, false, today, problems);
        if (disbursed != null && statement != null && statement.isBefore(disbursed)) {
            problems.add(ExchangeProblem.error(file, n, LoanColumns.STATEMENT_DATE, statement.toString(),
                    "credit.import.statement-before-disbursed", "the statement date is before the loan was disbursed"));
        }
        if (disbursed != null && settled != null && settled.isBefore(disbursed)) {
            problems.add(ExchangeProblem.error(file, n, LoanColumns.SETTLED_ON, settled.toString(),
                    "credit.import.settled-before-disbursed", "the loan cannot be settled before it was disbursed"));
        }
        if (outstanding != null && overdue != null && overdue > outstanding) {
            problems.add(ExchangeProblem.error(file, n, LoanColumns.OVERDUE, String.valueOf(overdue),
                    "credit.import.overdue-above-outstanding", "the overdue amount is more than the outstanding balance"));
        }
        if (amount != null && outstanding != null && outstanding > amount) {
            problems.add(ExchangeProblem.error(file, n, LoanColumns.OUTSTANDING, String.valueOf(outstanding),
                    "credit.import.outstanding-above-amount", "the outstanding balance is more than the amount lent"));
        }
        int after = (int) problems.stream().filter(ExchangeProblem::isError).count();
        if (after > before) {
            return null;
        }
        return new Line(n, commune, household, id, programme, contract, amount, disbursed, term, interest, statement,
                outstanding, overdue == null ? 0L : overdue, settled);
    }

    /** The interest category of a machine code or its Vietnamese word. */
    static String interestCode(String text) {
        String folded = vn.giamngheo.exchange.Labels.fold(text);
        return switch (folded) {
            case "preferential", "uu dai" -> "preferential";
            case "standard", "thong thuong", "binh thuong" -> "standard";
            case "interest_free", "khong lai", "0%" -> "interest_free";
            case "other", "khac" -> "other";
            default -> null;
        };
    }

    private static String text(Table.Row row, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        if (i == null) {
            return null;
        }
        String v = HouseholdFileWriter.unprotect(row.cell(i).trim());
        return v.isEmpty() ? null : v;
    }

    private static ExchangeProblem required(String file, int line, String column) {
        return ExchangeProblem.error(file, line, column, "", ExchangeProblem.REQUIRED_VALUE, "a value is required", column);
    }

    private static ExchangeProblem tooLong(String file, int line, String column, String v, int max) {
        return ExchangeProblem.error(file, line, column, v.substring(0, Math.min(40, v.length())) + "…", ExchangeProblem.TOO_LONG,
                "the text has " + v.length() + " characters, at most " + max + " are allowed", v.length(), max);
    }

    private static Long amount(String file, int line, Table.Row row, Map<String, Integer> index, String column,
                               boolean required, List<ExchangeProblem> problems) {
        String v = text(row, index, column);
        if (v == null) {
            if (required) {
                problems.add(required(file, line, column));
            }
            return null;
        }
        // the bank writes 15.000.000 or 15,000,000 as well as 15000000
        String digits = v.matches("[0-9]{1,3}([.,][0-9]{3})+") ? v.replace(".", "").replace(",", "") : v;
        if (digits.matches("[0-9]{1,13}")) {
            return Long.parseLong(digits);
        }
        problems.add(ExchangeProblem.error(file, line, column, v, "credit.import.invalid-amount",
                "an amount is a whole number of đồng ≥ 0"));
        return null;
    }

    private static LocalDate date(String file, int line, Table.Row row, Map<String, Integer> index, String column,
                                  boolean required, LocalDate today, List<ExchangeProblem> problems) {
        String v = text(row, index, column);
        if (v == null) {
            if (required) {
                problems.add(required(file, line, column));
            }
            return null;
        }
        LocalDate d;
        try {
            d = v.contains("/") ? LocalDate.parse(v, DAY_MONTH_YEAR) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(ExchangeProblem.error(file, line, column, v, ExchangeProblem.INVALID_DATE,
                    "not a date YYYY-MM-DD or DD/MM/YYYY", "YYYY-MM-DD"));
            return null;
        }
        if (d.isAfter(today) || d.getYear() < 1990) {
            problems.add(ExchangeProblem.error(file, line, column, v, "credit.import.date-range",
                    "the date is before 1990 or after today"));
            return null;
        }
        return d;
    }

    private Optional<Commune> commune(String code, LocalDate today) {
        return jdbc.sql("""
                        SELECT id, province_code, path FROM admin_unit WHERE level = 'commune' AND code = :code
                          AND (valid_from IS NULL OR valid_from <= :d) AND (valid_to IS NULL OR valid_to >= :d)""")
                .param("code", code).param("d", today)
                .query((rs, i) -> new Commune(rs.getLong("id"), rs.getString("province_code"), rs.getString("path")))
                .optional();
    }

    /** Identity number → {household id, commune id} of the member who holds it, for the numbers of the file. */
    private Map<String, long[]> identityNumbers(List<Line> lines) {
        List<String> numbers = lines.stream().map(Line::idNumber).filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, long[]> found = new HashMap<>();
        for (int from = 0; from < numbers.size(); from += 5000) {
            List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + 5000));
            jdbc.sql("""
                            SELECT ci.id_number, m.household_id, h.commune_id FROM citizen_identity ci
                            JOIN household_member m ON m.province_code = ci.province_code AND m.id = ci.member_id
                            JOIN household h ON h.province_code = m.province_code AND h.id = m.household_id
                            WHERE ci.id_number = ANY (CAST(:numbers AS text[]))""")
                    .param("numbers", chunk.toArray(new String[0]))
                    .query(rs -> {
                        found.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    });
        }
        return found;
    }

    /** Province → contract → {loan id, household id} of the registered contracts of the matched lines. */
    private Map<String, Map<String, long[]>> contracts(List<Matched> matched) {
        Map<String, List<String>> byProvince = new LinkedHashMap<>();
        matched.forEach(m -> byProvince.computeIfAbsent(m.provinceCode(), k -> new ArrayList<>()).add(m.line().contractNo()));
        Map<String, Map<String, long[]>> out = new HashMap<>();
        byProvince.forEach((province, list) -> {
            Map<String, long[]> contracts = new HashMap<>();
            jdbc.sql("SELECT contract_no, id, household_id FROM loan WHERE province_code = :p "
                            + "AND contract_no = ANY (CAST(:contracts AS text[]))")
                    .param("p", province).param("contracts", list.toArray(new String[0]))
                    .query(rs -> {
                        contracts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    });
            out.put(province, contracts);
        });
        return out;
    }

    private Optional<long[]> statement(String province, long loanId, LocalDate date) {
        return jdbc.sql("""
                        SELECT outstanding_vnd, overdue_vnd FROM loan_statement
                        WHERE province_code = :p AND loan_id = :l AND statement_date = :d""")
                .param("p", province).param("l", loanId).param("d", date)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
    }
}
