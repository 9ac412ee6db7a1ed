package vn.giamngheo.report.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.giamngheo.GiamngheoApplication;
import vn.giamngheo.bench.BenchArgs;

/**
 * Runs a SQL script as the database owner in ONE transaction that is rolled back at the end (nothing it does
 * stays), printing every result row and every notice with the time each statement took: the tool with which the
 * statements of the report triggers are timed one by one ({@code EXPLAIN (ANALYZE, BUFFERS)} of a statement, a
 * copy of a trigger function with {@code clock_timestamp()} notices, two versions of a function alternated on the
 * same rows). A statement starting with {@code VACUUM} runs on its own, outside the transaction (what came before it
 * is rolled back). Statements are separated by a line holding only {@code ;;}. Use the data folder of
 * {@link ReportBenchmark}:
 *
 * <pre>
 * java -Xmx2g -Dgiamngheo.data-dir=&lt;folder&gt; -Dgiamngheo.embedded.clean=false \
 *     -cp target/test-classes:target/classes:$(cat target/cp.txt) vn.giamngheo.report.bench.TriggerProfile script.sql
 * </pre>
 */
public final class TriggerProfile {

    private TriggerProfile() {
    }

    public static void main(String[] args) throws Exception {
        String script = Files.readString(Path.of(args[0]));
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(GiamngheoApplication.class)
                .web(WebApplicationType.NONE)
                .properties("giamngheo.demo.enabled=false", "logging.level.root=WARN")
                .run()) {
            DataSource owner = ctx.getBean(vn.giamngheo.system.DatabaseOwner.class).dataSource();
            System.out.println("load average before: " + BenchArgs.load());
            try (Connection c = owner.getConnection()) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    for (String sql : script.split("(?m)^;;\\s*$")) {
                        if (sql.isBlank()) {
                            continue;
                        }
                        long t0 = System.nanoTime();
                        // VACUUM cannot run in a transaction: it runs on its own (what came before is rolled back)
                        boolean vacuum = sql.strip().toUpperCase(java.util.Locale.ROOT).startsWith("VACUUM");
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
                        String head = sql.strip().lines().findFirst().orElse("");
                        System.out.printf(java.util.Locale.ROOT, "%9.1f ms  %s%n", ms,
                                head.length() > 100 ? head.substring(0, 100) : head);
                    }
                } finally {
                    c.rollback();
                }
            }
            System.out.println("load average after: " + BenchArgs.load());
        }
    }
}
