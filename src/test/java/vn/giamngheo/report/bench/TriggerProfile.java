package vn.giamngheo.report.bench;

import static vn.giamngheo.bench.BenchArgs.arg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.giamngheo.GiamngheoApplication;
import vn.giamngheo.bench.BenchArgs;

/**
 * Runs SQL as the database owner in ONE transaction that is rolled back at the end (nothing it does stays),
 * printing every result row and every notice with the time each statement took: the tool with which the statements
 * of the report triggers are timed one by one. Two modes, on the data folder of {@link ReportBenchmark}:
 *
 * <pre>
 * CP="target/test-classes:target/classes:$(cat target/cp.txt)"
 * # a script: statements separated by a line holding only ;; (EXPLAIN (ANALYZE, BUFFERS) of a statement, a copy of
 * # a trigger function with clock_timestamp() notices, …)
 * java -Xmx1g -Dgiamngheo.data-dir=&lt;folder&gt; -Dgiamngheo.embedded.clean=false -cp "$CP" \
 *     vn.giamngheo.report.bench.TriggerProfile script.sql
 * # the trigger functions of the given migrations (versions=63,67 by default) and of a candidate (a file defining
 * # report_append_segments, and report_status_appended if it changes it) on ReportBenchmark's decision (decide=N
 * # statuses of the province's first commune), and the floor (the same insert without the triggers), alternating for
 * # rounds=R (each round starting one further in that order), each run on vacuumed partitions; after the first run
 * # of each function the md5 of the province's aggregates and of the commune's segments
 * java -Xmx1g -Dgiamngheo.data-dir=&lt;folder&gt; -Dgiamngheo.embedded.clean=false -cp "$CP" \
 *     vn.giamngheo.report.bench.TriggerProfile compare province=08 decide=8000 rounds=4 [versions=63,67] \
 *     [candidate=file.sql]
 * # the two halves of a deferred decision timed apart (ADR 0014, addendum h23): the decision's insert without the
 * # triggers, then V67's trigger body over the same rows as a statement of its own (the catch-up's work), rounds=R
 * # times on vacuumed partitions
 * java -Xmx1g -Dgiamngheo.data-dir=&lt;folder&gt; -Dgiamngheo.embedded.clean=false -cp "$CP" \
 *     vn.giamngheo.report.bench.TriggerProfile halves province=08 decide=8000 rounds=4
 * </pre>
 * A statement starting with {@code VACUUM} runs on its own, outside the transaction (what came before it is rolled
 * back).
 */
public final class TriggerProfile {

    /** The migrations whose trigger functions {@code compare} can run, by version ({@code versions=63,67}). */
    private static final Map<Long, String> MIGRATIONS = Map.of(
            63L, "db/migration/V63__report_appended_by_index.sql",
            67L, "db/migration/V67__report_appended_by_province.sql");

    private TriggerProfile() {
    }

    /** One statement; a non-null label times it as a run of that name. */
    private record Step(String sql, String label) {
    }

