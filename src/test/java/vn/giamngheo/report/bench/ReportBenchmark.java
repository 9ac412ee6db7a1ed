package vn.giamngheo.report.bench;

import static vn.giamngheo.bench.BenchArgs.arg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.GiamngheoApplication;
import vn.giamngheo.report.BenchAccess;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Command benchmark of the results report (issue 5): a province of N households (default 1,000,000) with
 * two years of decided lists, generated with {@code INSERT … SELECT generate_series} into an embedded
 * PostgreSQL kept in {@code target/bench-data} (generated once, reused by later runs; the load runs with the
 * triggers off and ends with {@code report_rebuild}); then the report through {@code ReportService} (the
 * aggregates of V20 + placement + tables) against a hand-written SQL GROUP BY over the same rows (the live
 * style the report used before V20), each timed after warm-up; then (issue 9) {@code report_rebuild} of the
 * province against a read-only GROUP BY giving the same counts from the same rows ({@code rebuilds=N} runs,
 * default 3, 0 skips it).
 *
 * <pre>
 * ./mvnw -q -o test-compile
 * ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -Dgiamngheo.data-dir=target/bench-data -Dgiamngheo.embedded.clean=false \
 *     -cp target/test-classes:target/classes:$(cat target/cp.txt) vn.giamngheo.report.bench.ReportBenchmark \
 *     [households=1000000] [province=08] [national=0] [runs=10] [rebuilds=3] [explain=0] [years=0] [decision=1]
 *     [decide=3000] [decisions=5] [alternate=0] [live=1]
 * </pre>
 * {@code years=Y} gives every household a decided status in each of the Y years up to 2026 (Y years of history);
 * {@code decide=N} times a decision of N statuses with and without the triggers ({@code decisions} runs), one after
 * the other, or with {@code alternate=1} run by run, each run after a VACUUM of the partitions it writes (with
 * deferred decisions, V74: also the catch-up after each decision, the first report read after a decision, and with
 * {@code compare=67}, the default, V67's synchronous trigger; with {@code fresh=N}, last, N decisions COMMITTED and
 * the time until their background catch-up has counted them; {@link DeferredDecisionRuns});
 * {@code live=0} leaves out the hand-written GROUP BYs.
 * {@code national=N} adds N households spread over every other province and times the national report too.
 * The data folder is given as system properties: the test configuration on the class path
 * ({@code config/application.yml}: a fresh, cleaned folder per start) would otherwise win over the defaults
 * set below, and the data would be generated again at every run.
 */
public final class ReportBenchmark {

    private static final String GROUP_BY = """
            SELECT h.commune_id, count(*) AS households,
                   count(*) FILTER (WHERE s.status = 'poor') AS poor,
                   count(*) FILTER (WHERE s.status = 'near_poor') AS near_poor
              FROM household h
              LEFT JOIN (SELECT DISTINCT ON (household_id) household_id, status FROM household_status
                          WHERE %1$s NOT revoked AND effective_from <= DATE '2026-12-31'
                          ORDER BY household_id, effective_from DESC, id DESC) s ON s.household_id = h.id
             WHERE %2$s h.life_status = 'active'
             GROUP BY h.commune_id""";

    /** A decision of :n statuses: the first :n households of the province's (:p) first commune, list of 2027. */
    static final String DECIDE = """
                        INSERT INTO household_status (province_code, household_id, commune_id, decision_id, round_id, list_year,
                            effective_from, status, deprived, standard_code, standard_version, household_code, head_name,
                            members, area, ethnic_minority, social_protection, merit, causes)
                        SELECT h.province_code, h.id, h.commune_id, d.id, d.round_id, 2027, DATE '2027-01-01',
                               CASE h.id % 6 WHEN 0 THEN 'poor' WHEN 1 THEN 'near_poor' ELSE 'not_poor' END,
                               ARRAY['employment'], 'ND07_2021', 1, h.household_code, 'Bench', 4, 'rural',
                               h.id % 3 = 0, h.id % 7 = 0, h.id % 11 = 0, ARRAY['lack_capital']
                          FROM (SELECT * FROM household WHERE province_code = :p AND commune_id = (
                                    SELECT min(commune_id) FROM household WHERE province_code = :p)
                                 ORDER BY id LIMIT :n) h
                          JOIN review_decision d ON d.commune_id = h.commune_id AND d.list_year = 2026""";

