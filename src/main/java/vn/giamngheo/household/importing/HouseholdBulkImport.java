package vn.giamngheo.household.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.standard.rules.Classification;
import vn.giamngheo.standard.rules.MissingFactException;
import vn.giamngheo.standard.rules.PovertyClassifier;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdRecord;
import vn.giamngheo.exchange.HouseholdStreamReader;
import vn.giamngheo.exchange.MemberRecord;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.system.TableStatistics;
import vn.giamngheo.household.CommuneRef;
import vn.giamngheo.household.Communes;
import vn.giamngheo.household.HouseholdClassifier;

/**
 * The bulk path of the household import (issue 9), for files of millions of households: the same guarantees
 * as {@link HouseholdImport} — every problem reported with file, line, column and value; communes known and
 * inside the user's area; household codes and identity numbers unique in the file and the registry; one
 * {@code import_batch} row and an IMPORT audit entry; the households stored all together or not at all — at
 * the speed of PostgreSQL's COPY and with a heap that does not grow with the files:
 * <ol>
 * <li>both CSV files are read household after household ({@link HouseholdStreamReader}), each household is
 * checked, classified under its province's standard and sent by COPY into unlogged staging tables (household
 * and member streams on two connections, so the database works while Java parses; in COPY's binary format, so that
 * PostgreSQL parses no text; the CSV files parsed on a thread of their own, ahead of the checks);</li>
 * <li>the checks that need the whole file or the registry are SQL over the staging tables;</li>
 * <li>one transaction moves the rows into the partitioned tables with {@code INSERT … SELECT}, with the
 * per-row audit and identity triggers off ({@code giamngheo.bulk}, migration V17) and
 * {@code citizen_identity} filled by one statement instead.</li>
 * </ol>
 * One bulk import runs at a time (an advisory lock); staging tables left by a killed process are emptied by
 * the next one. A process killed at any point leaves nothing in the registry: the move is one transaction.
 */
@Service
public class HouseholdBulkImport {

    static final int MAX_PROBLEMS = 1000;
    private static final long LOCK = 0x6769616d4e676865L;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Communes communes;
    private final GeographyCatalog geography;
    private final HouseholdClassifier classifier;
    private final ImportValidators validators;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final TableStatistics statistics;
    private final Clock clock;
    /**
     * The fewest households of a province in one file for it to be loaded into its detached, empty partitions (V58):
     * the path holds the registry's tables exclusively until the import commits and pays only for large provinces
     * (at about 6,000 households a province it measured no faster than the ordinary path, docs/benchmarks.md);
     * {@code giamngheo.import.first-load-min-households}, 100,000 unless configured.
     */
    private volatile long firstLoadMinHouseholds;
    private final long configuredFirstLoadMinHouseholds;
    /**
     * Whether the staging COPY streams use PostgreSQL's binary format (the default: PostgreSQL parses no text, issue 26
     * point 1) or its text format (the format before; kept so that a test can compare the rows both stage).
     */
    private volatile boolean binaryStaging = true;
    /**
     * Parallel workers that build each key and index of a first load (V58) and the identity numbers' key (V64) with
     * the importing backend, inside the move's transaction: the JVM waits meanwhile, so a worker takes the machine's
     * second core (ADR 0013 amendment h24). 0 builds on the importing backend alone, as before h24 and by default: the
     * gain of 1 was not shown on the loaded machine of h24 ({@code docs/benchmarks.md}, h24) and awaits a quiet one;
     * {@code giamngheo.import.index-build-workers}.
     */
    private final int indexBuildWorkers;
    /**
     * The first-load provinces built as separate tables on this many connections at once and swapped in by the move's
     * transaction (V73, ADR 0013 amendment h25); 0 loads them into their detached partitions inside the move's
     * transaction, one after the other (V58, as before h25); {@code giamngheo.import.build-connections}, 2 by default.
     */
    private final ProvinceBuilds builds;

