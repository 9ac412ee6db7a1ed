package vn.giamngheo.household;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileReader;
import vn.giamngheo.exchange.MemberRecord;
import vn.giamngheo.exchange.ReadResult;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.security.CurrentUser;

/**
 * Imports a pair of household files (exchange-format §1, CSV or XLSX): every problem of the files and of
 * the registry (unknown communes, communes outside the user's area, codes or identity numbers already
 * registered) is reported, and the households are stored all together in one transaction or not at all.
 */
@Service
public class HouseholdImport {

    private final JdbcClient jdbc;
    private final Communes communes;
    private final GeographyCatalog geography;
    private final HouseholdBulkWriter writer;
    private final HouseholdRegistry registry;
    private final HouseholdClassifier classifier;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Clock clock;

    HouseholdImport(JdbcClient jdbc, Communes communes, GeographyCatalog geography, HouseholdBulkWriter writer,
                    HouseholdRegistry registry, HouseholdClassifier classifier, TransactionTemplate transactions,
                    AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.communes = communes;
        this.geography = geography;
        this.writer = writer;
        this.registry = registry;
        this.classifier = classifier;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The outcome: how many households were stored, or every problem (then nothing was stored). */
    public record Result(boolean stored, int households, int members, List<ExchangeProblem> problems) {
        public List<ExchangeProblem> errors() {
            return problems.stream().filter(ExchangeProblem::isError).toList();
        }
    }

    public Result importFiles(int listYear, String householdsName, InputStream households, String membersName,
                              InputStream members, CurrentUser user, IntConsumer progress) {
        if (!user.canEdit()) {
            throw new org.springframework.security.access.AccessDeniedException("read-only role");
        }
        LocalDate today = LocalDate.now(clock);
        progress.accept(5);
        ReadResult read = new HouseholdFileReader(today).read(householdsName, households, membersName, members);
        progress.accept(40);
        if (!read.isSuccess()) {
            return rejected(listYear, householdsName, membersName, read.problems());
        }
        List<HouseholdData> data = read.households();
        List<ExchangeProblem> problems = new ArrayList<>(read.warnings());
        Map<String, CommuneRef> resolved = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            String code = data.get(i).household().communeCode();
            int line = i + 2;
            CommuneRef commune = resolved.computeIfAbsent(code, c -> communes.onDate(c, today).orElse(null));
            if (commune == null) {
                problems.add(error(householdsName, line, "commune_code", code, "exchange.commune-unknown",
                        "no commune with code " + code + " exists on " + today));
            } else if (!user.scope().contains(commune.path())) {
                problems.add(error(householdsName, line, "commune_code", code, "exchange.commune-outside-scope",
                        "commune " + code + " is outside your area"));
            }
        }
        checkAgainstRegistry(data, resolved, householdsName, membersName, problems);
        if (problems.stream().anyMatch(ExchangeProblem::isError)) {
            return rejected(listYear, householdsName, membersName, problems);
        }
        progress.accept(55);
        int memberCount = data.stream().mapToInt(d -> d.members().size()).sum();
        transactions.executeWithoutResult(status -> {
            long importId = jdbc.sql("""
                            INSERT INTO import_batch (username, list_year, households_file, members_file, status, households, members)
                            VALUES (:u, :y, :h, :m, 'stored', :hc, :mc) RETURNING id""")
                    .param("u", user.getUsername()).param("y", listYear).param("h", householdsName).param("m", membersName)
                    .param("hc", data.size()).param("mc", memberCount)
                    .query(Long.class).single();
            Map<String, Long> villages = new HashMap<>();
            List<HouseholdBulkWriter.NewHousehold> rows = new ArrayList<>();
            for (HouseholdData d : data) {
                CommuneRef commune = resolved.get(d.household().communeCode());
                Long village = village(commune, d.household().village(), villages);
                rows.add(new HouseholdBulkWriter.NewHousehold(commune.id(), commune.provinceCode(), ExchangeMapping.toForm(d, village)));
            }
            writer.write(rows, importId);
            progress.accept(80);
            registry.reclassifyImport(importId);
            audit.record("IMPORT", "import_batch", String.valueOf(importId), null,
                    data.size() + " households, " + memberCount + " members from " + householdsName + " + " + membersName);
        });
        progress.accept(100);
        return new Result(true, data.size(), memberCount, problems);
    }

    private void checkAgainstRegistry(List<HouseholdData> data, Map<String, CommuneRef> resolved, String householdsName,
                                      String membersName, List<ExchangeProblem> problems) {
        Set<String> idNumbers = new HashSet<>();
        data.forEach(d -> d.members().forEach(m -> m.idNumberIfGiven().ifPresent(idNumbers::add)));
        Set<String> taken = new HashSet<>(jdbc.sql("SELECT id_number FROM citizen_identity WHERE id_number = ANY(:ids)")
                .param("ids", idNumbers.toArray(String[]::new)).query(String.class).list());
        Set<String> existingCodes = new HashSet<>(jdbc.sql("""
                        SELECT c.code || '/' || h.household_code FROM household h JOIN admin_unit c ON c.id = h.commune_id
                        WHERE h.commune_id = ANY(:communes)""")
                .param("communes", resolved.values().stream().filter(c -> c != null).map(CommuneRef::id).distinct().toArray(Long[]::new))
                .query(String.class).list());
        for (int i = 0; i < data.size(); i++) {
            HouseholdData d = data.get(i);
            if (existingCodes.contains(d.household().communeCode() + "/" + d.code())) {
                problems.add(error(householdsName, i + 2, "household_code", d.code(), "exchange.household-registered",
                        "household " + d.code() + " is already registered in commune " + d.household().communeCode()));
            }
            for (MemberRecord m : d.members()) {
                if (m.idNumber() != null && taken.contains(m.idNumber())) {
                    problems.add(error(householdsName, i + 2, "id_number (member " + m.memberNo() + ")", m.idNumber(),
                            "exchange.id-number-registered",
                            "identity number " + m.idNumber() + " (member " + m.memberNo()
                                    + ") is already registered; ask your province"));
                }
            }
        }
    }

    private Long village(CommuneRef commune, String name, Map<String, Long> cache) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String key = commune.id() + "/" + name.strip().toLowerCase(java.util.Locale.ROOT);
        return cache.computeIfAbsent(key, k -> geography.villagesOf(commune.id()).stream()
                .filter(v -> v.name().equalsIgnoreCase(name.strip())).map(v -> v.id()).findFirst()
                .orElseGet(() -> geography.createVillage(commune.id(), name.strip(),
                        "urban".equals(commune.areaType()) ? "tổ dân phố" : "thôn").id()));
    }

    private Result rejected(int year, String householdsName, String membersName, List<ExchangeProblem> problems) {
        long errors = problems.stream().filter(ExchangeProblem::isError).count();
        jdbc.sql("""
                        INSERT INTO import_batch (username, list_year, households_file, members_file, status, problems, finished_at)
                        VALUES (:u, :y, :h, :m, 'rejected', :p, now())""")
                .param("u", vn.giamngheo.security.CurrentUsers.current().map(CurrentUser::getUsername).orElse("system"))
                .param("y", year).param("h", householdsName).param("m", membersName).param("p", errors)
                .update();
        return new Result(false, 0, 0, problems);
    }

    private static ExchangeProblem error(String file, int line, String column, String value, String code, String message) {
        return new ExchangeProblem(ExchangeProblem.Severity.ERROR, file, line, column, value, code, List.of(value), message);
    }
}