    public static void main(String[] args) {
        long households = arg(args, "households", 1_000_000);
        String province = String.format("%02d", arg(args, "province", 8));
        long national = arg(args, "national", 0);
        int runs = (int) arg(args, "runs", 10);
        int history = (int) arg(args, "years", 0);
        int decided = (int) arg(args, "decide", 3000);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(GiamngheoApplication.class)
                .web(WebApplicationType.NONE)
                .properties("giamngheo.data-dir=target/bench-data", "giamngheo.demo.enabled=false",
                        "logging.level.root=WARN")
                .run()) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support
                    .TransactionTemplate(ctx.getBean(org.springframework.transaction.PlatformTransactionManager.class));
            // the load as the owner (ADR 0009: the application's role may not switch the triggers off)
            javax.sql.DataSource ownerSource = ctx.getBean(vn.giamngheo.system.DatabaseOwner.class).dataSource();
            JdbcClient owner = JdbcClient.create(ownerSource);
            org.springframework.transaction.support.TransactionTemplate ownerTx = new org.springframework.transaction.support
                    .TransactionTemplate(new org.springframework.jdbc.support.JdbcTransactionManager(ownerSource));
            ownerTx.executeWithoutResult(s -> generate(owner, province, households, history));
            if (national > 0) {
                ownerTx.executeWithoutResult(s -> generateNational(owner, province, national, history));
            }
            UserAccounts users = ctx.getBean(UserAccounts.class);
            CurrentUser bo = users.findByUsername("bench-bo").orElseGet(() -> {
                users.create("bench-bo", "password-123", "Benchmark", Role.MINISTRY_VIEWER, null);
                return users.findByUsername("bench-bo").orElseThrow();
            });
            long provinceId = jdbc.sql("SELECT id FROM admin_unit WHERE level = 'province' AND code = :p AND valid_to IS NULL")
                    .param("p", province).query(Long.class).single();
            long inProvince = jdbc.sql("SELECT count(*) FROM household WHERE province_code = :p").param("p", province)
                    .query(Long.class).single();
            long statuses = jdbc.sql("SELECT count(*) FROM household_status WHERE province_code = :p").param("p", province)
                    .query(Long.class).single();
            System.out.printf(Locale.ROOT, "province %s: %,d households, %,d status rows%n", province, inProvince, statuses);
            Counts total = BenchAccess.results(ctx, provinceId, 2026, bo);
            System.out.printf(Locale.ROOT, "report total: %,d households, %,d poor, %,d near-poor%n", total.households(),
                    total.poor(), total.nearPoor());
            String sqlP = GROUP_BY.formatted("province_code = '" + province + "' AND", "h.province_code = '" + province + "' AND");
            if (arg(args, "explain", 0) > 0) {
                String cells = BenchAccess.liveCellsSql(List.of(province)).replace("(:provinces)", "('" + province + "')")
                        .replace(":d", "DATE '2026-12-31'");
                for (String q : List.of(cells, sqlP)) {
                    tx.executeWithoutResult(st -> {
                        jdbc.sql("SET LOCAL work_mem = '128MB'").update();
                        jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + q).query(String.class).list().forEach(System.out::println);
                    });
                }
            }
            if (arg(args, "explain", 0) > 0) {
                String agg = BenchAccess.cellsSql(List.of(province)).replace("(:provinces)", "('" + province + "')")
                        .replace(":y", "2026");
                jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + agg).query(String.class).list().forEach(System.out::println);
            }
            System.out.println("load average before: " + load());
            if (runs > 0) {
                report("province report (ReportService)", runs, () -> BenchAccess.results(ctx, provinceId, 2026, bo));
                report("unit map (fingerprint query)", runs, () -> BenchAccess.unitMap(ctx));
                report("province report without the report cache", runs,
                        () -> BenchAccess.resultsUncached(ctx, provinceId, 2026, bo));
                // the same memory as the live query had in its own transaction, for a fair comparison
                report("province hand-written GROUP BY", arg(args, "live", 1) > 0 ? runs : 0, () -> tx.execute(st -> {
                    jdbc.sql("SET LOCAL work_mem = '128MB'").update();
                    return jdbc.sql(sqlP).query().listOfRows().size();
                }));
            }
            System.out.println("load average: " + load());
            int rebuilds = (int) arg(args, "rebuilds", 3);
            if (rebuilds > 0) {
                long segments = jdbc.sql("SELECT count(*) FROM report_segment WHERE province_code = :p").param("p", province)
                        .query(Long.class).single();
                long counts = jdbc.sql("SELECT count(*) FROM report_count WHERE province_code = :p").param("p", province)
                        .query(Long.class).single();
                System.out.printf(Locale.ROOT, "aggregates of %s: %,d segments, %,d count rows%n", province, segments, counts);
                String p = "'" + province + "'";
                // the same counts (by place, area and runs of years, and by codes) computed once from the same rows,
                // written nowhere: the rebuild's SQL without its writes
                String raw = jdbc.sql("""
                                SELECT 'WITH signed AS MATERIALIZED (SELECT s.*, 1 AS sign FROM ('
                                       || report_segments_sql('h.province_code = $1', 's.province_code = $1',
                                                              'e.province_code = $1')
                                       || ') AS s) SELECT (SELECT count(*) FROM (' || report_count_sql('signed')
                                       || ') AS a), (SELECT count(*) FROM (' || report_code_count_sql('signed') || ') AS b)'""")
                        .query(String.class).single().replace("$1", p);
                String segmentsOnly = jdbc.sql("""
                                SELECT 'SELECT count(*) FROM (' || report_segments_sql('h.province_code = $1',
                                       's.province_code = $1', 'e.province_code = $1') || ') AS s'""")
                        .query(String.class).single().replace("$1", p);
                report("province segments only (read-only)", rebuilds, 1, () -> tx.execute(st -> {
                    jdbc.sql("SET LOCAL work_mem = '128MB'").update();
                    return jdbc.sql(segmentsOnly).query(Long.class).single();
                }));
                report("province report_rebuild", rebuilds, 1, () -> tx.execute(st -> {
                    jdbc.sql("SET LOCAL work_mem = '128MB'").update();
                    return jdbc.sql("SELECT report_rebuild(:p)").param("p", province).query().listOfRows();
                }));
                report("province raw GROUP BY (same counts)", rebuilds, 1, () -> tx.execute(st -> {
                    jdbc.sql("SET LOCAL work_mem = '128MB'").update();
                    return jdbc.sql(raw).query().listOfRows();
                }));
                System.out.println("load average: " + load());
            }
            if (arg(args, "decision", 1) > 0) {
                // the write cost of freshness: a decision of N statuses (decide=N, default 3,000: the first N
                // households of the province's first commune) with the triggers, and without (bulk setting), each
                // rolled back
                java.util.function.Function<Boolean, Supplier<?>> decision = triggers -> () -> tx.execute(st -> {
                    if (!triggers) {
                        jdbc.sql("SELECT set_config('giamngheo.bulk', 'on', true)").query().listOfRows();
                    }
                    int n = jdbc.sql(DECIDE).param("p", province).param("n", decided).update();
                    st.setRollbackOnly();
                    return n;
                });
                int decisions = (int) arg(args, "decisions", 5);
                if (arg(args, "alternate", 0) > 0 && deferred(jdbc)) {
                    DeferredDecisionRuns deferredRuns = new DeferredDecisionRuns(ctx, ownerSource, owner, ownerTx, province,
                            provinceId, decided, bo, arg(args, "compare", 67) == 67);
                    deferredRuns.run(decisions);
                    if (arg(args, "fresh", 0) > 0) {
                        try {
                            deferredRuns.fresh((int) arg(args, "fresh", 0));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                } else if (arg(args, "alternate", 0) > 0) {
                    alternate(owner, province, decided, decisions, decision);
                } else {
                    for (boolean triggers : new boolean[] {true, false}) {
                        report(String.format(Locale.ROOT, "decision of %,d statuses, %s triggers", decided,
                                triggers ? "with" : "without"), decisions, 1, decision.apply(triggers));
                    }
                }
                System.out.println("load average: " + load());
            }
            if (national > 0) {
                long all = jdbc.sql("SELECT count(*) FROM household").query(Long.class).single();
                System.out.printf(Locale.ROOT, "country: %,d households%n", all);
                System.out.printf(Locale.ROOT, "national cells of 2026: %,d%n", BenchAccess.cells(ctx, null, 2026));
                System.out.println("load average: " + load());
                report("national report (ReportService)", Math.max(3, runs / 2), () -> BenchAccess.results(ctx, null, 2026, bo));
                report("national report without the report cache", Math.max(3, runs / 2),
                        () -> BenchAccess.resultsUncached(ctx, null, 2026, bo));
                // the floor: the aggregate rows in force read as they are (what the report reads); then the cells as
                // the report reads them (added up in Java), and as the database's GROUP BY added them up before
                System.out.printf(Locale.ROOT, "national aggregate rows in force in 2026: %,d%n", BenchAccess.rows(ctx, null, 2026));
                report("national aggregate rows read (floor)", Math.max(3, runs / 2), () -> BenchAccess.rows(ctx, null, 2026));
                report("national cells (ReportData.cells)", Math.max(3, runs / 2), () -> BenchAccess.cells(ctx, null, 2026));
                report("national cells by GROUP BY (before)", Math.max(3, runs / 2), () -> BenchAccess.grouped(ctx, null, 2026));
                System.out.println("load average: " + load());
                report("national hand-written GROUP BY", arg(args, "live", 1) > 0 ? Math.max(3, runs / 2) : 0,
                        () -> tx.execute(st -> {
                            jdbc.sql("SET LOCAL work_mem = '128MB'").update();
                            return jdbc.sql(GROUP_BY.formatted("", "")).query().listOfRows().size();
                        }));
            }
        }
    }

    /** Whether the decisions are deferred (V74: the insert trigger records pending rows, report_catch_up counts them). */
    private static boolean deferred(JdbcClient jdbc) {
        return jdbc.sql("SELECT to_regproc('report_catch_up') IS NOT NULL").query(Boolean.class).single();
    }

    static void report(String name, int runs, Supplier<?> work) {
        report(name, runs, 3, work);
    }

    static void report(String name, int runs, int warmups, Supplier<?> work) {
        if (runs <= 0) {
            return;
        }
        for (int i = 0; i < warmups; i++) {
            work.get();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(timed(work));
        }
        print(name, times);
    }

    static long timed(Supplier<?> work) {
        long t0 = System.nanoTime();
        work.get();
        return System.nanoTime() - t0;
    }

    /**
     * The decision with and without the triggers run by run ({@code alternate=1}): the same two measures as without
     * it, but each run comes after a VACUUM of the partitions the decision writes (every rolled-back run leaves its
     * dead rows behind, which the runs after it pass: run one after the other, the runs without triggers came after
     * those with them and their dead rows), and the order swaps every round (with, without; without, with).
     */
    static void alternate(JdbcClient owner, String province, int decided, int runs,
            java.util.function.Function<Boolean, Supplier<?>> decision) {
        if (runs <= 0) {
            return;
        }
        Runnable vacuum = () -> List.of("report_segment_p", "household_status_p", "household_p")
                .forEach(t -> owner.sql("VACUUM " + t + province).update());
        java.util.Map<Boolean, List<Long>> times = new java.util.LinkedHashMap<>();
        times.put(true, new ArrayList<>());
        times.put(false, new ArrayList<>());
        for (boolean triggers : new boolean[] {true, false}) {
            vacuum.run();
            decision.apply(triggers).get();
        }
        for (int i = 0; i < runs; i++) {
            for (boolean triggers : i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                vacuum.run();
                times.get(triggers).add(timed(decision.apply(triggers)));
            }
        }
        times.forEach((triggers, t) -> print(String.format(Locale.ROOT, "decision of %,d statuses, %s triggers (alternating)",
                decided, triggers ? "with" : "without"), t));
        System.out.printf(Locale.ROOT, "decision with / without triggers (medians): %.2f%n",
                (double) median(times.get(true)) / median(times.get(false)));
    }

    static long median(List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static void print(String name, List<Long> times) {
        int runs = times.size();
        times = new ArrayList<>(times);
        Collections.sort(times);
        double mean = times.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "%-36s median %7.1f ms  min %7.1f ms  max %7.1f ms  mean %7.1f ms  (%d runs)%n", name,
                times.get(times.size() / 2) / 1e6, times.get(0) / 1e6, times.get(times.size() - 1) / 1e6, mean, runs);
    }

    /** N households on the province's communes (a fifth urban), 30 % with a 2026 status, 40 % with a 2025 one
     * (of those, one in six poor and one in six near-poor); with {@code years} Y &gt; 0 instead every household
     * with a status in each of the Y years up to 2026 (Y years of history). */
    static void generate(JdbcClient jdbc, String province, long n, int years) {
        long have = jdbc.sql("SELECT count(*) FROM household WHERE province_code = :p AND household_code LIKE 'B%'")
                .param("p", province).query(Long.class).single();
        if (have >= n) {
            return;
        }
        long t0 = System.nanoTime();
        // one transaction (one connection): triggers (audit) off for the bulk load only
        jdbc.sql("SET LOCAL session_replication_role = replica").update();
        insert(jdbc, province, have + 1, n, years);
        jdbc.sql("SELECT report_rebuild(:p)").param("p", province).query().listOfRows();
        System.out.printf(Locale.ROOT, "generated %,d households of %s in %s%n", n - have, province,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    static void generateNational(JdbcClient jdbc, String except, long n, int years) {
        List<String> others = jdbc.sql("""
                        SELECT code FROM admin_unit WHERE level = 'province' AND valid_to IS NULL AND code <> :p ORDER BY code""")
                .param("p", except).query(String.class).list();
        long each = n / others.size();
        jdbc.sql("SET LOCAL session_replication_role = replica").update();
        for (String p : others) {
            long have = jdbc.sql("SELECT count(*) FROM household WHERE province_code = :p AND household_code LIKE 'B%'")
                    .param("p", p).query(Long.class).single();
            if (have < each) {
                insert(jdbc, p, have + 1, each, years);
                jdbc.sql("SELECT report_rebuild(:p)").param("p", p).query().listOfRows();
            }
        }
    }

    private static void insert(JdbcClient jdbc, String province, long from, long to, int years) {
        jdbc.sql("""
                        INSERT INTO household (province_code, household_code, commune_id, area, income_per_capita, housing_quality,
                            floor_area_m2, water_source, toilet, internet_use, life_status)
                        SELECT :p, 'B' || g, c.ids[1 + (g % cardinality(c.ids))], CASE WHEN g % 5 = 0 THEN 'urban' ELSE 'rural' END,
                               1000000, 'durable', 40, 'piped', 'septic', true,
                               CASE WHEN g % 97 = 0 THEN 'dissolved' ELSE 'active' END
                          FROM generate_series(CAST(:from AS bigint), CAST(:to AS bigint)) g,
                               (SELECT array_agg(id ORDER BY id) AS ids FROM admin_unit
                                 WHERE level = 'commune' AND valid_to IS NULL AND province_code = :p) c""")
                .param("p", province).param("from", from).param("to", to).update();
        int[] listYears = years <= 0 ? new int[] {2025, 2026}
                : java.util.stream.IntStream.rangeClosed(2027 - years, 2026).toArray();
        for (int year : listYears) {
            jdbc.sql("""
                            INSERT INTO review_round (province_code, commune_id, kind, review_year, list_year, standard_code,
                                standard_version, reference_date, opens_on, decision_due, state, created_by)
                            SELECT :p, id, 'periodic', :y - 1, :y, 'ND07_2021', 1, make_date(:y - 1, 9, 1), make_date(:y - 1, 9, 1),
                                   make_date(:y - 1, 12, 14), 'decided', 'bench'
                              FROM admin_unit u WHERE level = 'commune' AND valid_to IS NULL AND province_code = :p
                               AND NOT EXISTS (SELECT 1 FROM review_round r WHERE r.commune_id = u.id AND r.kind = 'periodic'
                                               AND r.review_year = :y - 1)""")
                    .param("p", province).param("y", year).update();
            jdbc.sql("""
                            INSERT INTO review_decision (round_id, province_code, commune_id, number, decided_on, effective_from,
                                list_year, signed_by, recorded_by)
                            SELECT r.id, r.province_code, r.commune_id, 'B' || r.id || '/QĐ-UBND', make_date(:y - 1, 12, 10),
                                   make_date(:y, 1, 1), :y, 'bench', 'bench'
                              FROM review_round r WHERE r.province_code = :p AND r.list_year = :y AND r.kind = 'periodic'
                               AND NOT EXISTS (SELECT 1 FROM review_decision d WHERE d.round_id = r.id)""")
                    .param("p", province).param("y", year).update();
            int share = years > 0 ? 10 : year == 2025 ? 4 : 3;
            jdbc.sql("""
                            INSERT INTO household_status (province_code, household_id, commune_id, decision_id, round_id, list_year,
                                effective_from, status, deprived, standard_code, standard_version, household_code, head_name,
                                members, area, ethnic_minority, social_protection, merit, causes, decided_on)
                            SELECT h.province_code, h.id, h.commune_id, d.id, d.round_id, :y, make_date(:y, 1, 1),
                                   CASE (h.id / 10 + :y) % 6 WHEN 0 THEN 'poor' WHEN 1 THEN 'near_poor' ELSE 'not_poor' END,
                                   CASE WHEN h.id % 3 = 0 THEN ARRAY['housing_area', 'telecom_use', 'health_insurance']
                                        ELSE ARRAY['employment'] END,
                                   'ND07_2021', 1, h.household_code, 'Bench', 4, coalesce(h.area, 'rural'),
                                   h.id % 3 = 0, h.id % 7 = 0, h.id % 11 = 0, ARRAY['lack_capital'], d.decided_on
                              FROM household h JOIN review_decision d ON d.commune_id = h.commune_id AND d.list_year = :y
                             WHERE h.province_code = :p AND h.id % 10 < :share
                               AND CAST(substring(h.household_code FROM 2) AS bigint) BETWEEN :from AND :to""")
                    .param("p", province).param("y", year).param("share", share).param("from", from).param("to", to).update();
        }
        jdbc.sql("ANALYZE household").update();
        jdbc.sql("ANALYZE household_status").update();
    }

    static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
