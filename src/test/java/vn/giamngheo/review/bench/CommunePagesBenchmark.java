package vn.giamngheo.review.bench;

import static vn.giamngheo.bench.BenchArgs.arg;
import static vn.giamngheo.bench.BenchArgs.load;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.GiamngheoApplication;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.review.BenchAccess;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.system.DatabaseOwner;

/**
 * Command benchmark of a big commune's other pages and the round's heavy actions (issue 26 point 5): one commune of N
 * households (default 10,000) in 25 villages (as {@link RoundPageBenchmark} builds it) inside a province of P more
 * households on its other communes (default 1,000,000, each with a decided status of 2025; loaded as the owner with
 * the triggers off, then {@code report_rebuild}); the commune's periodic review of 2025 is run through its services
 * (opened with every household, collected, meetings, posting), then the heavy actions are timed once each through the
 * web stack (MockMvc: security, controller, services, Thymeleaf or the document writer; no network): the chair's
 * decision, the certificates (PDF and DOCX) and the province's approval. Then every other page a commune officer
 * reads (reports of every kind, dashboard, plans, movements, escape, livelihood, credit, labour, support, monitoring,
 * review progress) is timed: median and slowest of {@code runs} after warm-up, and its size. The floor: the plain
 * SQL count of the commune's decided households, timed the same way. Goals: 300 ms and 300 KB a page, 10 s an
 * action. {@code pages=0} times the heavy actions only. Not a test: run it by hand (docs/benchmarks.md, "Decisions at constant cost…").
 *
 * <pre>
 * ./mvnw -q -o test-compile
 * ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -Dgiamngheo.data-dir=target/bench-commune -Dgiamngheo.embedded.clean=true \
 *     -cp target/test-classes:target/classes:$(cat target/cp.txt) vn.giamngheo.review.bench.CommunePagesBenchmark \
 *     [households=10000] [province=1000000] [runs=10] [pages=1]
 * </pre>
 */
public final class CommunePagesBenchmark {

    public static void main(String[] args) throws Exception {
        int n = (int) arg(args, "households", 10_000);
        long rest = arg(args, "province", 1_000_000);
        int runs = (int) arg(args, "runs", 10);
        for (String a : args) { // only=people,movements: the pages whose path holds one of these words (h12)
            if (a.startsWith("only=")) {
                only = List.of(a.substring(5).split(","));
            }
        }
        boolean pages = arg(args, "pages", 1) != 0;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(GiamngheoApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "giamngheo.demo.enabled=false", "logging.level.root=WARN")
                .run()) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            DataSource ownerSource = ctx.getBean(DatabaseOwner.class).dataSource();
            JdbcClient owner = JdbcClient.create(ownerSource);
            TransactionTemplate ownerTx = new TransactionTemplate(new JdbcTransactionManager(ownerSource));
            String communeCode = jdbc.sql("""
                            SELECT code FROM admin_unit WHERE level = 'commune' AND province_code = '08' AND valid_to IS NULL
                            ORDER BY code OFFSET 100 LIMIT 1""").query(String.class).single();
            long communeId = jdbc.sql("SELECT id FROM admin_unit WHERE level = 'commune' AND code = :c AND valid_to IS NULL")
                    .param("c", communeCode).query(Long.class).single();
            long provinceId = jdbc.sql("SELECT id FROM admin_unit WHERE level = 'province' AND code = '08' AND valid_to IS NULL")
                    .query(Long.class).single();
            GeographyCatalog geography = ctx.getBean(GeographyCatalog.class);
            List<Long> villages = new ArrayList<>();
            for (int v = 1; v <= 25; v++) {
                villages.add(geography.createVillage(communeId, String.format("Thôn %02d", v), "thôn").id());
            }
            long t0 = System.nanoTime();
            ownerTx.executeWithoutResult(s -> {
                RoundPageBenchmark.insert(owner, communeId, villages, n);
                province(owner, communeId, rest);
            });
            owner.sql("SELECT report_rebuild('08')").query().listOfRows();
            for (String table : List.of("household", "household_member", "household_status", "review_decision")) {
                owner.sql("ANALYZE " + table).update();
            }
            System.out.printf(Locale.ROOT, "commune %s: %,d households; province 08: %,d more; loaded in %d ms%n", communeCode,
                    n, rest, (System.nanoTime() - t0) / 1_000_000);
            UserAccounts users = ctx.getBean(UserAccounts.class);
            users.create("bench-xa", "password-123", "Cán bộ xã", Role.COMMUNE_OFFICER, communeId);
            users.create("bench-ct", "password-123", "Chủ tịch xã", Role.COMMUNE_CHAIR, communeId);
            users.create("bench-tinh", "password-123", "Cán bộ tỉnh", Role.PROVINCE_OFFICER, provinceId);
            CurrentUser officer = users.findByUsername("bench-xa").orElseThrow();
            CurrentUser chair = users.findByUsername("bench-ct").orElseThrow();
            CurrentUser province = users.findByUsername("bench-tinh").orElseThrow();