    public static void main(String[] args) throws Exception {
        List<Step> steps = args[0].equals("compare") ? compare(args) : args[0].equals("halves") ? halves(args)
                : java.util.Arrays.stream(Files.readString(Path.of(args[0])).split("(?m)^;;\\s*$"))
                        .filter(s -> !s.isBlank()).map(s -> new Step(s, null)).toList();
        Map<String, List<Double>> runs = new LinkedHashMap<>();
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(GiamngheoApplication.class)
                .web(WebApplicationType.NONE)
                .properties("giamngheo.demo.enabled=false", "logging.level.root=WARN")
                .run()) {
            DataSource owner = ctx.getBean(vn.giamngheo.system.DatabaseOwner.class).dataSource();
            System.out.println("load average before: " + BenchArgs.load());
            try (Connection c = owner.getConnection()) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    for (Step step : steps) {
                        String sql = step.sql();
                        long t0 = System.nanoTime();
                        // VACUUM cannot run in a transaction: it runs on its own (what came before is rolled back)
                        boolean vacuum = sql.strip().toUpperCase(Locale.ROOT).startsWith("VACUUM");
                        if (vacuum) {
                            c.rollback();
                            c.setAutoCommit(true);
                        }
                        boolean rs = st.execute(sql);
                        if (vacuum) {
                            c.setAutoCommit(false);
                        }
                        double ms = (System.nanoTime() - t0) / 1e6;
                        for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                            System.out.println("  notice: " + w.getMessage());
                        }
                        st.clearWarnings();
                        if (rs) {
                            try (ResultSet r = st.getResultSet()) {
                                int n = r.getMetaData().getColumnCount();
                                while (r.next()) {
                                    StringBuilder line = new StringBuilder("  ");
                                    for (int i = 1; i <= n; i++) {
                                        line.append(i > 1 ? " | " : "").append(r.getString(i));
                                    }
                                    System.out.println(line);
                                }
                            }
                        }
                        String head = step.label() != null ? "run: " + step.label()
                                : sql.strip().lines().findFirst().orElse("");
                        System.out.printf(Locale.ROOT, "%9.1f ms  %s%n", ms, head.length() > 100 ? head.substring(0, 100) : head);
                        if (step.label() != null) {
                            runs.computeIfAbsent(step.label(), k -> new ArrayList<>()).add(ms);
                        }
                    }
                } finally {
                    c.rollback();
                }
            }
            System.out.println("load average after: " + BenchArgs.load());
        }
        runs.forEach((label, times) -> {
            List<Double> sorted = times.stream().sorted().toList();
            double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            System.out.printf(Locale.ROOT, "%-32s median %9.1f ms  min %9.1f ms  max %9.1f ms  (%d runs)%n", label, median,
                    sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
        });
    }

    /**
     * The migrations' trigger functions and the floor, alternating on vacuumed partitions (each round starting one
     * further in their order), each run rolled back.
     */
    private static List<Step> compare(String[] args) throws IOException {
        String province = String.format("%02d", arg(args, "province", 8));
        long decided = arg(args, "decide", 8000);
        int rounds = (int) arg(args, "rounds", 4);
        String decide = decide(province, decided);
        String md5 = """
                SELECT (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM report_count t WHERE province_code = '%1$s'),
                       (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM report_code_count t WHERE province_code = '%1$s'),
                       (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM report_version t WHERE province_code = '%1$s'),
                       (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) || ' ' || count(*) FROM report_segment t
                         WHERE province_code = '%1$s' AND household_id IN (SELECT id FROM household WHERE province_code = '%1$s'
                           AND commune_id = (SELECT min(commune_id) FROM household WHERE province_code = '%1$s')))"""
                .formatted(province);
        List<String> vacuum = vacuum(province);
        Map<String, String> functions = new LinkedHashMap<>();
        for (String version : BenchArgs.text(args, "versions", "63,67").split(",")) {
            try (InputStream in = TriggerProfile.class.getClassLoader()
                    .getResourceAsStream(MIGRATIONS.get(Long.parseLong(version.strip())))) {
                functions.put("V" + version.strip(), trigger(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        String candidate = BenchArgs.text(args, "candidate", "");
        if (!candidate.isEmpty()) {
            functions.put("candidate " + Path.of(candidate).getFileName(), trigger(Files.readString(Path.of(candidate))));
        }
        functions.put("floor (no triggers)", null);
        List<Map.Entry<String, String>> order = new ArrayList<>(functions.entrySet());
        List<Step> steps = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // each round starts one further in the order (none always runs after the same other one)
            for (int k = 0; k < order.size(); k++) {
                Map.Entry<String, String> f = order.get((round + k) % order.size());
                vacuum.forEach(v -> steps.add(new Step(v, null)));
                if (f.getValue() != null) {
                    steps.add(new Step(f.getValue(), null));
                }
                steps.add(new Step("SAVEPOINT run", null));
                if (f.getValue() == null) {
                    steps.add(new Step("SELECT set_config('giamngheo.bulk', 'on', true)", null));
                }
                steps.add(new Step(decide, f.getKey()));
                if (round == 0 && f.getValue() != null) {
                    steps.add(new Step(md5, null));
                }
                steps.add(new Step("ROLLBACK TO SAVEPOINT run", null));
            }
        }
        return steps;
    }

    /**
     * The decision's insert without the report triggers, then V67's trigger body run over the same rows (the list of
     * 2027 that the decision inserts, in a temporary table named like the trigger's transition table) as a statement of
     * its own: what a catch-up after the commit would do. Each round on vacuumed partitions; the VACUUM that starts a
     * round rolls the previous one back.
     */
    private static List<Step> halves(String[] args) throws IOException {
        String province = String.format("%02d", arg(args, "province", 8));
        int rounds = (int) arg(args, "rounds", 4);
        String v67;
        try (InputStream in = TriggerProfile.class.getClassLoader().getResourceAsStream(MIGRATIONS.get(67L))) {
            v67 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String function = v67.substring(v67.lastIndexOf("CREATE OR REPLACE FUNCTION report_status_appended()"));
        // the body as a DO block: its RETURN NULLs (a trigger's) become no-ops; the bulk setting is off when it runs
        String body = "DO $do$\n" + function.substring(function.indexOf("DECLARE"), function.lastIndexOf("$$;"))
                .replace("RETURN NULL;", "NULL;") + "$do$";
        List<Step> steps = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            vacuum(province).forEach(v -> steps.add(new Step(v, null)));
            steps.add(new Step("SELECT set_config('giamngheo.bulk', 'on', true)", null));
            steps.add(new Step(decide(province, arg(args, "decide", 8000)), "insert without triggers"));
            steps.add(new Step("SELECT set_config('giamngheo.bulk', 'off', true)", null));
            steps.add(new Step("CREATE TEMPORARY TABLE changed_new ON COMMIT DROP AS SELECT * FROM household_status"
                    + " WHERE province_code = '" + province + "' AND list_year = 2027", null));
            steps.add(new Step(body, "V67's work afterwards"));
            if (round == 0) {
                // the work was done: the appended rows' segments are there
                steps.add(new Step("SELECT count(*) AS segments_from_2027 FROM report_segment WHERE province_code = '"
                        + province + "' AND from_year = 2027", null));
            }
        }
        return steps;
    }

    private static String decide(String province, long decided) {
        return ReportBenchmark.DECIDE.replace(":p", "'" + province + "'").replace(":n", Long.toString(decided));
    }

    private static List<String> vacuum(String province) {
        return List.of("VACUUM report_segment_p" + province, "VACUUM household_status_p" + province,
                "VACUUM household_p" + province);
    }

    /**
     * The trigger of a migration or a candidate file: its functions from {@code report_append_segments} (V67 on) or
     * else from the trigger function {@code report_status_appended} on, each as {@code CREATE OR REPLACE}; when the
     * text defines only the first, V67's trigger function (which calls it) follows; then the insert trigger of
     * {@code household_status} bound to {@code report_status_appended} (V74 binds it to its pending rows' function).
     */
    static String trigger(String sql) throws IOException {
        String text = sql.replace("CREATE FUNCTION report_append_segments", "CREATE OR REPLACE FUNCTION report_append_segments");
        int from = text.indexOf("CREATE OR REPLACE FUNCTION report_append_segments");
        String functions = text.substring(from >= 0 ? from
                : text.lastIndexOf("CREATE OR REPLACE FUNCTION report_status_appended()")).strip();
        if (!functions.contains("FUNCTION report_status_appended()")) {
            try (InputStream in = TriggerProfile.class.getClassLoader().getResourceAsStream(MIGRATIONS.get(67L))) {
                String v67 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                functions = functions + "\n" + v67.substring(v67.lastIndexOf("CREATE OR REPLACE FUNCTION report_status_appended()"));
            }
        }
        return functions + "\n" + BIND_APPENDED;
    }

    /** The insert trigger of household_status bound to report_status_appended (V59-V67's synchronous trigger). */
    static final String BIND_APPENDED = """
            DROP TRIGGER report_status_inserted ON household_status;
            CREATE TRIGGER report_status_inserted AFTER INSERT ON household_status
                REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION report_status_appended();""";
}
