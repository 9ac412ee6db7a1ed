package vn.giamngheo.audit.bench;

import java.util.Arrays;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.giamngheo.GiamngheoApplication;
import vn.giamngheo.audit.PersonalDataReads;

/**
 * What recording a read of personal data adds to a page (issue 17: under 5 ms): {@code runs} calls of
 * {@link PersonalDataReads#record} (one INSERT into the month's partition, autocommit, as in a request) against the
 * floor of the same run, a {@code SELECT 1} round trip on the same pool; median, 95th and 99th percentile.
 *
 * <pre>
 * ./mvnw -q -o test-compile
 * ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Dgiamngheo.data-dir=target/bench-reads -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     vn.giamngheo.audit.bench.ReadAuditBenchmark [runs=20000]
 * </pre>
 */
public final class ReadAuditBenchmark {

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0].replace("runs=", "")) : 20_000;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(GiamngheoApplication.class)
                .web(WebApplicationType.NONE).run("--giamngheo.demo.enabled=false")) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            PersonalDataReads reads = ctx.getBean(PersonalDataReads.class);
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("bench", null,
                    java.util.List.of(new SimpleGrantedAuthority("ROLE_COMMUNE_OFFICER"))));
            for (int i = 0; i < 2_000; i++) { // warm-up
                jdbc.sql("SELECT 1").query(Integer.class).single();
                reads.record("COMMUNE_OFFICER", "/households/{id}", "/households/" + i, (long) i, null, 200);
            }
            long[] floor = new long[runs];
            long[] record = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                jdbc.sql("SELECT 1").query(Integer.class).single();
                long t1 = System.nanoTime();
                reads.record("COMMUNE_OFFICER", "/households/{id}", "/households/" + i, (long) i, null, 200);
                long t2 = System.nanoTime();
                floor[i] = t1 - t0;
                record[i] = t2 - t1;
            }
            System.out.printf("runs %d; rows now %d%n", runs,
                    jdbc.sql("SELECT count(*) FROM personal_data_read").query(Long.class).single());
            System.out.println("floor  SELECT 1      " + percentiles(floor));
            System.out.println("record read (INSERT) " + percentiles(record));
        }
    }

    private static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("median %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms", s[s.length / 2] / 1e6,
                s[(int) (s.length * 0.95)] / 1e6, s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6);
    }
}
