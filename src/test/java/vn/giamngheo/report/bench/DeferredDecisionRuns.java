package vn.giamngheo.report.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.giamngheo.bench.BenchArgs;
import vn.giamngheo.report.BenchAccess;
import vn.giamngheo.security.CurrentUser;

/**
 * {@link ReportBenchmark}'s decision runs with deferred decisions (V74, ADR 0014 addendum h26), {@code alternate=1}:
 * series that take turns, each run on vacuumed partitions and rolled back, in an order shuffled every round (seeded:
 * none always runs right after the same other one, as in a rotation that keeps their cyclic order):
 * <ul>
 *   <li>the decision with V74's trigger (it records the rows as pending), then in the same transaction the catch-up
 *       ({@code report_catch_up}, what the background does after the commit) and the report read after it (uncached:
 *       nothing pending left, the check's cost);</li>
 *   <li>the decision, then at once the first report read (uncached: it catches up before it reads);</li>
 *   <li>the same insert without triggers (the floor);</li>
 *   <li>with {@code compare=67}: V67's synchronous trigger (main's before V74), bound for the run by the owner.</li>
 * </ul>
 */
final class DeferredDecisionRuns {

    private static final String FLOOR = "decision without triggers";
    private static final String V74 = "decision, V74 (recorded as pending)";
    private static final String CATCH_UP = "catch-up after it (report_catch_up)";
    private static final String READ_AFTER = "report read after the catch-up";
    private static final String FIRST_READ = "first report read after a decision";
    private static final String V67 = "decision, V67 (synchronous)";

    private final ApplicationContext ctx;
    private final javax.sql.DataSource ownerSource;
    private final JdbcClient owner;
    private final TransactionTemplate ownerTx;
    private final String province;
    private final long provinceId;
    private final int decided;
    private final CurrentUser user;
    private final boolean withV67;

    /** {@code owner} and {@code ownerTx} on {@code ownerSource} (the owner's connections: one per transaction). */
    DeferredDecisionRuns(ApplicationContext ctx, javax.sql.DataSource ownerSource, JdbcClient owner,
                         TransactionTemplate ownerTx, String province, long provinceId, int decided, CurrentUser user,
                         boolean withV67) {
        this.ctx = ctx;
        this.ownerSource = ownerSource;
        this.owner = owner;
        this.ownerTx = ownerTx;
        this.province = province;
        this.provinceId = provinceId;
        this.decided = decided;
        this.user = user;
        this.withV67 = withV67;
    }

