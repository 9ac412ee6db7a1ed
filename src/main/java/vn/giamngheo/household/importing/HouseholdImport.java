package vn.giamngheo.household.importing;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import vn.giamngheo.exchange.MemberRecord;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.household.CommuneRef;
import vn.giamngheo.household.Communes;
import vn.giamngheo.household.ConcurrentEditException;
import vn.giamngheo.household.ExchangeMapping;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdClassifier;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.InvalidHouseholdException;

/**
 * The household import of the page, the API and the command line (exchange-format §1, CSV or XLSX), as one
 * pipeline: <b>parse</b> both files (every format, code-list, member and in-file problem, {@link HouseholdFileReader})
 * → <b>validate</b> against the registry with the checks composed in {@link ImportValidators} (unknown communes,
 * communes outside the user's area, codes or identity numbers already registered) → <b>resolve</b> communes and
 * villages → <b>classify</b> every household in memory ({@link ImportClassifier}) → <b>write</b> set-based in one
 * transaction ({@link HouseholdBulkWriter}) → <b>report</b> (an {@code import_batch} row and an IMPORT audit
 * entry). Every problem is reported, and the households are stored all together or not at all. The same pipeline
 * first makes an {@link ImportPlan} ({@link #plan}: what would be added, changed field by field, left unchanged or
 * refused; nothing stored), which the page previews and {@link #store} stores exactly (re-checked against the
 * register); in update mode ({@link ImportOptions}) changed households are saved through
 * {@link HouseholdRegistry#update}, as the edit form saves them. Villages a commune does not have are refused with
 * the closest names ({@link VillageValidator}) unless the import may create them. Files too large
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
    private final HouseholdRegistry registry;

    HouseholdImport(JdbcClient jdbc, Communes communes, GeographyCatalog geography, HouseholdBulkWriter writer,
                    ImportValidators validators, HouseholdClassifier classifier, TransactionTemplate transactions,
                    AuditLog audit, Clock clock, HouseholdRegistry registry) {
        this.registry = registry;
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
    /** The problem of a confirmation when the register changed since the preview. */
    public static final String REGISTER_CHANGED = "import.register-changed";
    /** The warning of a registered member absent from an update file (the member stays). */
    public static final String MEMBER_ABSENT = "import.member-absent";

    public record Result(boolean stored, int households, int members, List<ExchangeProblem> problems) {
        public List<ExchangeProblem> errors() {
            return problems.stream().filter(ExchangeProblem::isError).toList();
        }
    }

    /** Adds the households of the files (add mode; villages the communes do not have are refused). */
    public Result importFiles(int listYear, String householdsName, InputStream households, String membersName,
                              InputStream members, CurrentUser user, IntConsumer progress) {
        return importFiles(listYear, ImportOptions.add(), householdsName, households, membersName, members, user, progress);
    }

    /** Plans the import of the files and stores it at once when it has no error (the API and the command line). */
    public Result importFiles(int listYear, ImportOptions options, String householdsName, InputStream households,
                              String membersName, InputStream members, CurrentUser user, IntConsumer progress) {
        ImportPlan plan = plan(listYear, options, householdsName, households, membersName, members, user, progress);
        return store(plan, user, progress, false);
    }

    /**
     * What importing the files would do, stored nothing (the preview, the dry run): parse → validate → compare
     * with the register. Progress goes to 60%.
     */
    public ImportPlan plan(int listYear, ImportOptions options, String householdsName, InputStream households,
                           String membersName, InputStream members, CurrentUser user, IntConsumer progress) {
        requireEditor(user);
        LocalDate today = LocalDate.now(clock);
        progress.accept(5);
        ReadResult read = new HouseholdFileReader(today).read(householdsName, households, membersName, members);
        progress.accept(40);
        if (!read.isSuccess()) {
            return ImportPlan.unreadable(listYear, options, householdsName, membersName, read.problems());
        }
        List<HouseholdData> data = read.households();
        List<ImportRow> rows = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            rows.add(new ImportRow(i + 2, data.get(i)));
        }
        return plan(listYear, options, householdsName, membersName, rows, read.warnings(), user, progress);
    }

    /** The plan of the same files with other options (the preview's "create the new villages"), not read again. */
    public ImportPlan replan(ImportPlan plan, ImportOptions options, CurrentUser user) {
        requireEditor(user);
        if (plan.rows().isEmpty() && !plan.wouldStore()) {
            return ImportPlan.unreadable(plan.year(), options, plan.householdsFile(), plan.membersFile(), plan.problems());
        }
        return plan(plan.year(), options, plan.householdsFile(), plan.membersFile(), plan.rows(), plan.readerWarnings(),
                user, p -> { });
    }

    private ImportPlan plan(int listYear, ImportOptions options, String householdsName, String membersName,
                            List<ImportRow> rows, List<ExchangeProblem> readerWarnings, CurrentUser user,
                            IntConsumer progress) {
        LocalDate today = LocalDate.now(clock);
        ImportContext context = new ImportContext(householdsName, membersName, today, user.scope(),
                code -> communes.onDate(code, today));
        Map<String, CommuneRef> inArea = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            String code = row.data().household().communeCode();
            context.commune(code).filter(c -> user.scope().contains(c.path())).ifPresent(c -> inArea.putIfAbsent(code, c));
        }
        Map<String, List<String>> villages = new HashMap<>();
        Map<String, Household> registered = new HashMap<>();
        for (Map.Entry<String, CommuneRef> c : inArea.entrySet()) {
            villages.put(c.getKey(), geography.villagesOf(c.getValue().id()).stream().map(AdminUnit::name).toList());
            if (options.update()) {
                registry.exportCommune(c.getValue().id(), user)
                        .forEach(h -> registered.put(c.getKey() + "/" + h.householdCode(), h));
            }
        }
        progress.accept(50);
        List<ExchangeProblem> problems = new ArrayList<>(readerWarnings);
        problems.addAll(validators.validate(rows, context, options, registered, villages));
        Set<Integer> refused = new HashSet<>();
        problems.stream().filter(p -> p.isError() && householdsName.equals(p.file())).forEach(p -> refused.add(p.line()));
        List<ImportPlan.Entry> entries = new ArrayList<>();
        List<ImportRow> kept = new ArrayList<>();
        for (ImportRow row : rows) {
            String commune = row.data().household().communeCode();
            if (refused.contains(row.line()) || !inArea.containsKey(commune)) {
                continue;
            }
            kept.add(row);
            HouseholdData file = row.data();
            String village = file.household().village() == null ? null : file.household().village().strip();
            if (!options.update()) {
                entries.add(new ImportPlan.Entry(ImportPlan.Kind.NEW, row.line(), commune, file.code(), village,
                        file.members().size(), List.of(), null, null));
                continue;
            }
            Household stored = registered.get(commune + "/" + file.code());
            HouseholdData before = ExchangeMapping.toData(stored);
            List<ImportPlan.FieldChange> changes = HouseholdComparison.changes(file, before);
            for (MemberRecord absent : HouseholdComparison.absentMembers(file, before)) {
                problems.add(new ExchangeProblem(ExchangeProblem.Severity.WARNING, householdsName, row.line(), "member_no",
                        String.valueOf(absent.memberNo()), MEMBER_ABSENT, List.of(absent.memberNo(), file.code()),
                        "member " + absent.memberNo() + " of household " + file.code() + " is not in the file: removing a"
                                + " member is a life event with a date and reason; the member stays"));
            }
            entries.add(new ImportPlan.Entry(changes.isEmpty() ? ImportPlan.Kind.UNCHANGED : ImportPlan.Kind.CHANGED,
                    row.line(), commune, file.code(), village, file.members().size(), changes, stored.id(), stored.version()));
        }
        List<ImportPlan.NewVillage> newVillages = options.createVillages()
                ? new VillageValidator(villages, true).newVillages(kept) : List.of();
        progress.accept(60);
        return new ImportPlan(listYear, options, householdsName, membersName, rows, readerWarnings, problems, entries,
                newVillages);
    }

    /**
     * Stores exactly what the plan (a preview) says, or nothing: the register is compared again first, and the
     * import is refused ({@value #REGISTER_CHANGED}) when the plan would now be another one (a household changed
     * or registered meanwhile, a village created…), as it is when a save meanwhile makes a write fail.
     */
    public Result store(ImportPlan plan, CurrentUser user, IntConsumer progress) {
        return store(plan, user, progress, true);
    }

    private Result store(ImportPlan plan, CurrentUser user, IntConsumer progress, boolean recheck) {
        requireEditor(user);
        int listYear = plan.year();
        String householdsName = plan.householdsFile();
        String membersName = plan.membersFile();
        if (!plan.wouldStore()) {
            return rejected(listYear, householdsName, membersName, plan.problems());
        }
        if (recheck && !replan(plan, plan.options(), user).fingerprint().equals(plan.fingerprint())) {
            return rejected(listYear, householdsName, membersName, List.of(registerChanged(plan)));
        }
        progress.accept(60);
        Map<Integer, ImportRow> rows = new HashMap<>();
        plan.rows().forEach(r -> rows.put(r.line(), r));
        List<ImportPlan.Entry> written = plan.entries().stream().filter(e -> e.kind() != ImportPlan.Kind.UNCHANGED).toList();
        int memberCount = written.stream().mapToInt(ImportPlan.Entry::members).sum();
        LocalDate today = LocalDate.now(clock);
        try {
            transactions.executeWithoutResult(status -> {
                long importId = jdbc.sql("""
                                INSERT INTO import_batch (username, list_year, households_file, members_file, status, households, members)
                                VALUES (:u, :y, :h, :m, 'stored', :hc, :mc) RETURNING id""")
                        .param("u", user.getUsername()).param("y", listYear).param("h", householdsName).param("m", membersName)
                        .param("hc", written.size()).param("mc", memberCount)
                        .query(Long.class).single();
                if (plan.options().update()) {
                    update(written, rows, householdsName, user, progress);
                } else {
                    ImportClassifier classifications = new ImportClassifier(classifier, today);
                    List<HouseholdBulkWriter.NewHousehold> classified = new ArrayList<>(written.size());
                    for (ImportPlan.Entry e : written) {
                        ImportRow row = rows.get(e.line());
                        CommuneRef commune = communes.onDate(e.communeCode(), today).orElseThrow();
                        classified.add(new HouseholdBulkWriter.NewHousehold(commune, null, row.data(),
                                classifications.classify(row.data(), commune)));
                    }
                    writer.write(withVillages(classified), importId);
                }
                progress.accept(90);
                audit.record("IMPORT", "import_batch", String.valueOf(importId), null,
                        plan.options().mode().code() + ": " + written.size() + " households, " + memberCount
                                + " members from " + householdsName + " + " + membersName
                                + (plan.newVillages().isEmpty() ? "" : ", " + plan.newVillages().size() + " new villages"));
            });
        } catch (ConcurrentEditException | org.springframework.dao.DataIntegrityViolationException e) {
            return rejected(listYear, householdsName, membersName, List.of(registerChanged(plan)));
        } catch (RefusedHousehold e) {
            return rejected(listYear, householdsName, membersName, e.problems);
        }
        progress.accept(100);
        return new Result(true, written.size(), memberCount, plan.warnings());
    }

    /**
     * Update mode: each changed household is saved as the edit form saves it ({@link HouseholdRegistry#update}:
     * the version it was previewed at, every changed field audited, the classification recomputed), with the
     * registered members the file leaves out kept as they are.
     */
    private void update(List<ImportPlan.Entry> changed, Map<Integer, ImportRow> rows, String householdsName,
                        CurrentUser user, IntConsumer progress) {
        Map<String, Map<String, Long>> villageIds = new HashMap<>();
        Set<GeographyCatalog.VillageName> named = new LinkedHashSet<>();
        Map<String, CommuneRef> byCode = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (ImportPlan.Entry e : changed) {
            CommuneRef commune = byCode.computeIfAbsent(e.communeCode(), c -> communes.onDate(c, today).orElseThrow());
            if (e.village() != null && !e.village().isBlank()) {
                named.add(new GeographyCatalog.VillageName(commune.id(), e.village()));
            }
        }
        if (!named.isEmpty()) {
            geography.findOrCreateVillages(named).forEach((v, id) -> villageIds
                    .computeIfAbsent(String.valueOf(v.communeId()), k -> new HashMap<>()).put(VillageNames.key(v.name()), id));
        }
        int done = 0;
        for (ImportPlan.Entry e : changed) {
            HouseholdData file = rows.get(e.line()).data();
            Household stored = registry.get(e.householdId(), user);
            List<MemberRecord> members = new ArrayList<>(file.members());
            members.addAll(HouseholdComparison.absentMembers(file, ExchangeMapping.toData(stored)));
            members.sort(java.util.Comparator.comparingInt(MemberRecord::memberNo));
            Long villageId = e.village() == null || e.village().isBlank() ? null
                    : villageIds.get(String.valueOf(stored.communeId())).get(VillageNames.key(e.village()));
            HouseholdForm form = ExchangeMapping.toForm(new HouseholdData(file.household(), members), villageId);
            form.setReferenceDate(file.household().referenceDate());
            form.setVersion(e.version());
            try {
                registry.update(e.householdId(), form, user);
            } catch (InvalidHouseholdException invalid) {
                throw new RefusedHousehold(invalid.problems().stream().map(p -> new ExchangeProblem(
                        ExchangeProblem.Severity.ERROR, householdsName, e.line(), p.field(),
                        p.value() == null ? "" : p.value(), p.messageKey(), p.args(), p.messageKey())).toList());
            }
            done++;
            if (done % 100 == 0) {
                progress.accept(60 + 30 * done / changed.size());
            }
        }
    }

    /** A household the register's own checks refused while storing (the whole import is rolled back). */
    private static final class RefusedHousehold extends RuntimeException {
        private final transient List<ExchangeProblem> problems;

        RefusedHousehold(List<ExchangeProblem> problems) {
            super(problems.size() + " problem(s)");
            this.problems = problems;
        }
    }

    private static ExchangeProblem registerChanged(ImportPlan plan) {
        return new ExchangeProblem(ExchangeProblem.Severity.ERROR, plan.householdsFile(), 0, "", "", REGISTER_CHANGED,
                List.of(), "the register changed since the preview; nothing was stored: preview the files again");
    }

    private static void requireEditor(CurrentUser user) {
        if (!user.canEdit()) {
            throw new org.springframework.security.access.AccessDeniedException("read-only role");
        }
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