            long round = BenchAccess.openWithAll(ctx, communeId, 2025, officer);
            jdbc.sql("ANALYZE review_household").update();
            BenchAccess.collect(ctx, round, officer);
            owner.sql("""
                            UPDATE household_member SET malnourished = false, in_school = true, school_level_appropriate = true
                            WHERE province_code = '08' AND relation = 'child' AND household_id IN
                                  (SELECT id FROM household WHERE commune_id = :c)""").param("c", communeId).update();
            long[] collected = BenchAccess.collect(ctx, round, officer);
            System.out.printf(Locale.ROOT, "round %d collected (%,d in the second pass)%n", round, collected[0]);
            BenchAccess.meetAndPost(ctx, round, communeId, LocalDate.of(2025, 10, 20), LocalDate.of(2025, 11, 3), officer);
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) ctx)
                    .apply(SecurityMockMvcConfigurers.springSecurity()).build();
            System.out.println("load average before: " + load());

            action(mvc, "decide (the chair signs the lists)", post("/reviews/" + round + "/decision")
                    .param("number", "1/QĐ-UBND").param("decidedOn", "2025-11-12").param("confirmed", "true")
                    .with(user(chair)).with(csrf()));
            System.out.println("    round state: " + BenchAccess.state(ctx, round, officer) + ", approval state: "
                    + BenchAccess.approvalState(ctx, round, officer));
            long decided = jdbc.sql("SELECT count(*) FROM decided_status WHERE province_code = '08' AND commune_id = :c")
                    .param("c", communeId).query(Long.class).single();
            System.out.printf(Locale.ROOT, "    decided statuses of the commune: %,d%n", decided);
            if (arg(args, "certificates", 1) != 0) { // certificates=0: the pages alone (h12)
                action(mvc, "certificates (PDF, every poor and near-poor household)",
                        get("/reviews/" + round + "/certificates.pdf").with(user(officer)));
                action(mvc, "certificates (DOCX)", get("/reviews/" + round + "/certificates.docx").with(user(officer)));
            }
            action(mvc, "approve (the province)", post("/reviews/" + round + "/approve").param("confirmed", "true")
                    .with(user(province)).with(csrf()));
            // an approval moves the approval state (awaiting_province → approved); the round's state stays decided
            System.out.println("    round state: " + BenchAccess.state(ctx, round, officer) + ", approval state: "
                    + BenchAccess.approvalState(ctx, round, officer));

            measure("floor: SELECT count(*) of the commune's decided households", runs, () -> {
                jdbc.sql("SELECT count(*) FROM decided_status WHERE province_code = '08' AND commune_id = :c")
                        .param("c", communeId).query(Long.class).single();
                return 0;
            });
            if (!pages) {
                System.out.println("load average after: " + load());
                return;
            }
            for (String kind : List.of("results", "deprivations", "causes", "bands", "trends", "people")) {
                page(mvc, "/reports?report=" + kind + "&year=2026", officer, runs);
            }
            for (String path : List.of("/dashboard", "/reports/export?report=results&year=2026&format=xlsx", "/plans",
                    "/plans/goals", "/movements?year=2026", "/movements.xlsx?year=2026", "/escape", "/escape/unassigned",
                    "/livelihood/models", "/credit", "/credit/loans", "/labour", "/support/policies", "/support/benefits",
                    "/support/coverage", "/support/coverage?gapPage=20", "/support/coverage/gap.xlsx",
                    "/monitoring/indicators", "/monitoring/reports", "/reviews", "/reviews/progress", "/reviews/applications",
                    "/reviews/" + round + "/annex.pdf", "/reviews/" + round + "/annex.xlsx")) {
                page(mvc, path, officer, runs);
            }
            page(mvc, "/reports?report=results&year=2026&unit=" + provinceId, province, runs);
            page(mvc, "/reports?report=people&year=2026&unit=" + provinceId, province, runs);
            System.out.println("load average after: " + load());
        }
    }

    /** P households on the province's other communes, each with a decided status of 2025 (one decision a commune). */
    static void province(JdbcClient owner, long communeId, long households) {
        if (households <= 0) {
            return;
        }
        owner.sql("SET LOCAL session_replication_role = replica").update();
        owner.sql("""
                        INSERT INTO household (province_code, household_code, commune_id, area, income_per_capita, housing_quality,
                            floor_area_m2, water_source, toilet, internet_use, life_status)
                        SELECT '08', 'BP' || g, c.ids[1 + (g % cardinality(c.ids))], CASE WHEN g % 5 = 0 THEN 'urban' ELSE 'rural' END,
                               1000000, 'durable', 40, 'piped', 'septic', true, 'active'
                          FROM generate_series(1, CAST(:n AS bigint)) g,
                               (SELECT array_agg(id ORDER BY id) AS ids FROM admin_unit
                                 WHERE level = 'commune' AND valid_to IS NULL AND province_code = '08' AND id <> :c) c""")
                .param("n", households).param("c", communeId).update();
        owner.sql("""
                        INSERT INTO review_round (province_code, commune_id, kind, review_year, list_year, standard_code,
                            standard_version, reference_date, opens_on, decision_due, state, created_by)
                        SELECT '08', id, 'periodic', 2024, 2025, 'ND07_2021', 1, DATE '2024-09-01', DATE '2024-09-01',
                               DATE '2024-12-14', 'decided', 'bench'
                          FROM admin_unit WHERE level = 'commune' AND valid_to IS NULL AND province_code = '08' AND id <> :c""")
                .param("c", communeId).update();
        owner.sql("""
                        INSERT INTO review_decision (round_id, province_code, commune_id, number, decided_on, effective_from,
                            list_year, signed_by, recorded_by)
                        SELECT r.id, r.province_code, r.commune_id, 'BP' || r.id || '/QĐ-UBND', DATE '2024-12-10',
                               DATE '2025-01-01', 2025, 'bench', 'bench'
                          FROM review_round r WHERE r.province_code = '08' AND r.list_year = 2025 AND r.created_by = 'bench'""")
                .update();
        owner.sql("""
                        INSERT INTO household_status (province_code, household_id, commune_id, decision_id, round_id, list_year,
                            effective_from, status, deprived, standard_code, standard_version, household_code, head_name,
                            members, area, ethnic_minority, social_protection, merit, causes, decided_on)
                        SELECT h.province_code, h.id, h.commune_id, d.id, d.round_id, 2025, DATE '2025-01-01',
                               CASE (h.id / 10) % 6 WHEN 0 THEN 'poor' WHEN 1 THEN 'near_poor' ELSE 'not_poor' END,
                               ARRAY['employment'], 'ND07_2021', 1, h.household_code, 'Bench', 4, h.area,
                               h.id % 3 = 0, h.id % 7 = 0, h.id % 11 = 0, ARRAY['lack_capital'], d.decided_on
                          FROM household h JOIN review_decision d ON d.commune_id = h.commune_id AND d.list_year = 2025
                         WHERE h.province_code = '08' AND h.household_code LIKE 'BP%'""").update();
    }

    private static void action(MockMvc mvc, String name, MockHttpServletRequestBuilder request) throws Exception {
        // MockMvc runs the request on this thread: its CPU time is the action's own work, which a shared machine's
        // load stretches less than the wall time (the database's work is in its own processes, not counted)
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        MvcResult r = mvc.perform(request).andReturn();
        double ms = (System.nanoTime() - t) / 1e6;
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
        // the review pages put a refusal's messages in the flash as "problems"
        Object flash = r.getFlashMap().get("problems");
        System.out.printf(Locale.ROOT, "%-62s %9.1f ms (Java CPU %,.0f ms)  HTTP %d, %,d bytes%s%n", name, ms, cpuMs,
                r.getResponse().getStatus(),
                r.getResponse().getContentAsByteArray().length, flash == null ? "" : "  refused: " + flash);
    }

    private static List<String> only = List.of();

    private static void page(MockMvc mvc, String path, CurrentUser as, int runs) throws Exception {
        if (!only.isEmpty() && only.stream().noneMatch(path::contains)) {
            return;
        }
        int[] size = {0};
        int[] status = {0};
        measure(path, runs, () -> {
            MvcResult r = mvc.perform(get(java.net.URI.create(path)).with(user(as))).andReturn();
            status[0] = r.getResponse().getStatus();
            size[0] = r.getResponse().getContentAsByteArray().length;
            return size[0];
        });
        System.out.printf(Locale.ROOT, "    HTTP %d, %,d bytes%n", status[0], size[0]);
    }

    private static void measure(String name, int runs, java.util.concurrent.Callable<Integer> call) throws Exception {
        for (int i = 0; i < 2; i++) {
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
