package vn.giamngheo.household.importing;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
import vn.giamngheo.exchange.ReadResult;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.household.CommuneRef;
import vn.giamngheo.household.Communes;
import vn.giamngheo.household.HouseholdClassifier;

/**
 * The household import of the page, the API and the command line (exchange-format §1, CSV or XLSX), as one
 * pipeline: <b>parse</b> both files (every format, code-list, member and in-file problem, {@link HouseholdFileReader})
 * → <b>validate</b> against the registry with the checks composed in {@link ImportValidators} (unknown communes,
 * communes outside the user's area, codes or identity numbers already registered) → <b>resolve</b> communes and
 * villages → <b>classify</b> every household in memory ({@link ImportClassifier}) → <b>write</b> set-based in one
 * transaction ({@link HouseholdBulkWriter}) → <b>report</b> (an {@code import_batch} row and an IMPORT audit
 * entry). Every problem is reported, and the households are stored all together or not at all. Files too large
 * for memory go through {@link HouseholdBulkImport}, which streams and stages but runs the same checks.
 */
@Service
public class HouseholdImport {

    private final JdbcClient jdbc;
    private final Communes communes;
    private final GeographyCatalog geography;
    private final HouseholdBulkWriter writer;
    private final ImportValidators validators;
    private final HouseholdClassifier classifier;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Clock clock;

    HouseholdImport(JdbcClient jdbc, Communes communes, GeographyCatalog geography, HouseholdBulkWriter writer,
                    ImportValidators validators, HouseholdClassifier classifier, TransactionTemplate transactions,
                    AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.communes = communes;
        this.geography = geography;
        this.writer = writer;
        this.validators = validators;
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
        List<ImportRow> rows = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            rows.add(new ImportRow(i + 2, data.get(i)));
        }
        ImportContext context = new ImportContext(householdsName, membersName, today, user.scope(),
                code -> communes.onDate(code, today));
        List<ExchangeProblem> problems = new ArrayList<>(read.warnings());
        problems.addAll(validators.validate(rows, context));
        if (problems.stream().anyMatch(ExchangeProblem::isError)) {
            return rejected(listYear, householdsName, membersName, problems);
        }
        progress.accept(50);
        ImportClassifier classifications = new ImportClassifier(classifier, today);
        List<HouseholdBulkWriter.NewHousehold> classified = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            CommuneRef commune = context.communeOf(row.data().household().communeCode());
            classified.add(new HouseholdBulkWriter.NewHousehold(commune, null, row.data(),
                    classifications.classify(row.data(), commune)));
        }
        progress.accept(60);
        int memberCount = data.stream().mapToInt(d -> d.members().size()).sum();
        transactions.executeWithoutResult(status -> {
            long importId = jdbc.sql("""
                            INSERT INTO import_batch (username, list_year, households_file, members_file, status, households, members)
                            VALUES (:u, :y, :h, :m, 'stored', :hc, :mc) RETURNING id""")
                    .param("u", user.getUsername()).param("y", listYear).param("h", householdsName).param("m", membersName)
                    .param("hc", data.size()).param("mc", memberCount)
                    .query(Long.class).single();
            writer.write(withVillages(classified), importId);
            progress.accept(90);
            audit.record("IMPORT", "import_batch", String.valueOf(importId), null,
                    data.size() + " households, " + memberCount + " members from " + householdsName + " + " + membersName);
        });
        progress.accept(100);
        return new Result(true, data.size(), memberCount, problems);
    }

    /** The households with their villages, found or created by name (ignoring case) in a few statements. */
    private List<HouseholdBulkWriter.NewHousehold> withVillages(List<HouseholdBulkWriter.NewHousehold> households) {
        Set<GeographyCatalog.VillageName> named = new LinkedHashSet<>();
        for (HouseholdBulkWriter.NewHousehold h : households) {
            villageName(h).ifPresent(named::add);
        }
        if (named.isEmpty()) {
            return households;
        }
        Map<GeographyCatalog.VillageName, Long> ids = geography.findOrCreateVillages(named);
        return households.stream().map(h -> villageName(h)
                        .map(v -> new HouseholdBulkWriter.NewHousehold(h.commune(), ids.get(v), h.data(), h.classified()))
                        .orElse(h))
                .toList();
    }

    private static java.util.Optional<GeographyCatalog.VillageName> villageName(HouseholdBulkWriter.NewHousehold h) {
        String name = h.data().household().village();
        return name == null || name.isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(new GeographyCatalog.VillageName(h.commune().id(), name.strip()));
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
}