    /**
     * Every series times the insert statement alone (its statement trigger included), inside a transaction that is
     * rolled back after what follows it.
     */
    void run(int rounds) {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        TransactionTemplate tx = new TransactionTemplate(ctx.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        String insert = ReportBenchmark.DECIDE.replace(":p", "'" + province + "'").replace(":n", Integer.toString(decided));
        List<Supplier<Map<String, Long>>> series = new ArrayList<>();
        series.add(() -> tx.execute(st -> {
            jdbc.sql("SELECT set_config('giamngheo.bulk', 'on', true)").query().listOfRows();
            long t = ReportBenchmark.timed(() -> jdbc.sql(insert).update());
            st.setRollbackOnly();
            return Map.of(FLOOR, t);
        }));
        series.add(() -> tx.execute(st -> {
            Map<String, Long> t = new LinkedHashMap<>();
            t.put(V74, ReportBenchmark.timed(() -> jdbc.sql(insert).update()));
            t.put(CATCH_UP, ReportBenchmark.timed(() -> jdbc.sql("SELECT report_catch_up(:p)").param("p", province)
                    .query(Integer.class).single()));
            t.put(READ_AFTER, ReportBenchmark.timed(() -> BenchAccess.resultsUncached(ctx, provinceId, 2026, user)));
            st.setRollbackOnly();
            return t;
        }));
        series.add(() -> tx.execute(st -> {
            jdbc.sql(insert).update();
            long read = ReportBenchmark.timed(() -> BenchAccess.resultsUncached(ctx, provinceId, 2026, user));
            st.setRollbackOnly();
            return Map.of(FIRST_READ, read);
        }));
        if (withV67) {
            String v67 = v67();
            series.add(() -> ownerTx.execute(st -> {
                JdbcTemplate template = new JdbcTemplate(ownerSource);
                template.execute(v67);
                long t = ReportBenchmark.timed(() -> owner.sql(insert).update());
                st.setRollbackOnly();
                return Map.of(V67, t);
            }));
        }
        Runnable vacuum = () -> List.of("report_segment_p", "household_status_p", "household_p", "report_pending")
                .forEach(t -> owner.sql("VACUUM " + (t.endsWith("_p") ? t + province : t)).update());
        Map<String, List<Long>> times = new LinkedHashMap<>();
        for (Supplier<Map<String, Long>> s : series) {
            vacuum.run();
            s.get();
        }
        java.util.Random shuffle = new java.util.Random(26);
        for (int round = 0; round < rounds; round++) {
            List<Supplier<Map<String, Long>>> order = new ArrayList<>(series);
            java.util.Collections.shuffle(order, shuffle);
            for (Supplier<Map<String, Long>> s : order) {
                vacuum.run();
                s.get().forEach((name, t) -> times.computeIfAbsent(name, n -> new ArrayList<>()).add(t));
            }
            System.out.println("round " + (round + 1) + " done, load average: " + BenchArgs.load());
        }
        for (String name : List.of(V74, CATCH_UP, READ_AFTER, FIRST_READ, V67, FLOOR)) {
            if (times.containsKey(name)) {
                ReportBenchmark.print(String.format(Locale.ROOT, "%s of %,d statuses", name, decided), times.get(name));
            }
        }
        // what every read pays when nothing is pending: the check of every province (the national report's)
        vn.giamngheo.system.ReportCatchUp catchUp = ctx.getBean(vn.giamngheo.system.ReportCatchUp.class);
        ReportBenchmark.report("check with nothing pending (all provinces)", 50, 10, () -> {
            catchUp.beforeRead(null);
            return null;
        });
        long floor = ReportBenchmark.median(times.get(FLOOR));
        System.out.printf(Locale.ROOT, "decision / without triggers (medians): V74 %.2f%s; V74 + its catch-up %.2f%n",
                (double) ReportBenchmark.median(times.get(V74)) / floor,
                withV67 ? String.format(Locale.ROOT, ", V67 %.2f", (double) ReportBenchmark.median(times.get(V67)) / floor) : "",
                (double) (ReportBenchmark.median(times.get(V74)) + ReportBenchmark.median(times.get(CATCH_UP))) / floor);
    }

    /**
     * How soon a committed decision is counted with no one reading ({@code fresh=N}, N times, after every other measure:
     * it COMMITS the decision, so the data keep it): the decision in a transaction that asks for the catch-up after its
     * commit ({@code ReportCatchUp.afterCommit}, as the review's decide does), then the time from the commit's end to
     * the end of the background catch-up, and the rows still pending then (none).
     */
    void fresh(int times) throws Exception {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        TransactionTemplate tx = new TransactionTemplate(ctx.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        vn.giamngheo.system.ReportCatchUp catchUp = ctx.getBean(vn.giamngheo.system.ReportCatchUp.class);
        String insert = ReportBenchmark.DECIDE.replace(":p", "'" + province + "'").replace(":n", Integer.toString(decided));
        List<Long> commits = new ArrayList<>();
        List<Long> counted = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            catchUp.awaitBackground();
            long t0 = System.nanoTime();
            tx.executeWithoutResult(st -> {
                jdbc.sql(insert).update();
                catchUp.afterCommit(province);
            });
            long t1 = System.nanoTime();
            catchUp.awaitBackground();
            long t2 = System.nanoTime();
            commits.add(t1 - t0);
            counted.add(t2 - t1);
            System.out.printf(Locale.ROOT, "committed decision %d: rows still pending after the background catch-up: %d, load %s%n",
                    i + 1, jdbc.sql("SELECT count(*) FROM report_pending").query(Long.class).single(), BenchArgs.load());
        }
        ReportBenchmark.print(String.format(Locale.ROOT, "decision committed (V74) of %,d statuses", decided), commits);
        ReportBenchmark.print("then counted in the background after", counted);
    }

    /**
     * V67's functions, report_append_segments and its trigger function report_status_appended, as V67 defines them, and
     * the insert trigger bound to the latter.
     */
    private static String v67() {
        try (InputStream in = DeferredDecisionRuns.class.getClassLoader()
                .getResourceAsStream("db/migration/V67__report_appended_by_province.sql")) {
            return TriggerProfile.trigger(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
