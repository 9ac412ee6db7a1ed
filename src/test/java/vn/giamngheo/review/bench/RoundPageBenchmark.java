package vn.giamngheo.review.bench;

import static vn.giamngheo.bench.BenchArgs.arg;
import static vn.giamngheo.bench.BenchArgs.load;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.GiamngheoApplication;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.review.BenchAccess;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Command benchmark of the review round page at a commune's size (issue 16): one commune of N households (default
 * 10,000) in 25 villages, inserted with {@code INSERT … SELECT generate_series} (a head and a spouse each; one
 * household in 500 has a child whose nutrition and schooling are not recorded, so it blocks the round), then the
 * round through its own services: opened with every household, collected by the background job (timed), and the
 * round page {@code GET /reviews/{id}} through the whole web stack in-process (MockMvc: security, controller,
 * queries, Thymeleaf; no network) while collecting (with the blocked households), after a page change by htmx, with
 * a filter, and once posted (with the summary the chair reads). Each page: server time (median and slowest of
 * {@code runs} after warm-up) and HTML size; the floor is the plain SQL count of the round's households, timed the
 * same way. Not a test: run it by hand.
 *
 * <pre>
 * ./mvnw -q -o test-compile
 * ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -Dgiamngheo.data-dir=target/bench-round -Dgiamngheo.embedded.clean=true \
 *     -cp target/test-classes:target/classes:$(cat target/cp.txt) vn.giamngheo.review.bench.RoundPageBenchmark \
 *     [households=10000] [runs=20]
 * </pre>
 */
public final class RoundPageBenchmark {