    HouseholdBulkImport(DataSource dataSource, JdbcClient jdbc, Communes communes, GeographyCatalog geography,
                        HouseholdClassifier classifier, ImportValidators validators, TransactionTemplate transactions,
                        AuditLog audit, Clock clock, TableStatistics statistics,
                        @org.springframework.beans.factory.annotation.Value(
                                "${giamngheo.import.first-load-min-households:100000}") long firstLoadMinHouseholds,
                        @org.springframework.beans.factory.annotation.Value(
                                "${giamngheo.import.index-build-workers:0}") int indexBuildWorkers,
                        @org.springframework.beans.factory.annotation.Value(
                                "${giamngheo.import.build-connections:2}") int buildConnections) {
        if (indexBuildWorkers < 0) {
            throw new IllegalArgumentException("giamngheo.import.index-build-workers must not be negative: "
                    + indexBuildWorkers);
        }
        if (buildConnections < 0) {
            throw new IllegalArgumentException("giamngheo.import.build-connections must not be negative: "
                    + buildConnections);
        }
        this.indexBuildWorkers = indexBuildWorkers;
        this.builds = buildConnections == 0 ? null : new ProvinceBuilds(dataSource, buildConnections, indexBuildWorkers);
        this.statistics = statistics;
        this.firstLoadMinHouseholds = firstLoadMinHouseholds;
        this.configuredFirstLoadMinHouseholds = firstLoadMinHouseholds;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.communes = communes;
        this.geography = geography;
        this.classifier = classifier;
        this.validators = validators;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The outcome: stored (with the batch id and counts) or rejected with the first {@value #MAX_PROBLEMS}
     * problems ({@code errorCount} counts them all); {@code phases} are the seconds each step took;
     * {@code firstLoads} the provinces loaded into their detached, empty partitions (V58), the others of the file
     * having been inserted into the partitioned tables.
     */
    public record Result(boolean stored, long importId, long households, long members, List<ExchangeProblem> problems,
                         long errorCount, Map<String, Double> phases, List<String> firstLoads) {
        public List<ExchangeProblem> errors() {
            return problems.stream().filter(ExchangeProblem::isError).toList();
        }
    }

    /** The import of generated files (demonstration data, benchmarks): the villages they name are created. */
    public Result importFiles(int listYear, Path householdsFile, Path membersFile, CurrentUser user, Consumer<String> log) {
        return importFiles(listYear, householdsFile, membersFile, true, user, log);
    }

    /**
     * The import of the command line ({@code import --bulk}): villages the communes do not have are refused with the
     * closest names unless {@code createVillages} ({@code --create-villages}).
     */
    public Result importFiles(int listYear, Path householdsFile, Path membersFile, boolean createVillages,
                              CurrentUser user, Consumer<String> log) {
        if (!user.canEdit()) {
            throw new AccessDeniedException("read-only role");
        }
        String householdsName = householdsFile.getFileName().toString();
        String membersName = membersFile.getFileName().toString();
        Map<String, Double> phases = new LinkedHashMap<>();
        try (Connection main = dataSource.getConnection()) {
            main.setAutoCommit(true);
            execute(main, "SELECT pg_advisory_lock(" + LOCK + ")");
            try {
                // the staging tables belong to the owner (migration V35, ADR 0009): emptied, never created or dropped
                execute(main, STAGE_TRUNCATE);
                ProvinceBuilds.cleanup(main); // tables a killed import had built (V73)
                long start = System.nanoTime();
                log.accept("reading, checking, classifying and staging " + householdsName + " + " + membersName);
                Staged staged;
                try (Connection second = dataSource.getConnection();
                     InputStream h = Files.newInputStream(householdsFile);
                     InputStream m = Files.newInputStream(membersFile)) {
                    second.setAutoCommit(true);
                    staged = stage(main, second, householdsName, h, membersName, m, user, log);
                }
                phases.put("read, check, classify, COPY to staging", seconds(start));
                if (staged.errorCount() > 0) {
                    return rejected(listYear, householdsName, membersName, staged.problems(), staged.errorCount(), phases);
                }
                start = System.nanoTime();
                List<ExchangeProblem> problems = new ArrayList<>(staged.problems());
                long errors = checkWholeFile(main, householdsName, membersName, problems);
                if (!createVillages) {
                    errors += checkVillages(main, householdsName, problems);
                }
                if (errors > 0) {
                    errors += duplicatesWithinTheFile(main, householdsName, membersName, problems);
                }
                phases.put("checks across the file and the registry", seconds(start));
                if (errors > 0) {
                    return rejected(listYear, householdsName, membersName, sorted(problems), errors, phases);
                }
                start = System.nanoTime();
                log.accept("moving " + staged.households() + " households into the registry");
                List<String> firstLoads = new ArrayList<>();
                long importId;
                try {
                    importId = store(main, listYear, householdsName, membersName, staged, user, phases, firstLoads, log);
                } catch (RuntimeException e) {
                    if (!uniqueViolation(e)) {
                        throw e;
                    }
                    // the move stored nothing; a key refused a household code or an identity number twice in the file
                    errors = duplicatesWithinTheFile(main, householdsName, membersName, problems);
                    if (errors == 0) {
                        throw e; // not the file's own duplicates (another writer meanwhile): failed, as before
                    }
                    return rejected(listYear, householdsName, membersName, sorted(problems), errors, phases);
                }
                phases.put("move into the registry (one transaction)", seconds(start));
                // the statistics of every table the move filled (identities, statuses, report aggregates, a first
                // load's partitions…) before the first page plans over them, not at the autovacuum's next round (V70)
                start = System.nanoTime();
                statistics.refresh();
                phases.put("statistics of the tables written", seconds(start));
                return new Result(true, importId, staged.households(), staged.members(), problems, 0, phases,
                        List.copyOf(firstLoads));
            } finally {
                try {
                    ProvinceBuilds.cleanup(main); // a failed import's built tables
                } finally {
                    execute(main, STAGE_TRUNCATE);
                    execute(main, "SELECT pg_advisory_unlock(" + LOCK + ")");
                }
            }
        } catch (SQLException | IOException e) {
            recordBatch(listYear, householdsName, membersName, "failed", 0);
            throw new IllegalStateException("bulk import failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether every province whose partitions are empty is loaded into its detached partitions, whatever its size
     * ({@code true}), or none is and each goes, like any other, by {@code INSERT … SELECT} into the partitioned tables
     * ({@code false}): both give the same rows (tested); the benchmark measures both.
     */
    public void detachEmptyProvinces(boolean on) {
        this.firstLoadMinHouseholds = on ? 1 : Long.MAX_VALUE;
    }

    /** Stages in COPY's binary format ({@code true}, the default) or its text format (a test compares the two). */
    void stageInBinary(boolean on) {
        this.binaryStaging = on;
    }

    /** Back to the configured size from which a province takes the first-load path (after a test or benchmark). */
    public void firstLoadAsConfigured() {
        this.firstLoadMinHouseholds = configuredFirstLoadMinHouseholds;
    }

    private static final String STAGE_TRUNCATE = "TRUNCATE bulk_stage_household, bulk_stage_member, bulk_stage_village";


    private static final String COPY_HOUSEHOLDS = """
            COPY bulk_stage_household (line, id, province_code, commune_id, commune_code, household_code, village, area,
                address, income_per_capita, b1_score, housing_quality, floor_area_m2, water_source, toilet, internet_use,
                telephone_use, info_devices, loudspeaker_reach, waste_treatment, causes, ethnic_minority, merit_household,
                social_protection, poverty_status, deprivation_count, classified_standard, classified_standard_version)
            FROM STDIN""";

    private static final String COPY_MEMBERS = """
            COPY bulk_stage_member (line, household_id, province_code, member_no, full_name, id_number, birth_date,
                birth_year_only, sex, ethnicity, relation, employment, working_capacity, disability,
                monthly_social_allowance, health_insurance, malnourished, education, in_school, school_level_appropriate,
                sick_untreated, merit_person)
            FROM STDIN""";

    /**
     * What the staging wrote: the counts, the problems, and what the move needs to know of the file without scanning the
     * staging again (issue 26 point 1: each scan of a 5,000,000-household staging cost 0.5–3 s of the move): the
     * households of each province (by code) and the villages the households name, in the order the file first names them.
     */
    private record Staged(long households, long members, List<ExchangeProblem> problems, long errorCount,
                          SortedMap<String, Long> provinces, List<GeographyCatalog.VillageName> villages) {
    }

    private Staged stage(Connection householdConnection, Connection memberConnection, String householdsName,
                         InputStream households, String membersName, InputStream members, CurrentUser user,
                         Consumer<String> log) throws SQLException, IOException {
        LocalDate today = LocalDate.now(clock);
        boolean binary = binaryStaging;
        String format = binary ? " WITH (FORMAT binary)" : "";
        CopyIn householdCopy = householdConnection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_HOUSEHOLDS + format);
        CopyIn memberCopy = memberConnection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_MEMBERS + format);
        CopyBuffer h = new CopyBuffer(householdCopy, "bulk-import-households", binary);
        CopyBuffer m = new CopyBuffer(memberCopy, "bulk-import-members", binary);
        List<ExchangeProblem> problems = new ArrayList<>();
        long errors = 0;
        long householdCount = 0;
        long memberCount = 0;
        Map<String, CommuneRef> communeByCode = communes.allOnDate(today);
        ImportContext context = new ImportContext(householdsName, membersName, today, user.scope(),
                code -> Optional.ofNullable(communeByCode.get(code)));
        ImportClassifier classifications = new ImportClassifier(classifier, today);
        long[] rowErrors = new long[1];
        SortedMap<String, Long> provinces = new TreeMap<>();
        Set<GeographyCatalog.VillageName> villages = new LinkedHashSet<>();
        HouseholdIdBlock ids = new HouseholdIdBlock(jdbc);
        boolean committed = false;
        ReadAhead<HouseholdStreamReader.Entry> ahead = null;
        try (HouseholdStreamReader reader = new HouseholdStreamReader(today, householdsName, households, membersName, members)) {
            for (ExchangeProblem p : reader.headerProblems()) {
                errors += add(problems, p);
            }
            HouseholdStreamReader.Entry entry;
            // the CSV files are parsed on a thread of their own, a few hundred households ahead of the checks,
            // classification and COPY encoding on this one (issue 26 point 1: a second core works while this one does)
            ahead = new ReadAhead<>(reader::next, "bulk-import-reader");
            while (errors == 0 || problems.size() < MAX_PROBLEMS) {
                entry = ahead.next();
                if (entry == null) {
                    break;
                }
                for (ExchangeProblem p : entry.problems()) {
                    errors += add(problems, p);
                }
                HouseholdData d = entry.data();
                if (d == null) {
                    continue;
                }
                rowErrors[0] = 0;
                validators.validate(new ImportRow(entry.line(), d), context, p -> rowErrors[0] += add(problems, p));
                if (rowErrors[0] > 0) {
                    errors += rowErrors[0];
                    continue;
                }
                if (errors > 0) {
                    continue; // keep reading for problems, store nothing
                }
                CommuneRef commune = context.communeOf(d.household().communeCode());
                ImportClassifier.Classified c = classifications.classify(d, commune);
                long id = ids.next();
                householdRow(h, entry.line(), id, commune, d.household(), c.classification(), c.standard());
                provinces.merge(commune.provinceCode(), 1L, Long::sum);
                String village = blankToNull(d.household().village());
                if (village != null) {
                    villages.add(new GeographyCatalog.VillageName(commune.id(), village));
                }
                List<MemberRecord> people = d.members();
                for (int i = 0; i < people.size(); i++) {
                    // the member's own line in the members' file, for the problems found across the file
                    memberRow(m, entry.memberLines().get(i), id, commune.provinceCode(), people.get(i));
                }
                householdCount++;
                memberCount += people.size();
                if (householdCount % 500_000 == 0) {
                    log.accept(householdCount + " households read, checked, classified and staged");
                }
            }
            if (errors == 0) {
                h.finish();
                m.finish();
                committed = true;
            }
        } finally {
            if (ahead != null) {
                ahead.close(); // before the reader is closed: its thread no longer reads
            }
            if (!committed) {
                h.abort();
                m.abort();
            }
        }
        return new Staged(householdCount, memberCount, problems, errors, provinces, List.copyOf(villages));
    }

    private static int add(List<ExchangeProblem> problems, ExchangeProblem p) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
        }
        return p.isError() ? 1 : 0;
    }

    private static void householdRow(CopyBuffer b, int line, long id, CommuneRef commune, HouseholdRecord r,
                                     Classification c, PovertyStandard standard) throws SQLException {
        b.int4(line).int8(id).text(commune.provinceCode()).int8(commune.id()).text(r.communeCode())
                .text(r.householdCode().strip()).text(blankToNull(r.village())).code(r.area()).text(blankToNull(r.address()))
                .int8(r.incomePerCapita()).numeric(r.b1Score()).code(r.housingQuality()).numeric(r.floorAreaM2())
                .code(r.waterSource()).code(r.toilet()).bool(r.internetUse()).bool(r.telephoneUse())
                .codes(r.infoDevices()).bool(r.loudspeakerReach()).bool(r.wasteTreatment()).codes(r.causes())
                .bool(r.ethnicMinority()).bool(r.meritHousehold()).bool(r.socialProtection())
                .text(c == null ? null : c.status().code()).int2(c == null ? null : c.deprivationCount())
                .text(standard.code()).text(standard.version()).end();
    }

    private static void memberRow(CopyBuffer b, int line, long householdId, String province, MemberRecord m)
            throws SQLException {
        boolean yearOnly = m.birthDate().isYearOnly();
        LocalDate birth = yearOnly ? LocalDate.of(m.birthDate().year(), 1, 1) : m.birthDate().assumedDate();
        b.int4(line).int8(householdId).text(province).int4(m.memberNo()).text(m.fullName().strip())
                .text(blankToNull(m.idNumber())).date(birth).bool(yearOnly).code(m.sex()).text(m.ethnicity())
                .code(m.relation()).code(m.employment()).bool(m.workingCapacity()).code(m.disability())
                .bool(m.monthlySocialAllowance()).bool(m.healthInsurance()).bool(m.malnourished()).code(m.education())
                .bool(m.inSchool()).bool(m.schoolLevelAppropriate()).bool(m.sickUntreated()).bool(m.meritPerson()).end();
    }

    /**
     * Household codes and identity numbers of the file that the registry already holds. The staging is not analysed
     * first (V79): since it is partitioned by province, ANALYZE of it is an ANALYZE of each of its partitions (10 s at
     * 1,000,000 households against 0.4 s unpartitioned); the planner counts each partition's rows from its pages, and
     * the estimates of these joins come from the registry's side (a staged code or number is never known to repeat).
     */
    private long checkWholeFile(Connection c, String householdsName, String membersName, List<ExchangeProblem> problems)
            throws SQLException {
        long errors = 0;
        for (Object[] row : query(c, """
                SELECT s.line, s.commune_code, s.household_code FROM bulk_stage_household s
                JOIN household h ON h.province_code = s.province_code AND h.commune_id = s.commune_id
                                AND h.household_code = s.household_code
                ORDER BY s.line LIMIT 1000""", 3)) {
            errors += add(problems, RegisteredHouseholdValidator.problem(householdsName, (Integer) row[0], (String) row[1],
                    (String) row[2]));
        }
        for (Object[] row : query(c, """
                SELECT m.line, m.id_number, m.member_no FROM bulk_stage_member m JOIN citizen_identity i ON i.id_number = m.id_number
                ORDER BY m.line LIMIT 1000""", 3)) {
            errors += add(problems, RegisteredIdentityValidator.problem(membersName, (Integer) row[0], (String) row[1],
                    row[2]));
        }
        sorted(problems);
        return errors;
    }

    /**
     * Household codes and identity numbers given twice in the file, with their lines. Not run before every move: the
     * registry's keys refuse them anyway (the household's code in its commune, {@code citizen_identity}'s number), so
     * the file is searched for them only when the move was refused by a key, or when the file is refused for another
     * reason (so that every problem is reported at once). At 1,000,000 households the two groupings cost about
     * 3 CPU seconds of a phase that has one connection (docs/benchmarks.md, lead, session of 2026-12-07 third).
     */
    private long duplicatesWithinTheFile(Connection c, String householdsName, String membersName,
                                         List<ExchangeProblem> problems) throws SQLException {
        long errors = 0;
        for (Object[] row : query(c, """
                SELECT commune_code, household_code, array_agg(line ORDER BY line) FROM bulk_stage_household
                GROUP BY commune_code, household_code HAVING count(*) > 1 LIMIT 1000""", 3)) {
            Integer[] lines = (Integer[]) row[2];
            for (int i = 1; i < lines.length; i++) {
                errors += add(problems, ExchangeProblem.error(householdsName, lines[i], "household_code", (String) row[1],
                        ExchangeProblem.DUPLICATE_HOUSEHOLD, "household " + row[1] + " of commune " + row[0]
                                + " is already on line " + lines[0], row[1], lines[0]));
            }
        }
        for (Object[] row : query(c, """
                SELECT id_number, array_agg(line ORDER BY line) FROM bulk_stage_member WHERE id_number IS NOT NULL
                GROUP BY id_number HAVING count(*) > 1 LIMIT 1000""", 2)) {
            Integer[] lines = (Integer[]) row[1];
            for (int i = 1; i < lines.length; i++) {
                errors += add(problems, ExchangeProblem.error(membersName, lines[i], "id_number", (String) row[0],
                        ExchangeProblem.DUPLICATE_ID_NUMBER, "the identity number is already used on line " + lines[0], lines[0]));
            }
        }
        return errors;
    }

    private static List<ExchangeProblem> sorted(List<ExchangeProblem> problems) {
        problems.sort(Comparator.comparing(ExchangeProblem::file).thenComparingInt(ExchangeProblem::line));
        return problems;
    }

    /** Whether a key refused a row: PostgreSQL's unique_violation anywhere in the causes. */
    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException q && "23505".equals(q.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Villages named in the file that their communes do not have: refused with the closest names (as {@link VillageValidator}). */
    private long checkVillages(Connection c, String householdsName, List<ExchangeProblem> problems) throws SQLException {
        long errors = 0;
        Map<Long, List<String>> villages = new java.util.HashMap<>();
        for (Object[] row : query(c, """
                SELECT s.line, s.commune_code, s.commune_id, s.village FROM bulk_stage_household s
                WHERE s.village IS NOT NULL AND btrim(s.village) <> '' AND NOT EXISTS (
                    SELECT 1 FROM admin_unit v WHERE v.level = 'village' AND v.valid_to IS NULL AND v.parent_id = s.commune_id
                      AND lower(v.name) = lower(regexp_replace(btrim(s.village), '\\s+', ' ', 'g')))
                ORDER BY s.line LIMIT 1000""", 4)) {
            long communeId = ((Number) row[2]).longValue();
            List<String> known = villages.computeIfAbsent(communeId,
                    id -> geography.villagesOf(id).stream().map(vn.giamngheo.geography.AdminUnit::name).toList());
            String name = ((String) row[3]).strip();
            List<String> closest = VillageNames.closest(name, known);
            String suggestions = closest.isEmpty() ? "—" : String.join(", ", closest);
            errors += add(problems, new ExchangeProblem(ExchangeProblem.Severity.ERROR, householdsName, (Integer) row[0],
                    "village", name, VillageValidator.UNKNOWN, List.of(name, suggestions),
                    name + ": no such village in commune " + row[1] + "; closest: " + suggestions));
        }
        problems.sort(Comparator.comparing(ExchangeProblem::file).thenComparingInt(ExchangeProblem::line));
        return errors;
    }

    private long store(Connection main, int listYear, String householdsName, String membersName, Staged staged,
                       CurrentUser user, Map<String, Double> phases, List<String> firstLoaded, Consumer<String> log) {
        Long id = transactions.execute(status -> {
            jdbc.sql("SELECT set_config('giamngheo.bulk', 'on', true)").query(String.class).single();
            jdbc.sql("SELECT set_config('work_mem', '256MB', true)").query(String.class).single();
            if (indexBuildWorkers > 0) {
                // a province's partitions hold less than min_parallel_table_scan_size (8 MB) at 30,000 households:
                // without its 0 here PostgreSQL would build their indexes on this backend alone
                jdbc.sql("""
                                SELECT set_config('max_parallel_maintenance_workers', :w, true),
                                       set_config('min_parallel_table_scan_size', '0', true)""")
                        .param("w", Integer.toString(indexBuildWorkers)).query().listOfRows();
            }
            statistics.countAtCommit(); // the move's rows count for the statistics' refresh right after (V70)
            // no (auto)analyze of the registry while this transaction runs: one that ran now would count none of the
            // rows moved so far (not yet committed) and record "0 rows" for pages that are full, after which the
            // foreign-key check of every member (a generic plan) scans its province by an index on the province
            // alone: hours instead of minutes. SHARE UPDATE EXCLUSIVE blocks no reader or ordinary writer.
            jdbc.sql("LOCK TABLE household, household_member IN SHARE UPDATE EXCLUSIVE MODE").update();
            long start = System.nanoTime();
            resolveVillages(staged.villages());
            phases.put("  of which villages", seconds(start));
            start = System.nanoTime();
            long importId = jdbc.sql("""
                            INSERT INTO import_batch (username, list_year, households_file, members_file, status, households, members, finished_at)
                            VALUES (:u, :y, :h, :m, 'stored', :hc, :mc, now()) RETURNING id""")
                    .param("u", user.getUsername()).param("y", listYear).param("h", householdsName).param("m", membersName)
                    .param("hc", staged.households()).param("mc", staged.members())
                    .query(Long.class).single();
            // a province whose partitions are still empty (a first load) is built aside on the build connections and
            // swapped in here (V73), or loaded into its detached partitions here (V58, build-connections 0): indexes
            // and foreign keys built once (ADR 0013); the others take the INSERT … SELECT below
            String[] firstLoads;
            if (builds == null) {
                firstLoads = firstLoads(importId, staged.provinces());
                phases.put("  of which first loads (detached partitions)", seconds(start));
            } else {
                firstLoads = builtFirstLoads(main, importId, staged.provinces(), phases, start, log);
            }
            // the file's provinces that no first load took, each moved by INSERT … SELECT (none after a first national load;
            // the staging is partitioned by province, V79, so each statement reads only their partitions)
            List<String> loaded = List.of(firstLoads);
            firstLoaded.addAll(loaded);
            String[] moved = staged.provinces().keySet().stream().filter(p -> !loaded.contains(p)).toArray(String[]::new);
            start = System.nanoTime();
            if (moved.length > 0) {
                jdbc.sql("""
                                INSERT INTO household (id, province_code, household_code, commune_id, village_id, area, address,
                                    income_per_capita, b1_score, housing_quality, floor_area_m2, water_source, toilet, internet_use,
                                    telephone_use, info_devices, loudspeaker_reach, waste_treatment, causes, ethnic_minority,
                                    merit_household, social_protection, poverty_status, deprivation_count, classified_standard,
                                    classified_standard_version, classified_at, import_id)
                                SELECT s.id, s.province_code, s.household_code, s.commune_id, v.village_id, s.area, s.address,
                                    s.income_per_capita, s.b1_score, s.housing_quality, s.floor_area_m2, s.water_source, s.toilet,
                                    s.internet_use, s.telephone_use, s.info_devices, s.loudspeaker_reach, s.waste_treatment, s.causes,
                                    s.ethnic_minority, s.merit_household, s.social_protection, s.poverty_status, s.deprivation_count,
                                    s.classified_standard, s.classified_standard_version, now(), :import
                                FROM bulk_stage_household s
                                LEFT JOIN bulk_stage_village v ON v.commune_id = s.commune_id AND v.name = s.village
                                WHERE s.province_code = ANY (CAST(:moved AS text[]))""")
                        .param("import", importId).param("moved", moved).update();
            }
            phases.put("  of which households", seconds(start));
            start = System.nanoTime();
            // statistics that count the households just moved (ANALYZE sees this transaction's own rows), so that
            // the members' foreign-key checks look each household up by its key whatever the statistics said before
            // (e.g. "0 rows" left by an autovacuum that ran during an earlier import)
            // only the partitions of the provinces moved here (the checks read household_pNN, V19), not the whole
            // country's household (V64); a first load's foreign keys were validated once by V58's function
            if (moved.length > 0) {
                jdbc.sql("SELECT analyze_imported_partitions('household', CAST(:p AS text[]))").param("p", moved)
                        .query().listOfRows(); // as the owner (V64)
            }
            phases.put("  of which statistics", seconds(start));
            start = System.nanoTime();
            if (moved.length > 0) {
                jdbc.sql("""
                                INSERT INTO household_member (id, province_code, household_id, member_no, full_name, id_number,
                                    birth_date, birth_year_only, sex, ethnicity, relation, employment, working_capacity, disability,
                                    monthly_social_allowance, health_insurance, malnourished, education, in_school,
                                    school_level_appropriate, sick_untreated, merit_person)
                                SELECT id, province_code, household_id, member_no, full_name, id_number, birth_date, birth_year_only,
                                    sex, ethnicity, relation, employment, working_capacity, disability, monthly_social_allowance,
                                    health_insurance, malnourished, education, in_school, school_level_appropriate, sick_untreated,
                                    merit_person
                                FROM bulk_stage_member WHERE province_code = ANY (CAST(:moved AS text[]))""")
                        .param("moved", moved).update();
            }
            phases.put("  of which members", seconds(start));
            if (builds == null) { // else inserted during the builds (builtFirstLoads)
                start = System.nanoTime();
                insertIdentities();
                phases.put("  of which identity numbers", seconds(start));
            }
            start = System.nanoTime();
            // the report aggregates' triggers were off too (V20, ADR 0006): rebuild the imported provinces, set-based
            for (String province : staged.provinces().keySet()) {
                jdbc.sql("SELECT report_rebuild(:p)").param("p", province).query().listOfRows();
            }
            phases.put("  of which report aggregates", seconds(start));
            audit.record("IMPORT", "import_batch", String.valueOf(importId), null, "bulk: " + staged.households()
                    + " households, " + staged.members() + " members from " + householdsName + " + " + membersName);
            return importId;
        });
        return id == null ? 0 : id;
    }

    /**
     * Builds every province of the file with at least {@link #firstLoadMinHouseholds} households whose partitions are
     * empty as tables of its own on the build connections (largest first) while this transaction inserts the identity
     * numbers, then swaps them in for the partitions inside it (V73: a province that got a household meanwhile is not
     * swapped and takes the ordinary move); returns the provinces swapped in.
     */
    private String[] builtFirstLoads(Connection main, long importId, SortedMap<String, Long> staged,
                                     Map<String, Double> phases, long start, Consumer<String> log) {
        List<String> provinces = large(staged).stream() // largest first
                .sorted(Comparator.comparing((String p) -> staged.get(p)).reversed()).toList();
        List<String> built;
        try {
            ProvinceBuilds.Running running = builds.start(main, provinces, importId);
            // meanwhile, on this transaction's backend: the identity numbers (no foreign key; read from the staging)
            long identities = System.nanoTime();
            try {
                insertIdentities();
            } catch (RuntimeException e) {
                running.abandon(e);
                throw e;
            }
            phases.put("  of which identity numbers (during the builds)", seconds(identities));
            built = running.await();
        } catch (SQLException e) {
            throw new IllegalStateException("building the first-load provinces failed: " + e.getMessage(), e);
        }
        phases.put("  of which first loads built (" + builds.connections() + " connections)", seconds(start));
        log.accept("built " + built.size() + " provinces; swapping them in");
        start = System.nanoTime();
        String[] swapped = built.isEmpty() ? new String[0] : jdbc.sql("SELECT bulk_swap_provinces(CAST(:p AS text[]), :i)")
                .param("p", built.stream().sorted().toArray(String[]::new)).param("i", importId)
                .query((rs, i) -> (String[]) rs.getArray(1).getArray()).single();
        phases.put("  of which first loads swapped in", seconds(start));
        return swapped;
    }

    /**
     * Every identity number of the file into {@code citizen_identity}, as the owner (V64): into an empty one (a first
     * national load) the key is built once after the rows; otherwise inserted in key order (the key grows at its right
     * edge).
     */
    private void insertIdentities() {
        jdbc.sql("SELECT bulk_insert_identities()").query(Long.class).single();
    }

    /**
     * Loads every province of the file whose partitions are still empty through {@code bulk_load_empty_province}
     * (V58: detached partitions, indexes and foreign keys built once, attached again), inside the move's
     * transaction; returns the provinces so loaded (only those with at least {@link #firstLoadMinHouseholds} households in the file).
     */
    private String[] firstLoads(long importId, SortedMap<String, Long> staged) {
        if (firstLoadMinHouseholds == Long.MAX_VALUE) {
            return new String[0];
        }
        String[] provinces = large(staged).toArray(String[]::new);
        if (provinces.length == 0) {
            return provinces;
        }
        String[] loaded = jdbc.sql("SELECT bulk_load_empty_provinces(CAST(:p AS text[]), :i)").param("p", provinces)
                .param("i", importId).query((rs, i) -> (String[]) rs.getArray(1).getArray()).single();
        return loaded;
    }

    /** The file's provinces with at least {@link #firstLoadMinHouseholds} households, by code. */
    private List<String> large(SortedMap<String, Long> staged) {
        long min = firstLoadMinHouseholds;
        return staged.entrySet().stream().filter(e -> e.getValue() >= min).map(Map.Entry::getKey).toList();
    }

    /**
     * Finds or creates every village the file names (listed while staging, in the order the file first names them: new
     * villages of a commune are numbered in that order) and stages the ids in bulk_stage_village (a few statements).
     */
    private void resolveVillages(List<GeographyCatalog.VillageName> named) {
        if (named.isEmpty()) {
            return;
        }
        Map<GeographyCatalog.VillageName, Long> ids = geography.findOrCreateVillages(named);
        // staged on a connection of its own, committed at once, so that the provinces' builds on other connections
        // (V73) see which village each household names; the villages created above stay in the move's transaction
        // (a failed or killed import leaves none), and the staging is emptied after every import
        try (Connection c = dataSource.getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("""
                     INSERT INTO bulk_stage_village (commune_id, name, village_id)
                     SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS bigint[]))""")) {
            c.setAutoCommit(true);
            s.setArray(1, c.createArrayOf("bigint",
                    ids.keySet().stream().map(GeographyCatalog.VillageName::communeId).toArray(Long[]::new)));
            s.setArray(2, c.createArrayOf("text",
                    ids.keySet().stream().map(GeographyCatalog.VillageName::name).toArray(String[]::new)));
            s.setArray(3, c.createArrayOf("bigint", ids.values().toArray(Long[]::new)));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("staging the file's villages failed: " + e.getMessage(), e);
        }
    }

    private Result rejected(int year, String householdsName, String membersName, List<ExchangeProblem> problems,
                            long errors, Map<String, Double> phases) {
        recordBatch(year, householdsName, membersName, "rejected", errors);
        return new Result(false, 0, 0, 0, problems, errors, phases, List.of());
    }

    private void recordBatch(int year, String householdsName, String membersName, String status, long errors) {
        jdbc.sql("""
                        INSERT INTO import_batch (username, list_year, households_file, members_file, status, problems, finished_at)
                        VALUES (:u, :y, :h, :m, :s, :p, now())""")
                .param("u", vn.giamngheo.security.CurrentUsers.current().map(CurrentUser::getUsername).orElse("system"))
                .param("y", year).param("h", householdsName).param("m", membersName).param("s", status)
                .param("p", (int) Math.min(Integer.MAX_VALUE, errors))
                .update();
    }

    private static List<Object[]> query(Connection c, String sql, int columns) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    Object v = rs.getObject(i + 1);
                    row[i] = v instanceof java.sql.Array a ? a.getArray() : v;
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