    public static void main(String[] args) throws Exception {
        int n = (int) arg(args, "households", 10_000);
        int runs = (int) arg(args, "runs", 20);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(GiamngheoApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "giamngheo.demo.enabled=false", "logging.level.root=WARN")
                .run()) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            String communeCode = jdbc.sql("""
                            SELECT code FROM admin_unit WHERE level = 'commune' AND province_code = '08' AND valid_to IS NULL
                            ORDER BY code OFFSET 100 LIMIT 1""").query(String.class).single();
            long communeId = jdbc.sql("SELECT id FROM admin_unit WHERE level = 'commune' AND code = :c AND valid_to IS NULL")
                    .param("c", communeCode).query(Long.class).single();
            GeographyCatalog geography = ctx.getBean(GeographyCatalog.class);
            List<Long> villages = new ArrayList<>();
            for (int v = 1; v <= 25; v++) {
                villages.add(geography.createVillage(communeId, String.format("Thôn %02d", v), "thôn").id());
            }
            long t0 = System.nanoTime();
            new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class)).executeWithoutResult(s -> {
                insert(jdbc, communeId, villages, n);
            });
            // statistics, as autovacuum would gather them on a live database (without them the planner walks the
            // freshly loaded tables row by row)
            jdbc.sql("ANALYZE household").update();
            jdbc.sql("ANALYZE household_member").update();
            System.out.printf(Locale.ROOT, "commune %s: %,d households inserted and analysed in %d ms%n", communeCode, n,
                    (System.nanoTime() - t0) / 1_000_000);
            UserAccounts users = ctx.getBean(UserAccounts.class);
            users.create("bench-xa", "password-123", "Cán bộ xã", Role.COMMUNE_OFFICER, communeId);
            users.create("bench-ct", "password-123", "Chủ tịch xã", Role.COMMUNE_CHAIR, communeId);
            CurrentUser officer = users.findByUsername("bench-xa").orElseThrow();
            CurrentUser chair = users.findByUsername("bench-ct").orElseThrow();

            t0 = System.nanoTime();
            long round = BenchAccess.openWithAll(ctx, communeId, 2025, officer);
            jdbc.sql("ANALYZE review_household").update();
            System.out.printf(Locale.ROOT, "round %d opened with every household in %d ms%n", round,
                    (System.nanoTime() - t0) / 1_000_000);
            long[] collected = BenchAccess.collect(ctx, round, officer);
            System.out.printf(Locale.ROOT, "background collection: %,d households in %,d ms (%.1f ms each)%n", collected[0],
                    collected[1], (double) collected[1] / Math.max(1, collected[0]));

            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) ctx)
                    .apply(SecurityMockMvcConfigurers.springSecurity()).build();
            System.out.println("load average before: " + load());
            floor(jdbc, round, runs);
            if (arg(args, "parts", 0) > 0) {
                var listing = ctx.getBean(vn.giamngheo.review.RoundListing.class);
                var summaries = ctx.getBean(vn.giamngheo.review.RoundSummaries.class);
                var rounds = ctx.getBean(vn.giamngheo.review.ReviewRounds.class);
                var none = vn.giamngheo.review.RoundListing.Filter.none();
                measure("  part: page 1", runs, () -> listing.page(round, none, 1, officer).rows().size());
                measure("  part: totals", runs, () -> (int) listing.totals(round, officer).households());
                measure("  part: blocked", runs, () -> (int) listing.blocked(rounds.get(round, officer), 20).count());
                measure("  part: summary", runs, () -> (int) summaries.of(round, officer).households());
                var all = ctx.getBean(vn.giamngheo.review.RoundHouseholds.class);
                measure("  before: every household of the round (RoundHouseholds.list, the old page's list)", runs,
                        () -> all.list(round, officer, Locale.forLanguageTag("vi")).size());
            }
            page(mvc, "round page, collecting (blocked households named)", get("/reviews/" + round).with(user(officer)), runs);
            page(mvc, "households page 100 by htmx", get("/reviews/" + round).param("page", "100")
                    .header("HX-Request", "true").header("HX-Target", "households-part").with(user(officer)), runs);
            page(mvc, "round page filtered (village, near-poor)", get("/reviews/" + round)
                    .param("village", String.valueOf(villages.get(3))).param("result", "near_poor").with(user(officer)), runs);
            page(mvc, "complaint search by name", get("/reviews/" + round + "/households/search").param("q", "Văn 0012")
                    .with(user(officer)), runs);

            // the blocked households get their facts, are collected, and the round goes to posting
            jdbc.sql("""
                            UPDATE household_member SET malnourished = false, in_school = true, school_level_appropriate = true
                            WHERE province_code = '08' AND relation = 'child' AND household_id IN
                                  (SELECT id FROM household WHERE commune_id = :c)""").param("c", communeId).update();
            long[] again = BenchAccess.collect(ctx, round, officer);
            System.out.printf(Locale.ROOT, "collection of the rest: %,d households in %,d ms%n", again[0], again[1]);
            BenchAccess.meetAndPost(ctx, round, communeId, LocalDate.of(2025, 10, 20), LocalDate.of(2025, 11, 3), officer);
            System.out.println("round state: " + BenchAccess.state(ctx, round, officer));
            page(mvc, "round page, posted, as the chair (summary, decision form)", get("/reviews/" + round).with(user(chair)),
                    runs);
            page(mvc, "decision confirmation page (summary)", get("/reviews/" + round + "/decision/confirm")
                    .param("number", "1/QĐ-UBND").param("decidedOn", "2025-11-12").with(user(chair)), runs);
            System.out.println("load average after: " + load());
        }
    }

    static void insert(JdbcClient jdbc, long communeId, List<Long> villages, int n) {
        jdbc.sql("SET LOCAL session_replication_role = replica").update();
        jdbc.sql("""
                        INSERT INTO household (province_code, household_code, commune_id, village_id, area, income_per_capita,
                            housing_quality, floor_area_m2, water_source, toilet, internet_use, loudspeaker_reach,
                            waste_treatment, life_status)
                        SELECT '08', 'RB-' || lpad(g::text, 5, '0'), :c, (ARRAY[:villages]::bigint[])[1 + g % :nv], 'rural',
                               CASE g % 4 WHEN 0 THEN 9000000 WHEN 1 THEN 900000 ELSE 1200000 END,
                               CASE WHEN g % 7 = 0 THEN 'makeshift' ELSE 'durable' END, 30,
                               CASE WHEN g % 5 = 0 THEN 'surface_water' ELSE 'piped' END,
                               CASE WHEN g % 6 = 0 THEN 'none' ELSE 'septic' END, g % 3 <> 0, true, true, 'active'
                        FROM generate_series(1, :n) g""")
                .param("c", communeId).param("villages", villages).param("nv", villages.size())
                .param("n", n).update();
        jdbc.sql("""
                        INSERT INTO household_member (province_code, household_id, member_no, full_name, birth_date, sex,
                            ethnicity, relation, employment, working_capacity, health_insurance, education, in_school)
                        SELECT '08', h.id, m.no, CASE m.no WHEN 1 THEN 'Nông Văn ' ELSE 'Hoàng Thị ' END || substr(h.household_code, 4),
                               DATE '1975-01-01' + (h.id % 3000)::int + (m.no - 1) * 700, CASE m.no WHEN 1 THEN 'male' ELSE 'female' END,
                               'Tày', CASE m.no WHEN 1 THEN 'head' ELSE 'spouse' END, 'self_employed', true, h.id % 9 <> 0,
                               'lower_secondary', false
                        FROM household h, (VALUES (1), (2)) m(no)
                        WHERE h.province_code = '08' AND h.commune_id = :c""").param("c", communeId).update();
        jdbc.sql("""
                        INSERT INTO household_member (province_code, household_id, member_no, full_name, birth_date, sex,
                            ethnicity, relation, employment, working_capacity, health_insurance, education, in_school)
                        SELECT '08', h.id, 3, 'Nông Văn Nhỏ', DATE '2017-05-01', 'male', 'Tày', 'child', 'student', false, true,
                               'primary', true
                        FROM household h WHERE h.province_code = '08' AND h.commune_id = :c
                          AND substr(h.household_code, 4)::int % 500 = 0""").param("c", communeId).update();
    }

    private static void floor(JdbcClient jdbc, long round, int runs) throws Exception {
        measure("floor: SELECT count(*) of the round's households", runs, () -> {
            jdbc.sql("SELECT count(*) FROM review_household WHERE round_id = :r").param("r", round).query(Long.class).single();
            return 0;
        });
    }

    private static void page(MockMvc mvc, String name, MockHttpServletRequestBuilder request, int runs) throws Exception {
        int[] size = {0};
        measure(name, runs, () -> {
            MvcResult r = mvc.perform(request).andReturn();
            if (r.getResponse().getStatus() != 200) {
                throw new IllegalStateException(name + ": HTTP " + r.getResponse().getStatus());
            }
            size[0] = r.getResponse().getContentAsByteArray().length;
            return size[0];
        });
        System.out.printf(Locale.ROOT, "    %s: %,d bytes of HTML%n", name, size[0]);
    }

    private static void measure(String name, int runs, Callable<Integer> call) throws Exception {
        for (int i = 0; i < Math.max(3, runs / 4); i++) {
            call.call();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            call.call();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "%-62s median %7.1f ms, slowest %7.1f ms (%d runs)%n", name, ms.get(ms.size() / 2),
                ms.get(ms.size() - 1), runs);
    }
}
