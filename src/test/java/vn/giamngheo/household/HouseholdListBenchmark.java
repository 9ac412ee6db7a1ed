package vn.giamngheo.household;

import static vn.giamngheo.bench.BenchArgs.arg;
import static vn.giamngheo.bench.BenchArgs.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.GiamngheoApplication;
import vn.giamngheo.security.AccessScope;

/**
 * Command benchmark of the household list (issue 16, point 7): a province of N households (default 300,000)
 * with two members each (head and spouse) and varied poverty statuses, generated once with
 * {@code INSERT … SELECT generate_series} (triggers off) into an embedded PostgreSQL kept in
 * {@code target/bench-list}; then {@code EXPLAIN ANALYZE} of the list's page query and count, as
 * {@link HouseholdRepository} builds them, for each sort, at province scope (first and a deep page) and at commune
 * scope (first and last page), printing each plan's execution time (and the plans with {@code plans=1}).
 *
 * <pre>
 * ./mvnw -q -o test-compile
 * ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -Dgiamngheo.data-dir=target/bench-list -Dgiamngheo.embedded.clean=false \
 *     -cp target/test-classes:target/classes:$(cat target/cp.txt) vn.giamngheo.household.HouseholdListBenchmark \
 *     [households=300000] [province=08] [plans=0]
 * </pre>
 */
public final class HouseholdListBenchmark {

    private HouseholdListBenchmark() {
    }

    public static void main(String[] args) {
        long households = arg(args, "households", 300_000);
        String province = args.length > 0 && List.of(args).stream().anyMatch(a -> a.startsWith("province="))
                ? List.of(args).stream().filter(a -> a.startsWith("province=")).findFirst().orElseThrow().substring(9) : "08";
        boolean plans = arg(args, "plans", 0) > 0;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(GiamngheoApplication.class)
                .web(WebApplicationType.NONE)
                .properties("giamngheo.data-dir=target/bench-list", "giamngheo.demo.enabled=false", "logging.level.root=WARN")
                .run()) {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support
                    .TransactionTemplate(ctx.getBean(org.springframework.transaction.PlatformTransactionManager.class));
            tx.executeWithoutResult(s -> generate(jdbc, province, households));
            jdbc.sql("ANALYZE household").update();
            jdbc.sql("ANALYZE household_member").update();
            Map<String, Object> unit = jdbc.sql("SELECT id, path FROM admin_unit WHERE level = 'province' AND code = :p AND valid_to IS NULL")
                    .param("p", province).query().singleRow();
            AccessScope provinceScope = new AccessScope(((Number) unit.get("id")).longValue(), (String) unit.get("path"), province);
            Map<String, Object> commune = jdbc.sql("""
                            SELECT c.id, c.path, count(*) AS n FROM household h JOIN admin_unit c ON c.id = h.commune_id
                            WHERE h.province_code = :p GROUP BY c.id, c.path ORDER BY n DESC LIMIT 1""")
                    .param("p", province).query().singleRow();
            AccessScope communeScope = new AccessScope(((Number) commune.get("id")).longValue(), (String) commune.get("path"), province);
            long inCommune = ((Number) commune.get("n")).longValue();
            System.out.printf(Locale.ROOT, "province %s: %,d households; largest commune: %,d households; load %s%n", province,
                    jdbc.sql("SELECT count(*) FROM household WHERE province_code = :p").param("p", province).query(Long.class).single(),
                    inCommune, load());
            for (String sort : HouseholdQuery.SORTS) {
                for (boolean desc : new boolean[] {false, true}) {
                    explain(jdbc, "province", provinceScope, new HouseholdQuery("", null, null, "", "", 0, 50, sort, desc), plans);
                    explain(jdbc, "province p.100", provinceScope, new HouseholdQuery("", null, null, "", "", 100, 50, sort, desc), plans);
                    explain(jdbc, "commune", communeScope, new HouseholdQuery("", null, null, "", "", 0, 50, sort, desc), plans);
                    explain(jdbc, "commune last", communeScope,
                            new HouseholdQuery("", null, null, "", "", (int) ((inCommune - 1) / 50), 50, sort, desc), plans);
                }
            }
            explain(jdbc, "province poor", provinceScope, new HouseholdQuery("", null, null, "", "poor", 0, 50, "name", false), plans);
            explain(jdbc, "commune text", communeScope, new HouseholdQuery("Nguyễn", null, null, "", "", 0, 50, "code", false), plans);
            System.out.println("load average after: " + load());
        }
    }

    private static void explain(JdbcClient jdbc, String label, AccessScope scope, HouseholdQuery query, boolean plans) {
        Map<String, Object> pageParams = new LinkedHashMap<>();
        String page = HouseholdRepository.searchSql(query, scope, pageParams);
        Map<String, Object> countParams = new LinkedHashMap<>();
        String count = HouseholdRepository.countSql(query, scope, countParams);
        String pageTime = time(jdbc, page, pageParams, scope, plans);
        String countTime = time(jdbc, count, countParams, scope, plans);
        System.out.printf(Locale.ROOT, "%-15s sort=%-7s %-4s page: %10s   count: %10s%n", label, query.sort(), query.direction(),
                pageTime, countTime);
    }

    private static String time(JdbcClient jdbc, String sql, Map<String, Object> params, AccessScope scope, boolean plans) {
        // once to warm the cache, then the measured plan
        HouseholdRepository.bindScope(jdbc.sql(sql), scope).params(params).query().listOfRows();
        List<String> plan = HouseholdRepository.bindScope(jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql), scope).params(params)
                .query(String.class).list();
        if (plans) {
            plan.forEach(System.out::println);
        }
        return plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("?")
                .replace("Execution Time: ", "");
    }

    static void generate(JdbcClient jdbc, String province, long n) {
        long have = jdbc.sql("SELECT count(*) FROM household WHERE province_code = :p AND household_code LIKE 'L%'")
                .param("p", province).query(Long.class).single();
        if (have >= n) {
            return;
        }
        long t0 = System.nanoTime();
        jdbc.sql("SET LOCAL session_replication_role = replica").update();
        jdbc.sql("""
                        INSERT INTO household (province_code, household_code, commune_id, area, income_per_capita, housing_quality,
                            floor_area_m2, water_source, toilet, internet_use, life_status, poverty_status)
                        SELECT :p, 'L' || lpad(g::text, 7, '0'), c.ids[1 + (g % cardinality(c.ids))], 'rural', 1000000, 'durable', 40,
                               'piped', 'septic', true, CASE WHEN g % 97 = 0 THEN 'dissolved' ELSE 'active' END,
                               (ARRAY['poor', 'near_poor', 'average', 'not_poor', NULL])[1 + (g * 7919 % 5)]
                          FROM generate_series(CAST(:from AS bigint), CAST(:to AS bigint)) g,
                               (SELECT array_agg(id ORDER BY id) AS ids FROM admin_unit
                                 WHERE level = 'commune' AND valid_to IS NULL AND province_code = :p) c""")
                .param("p", province).param("from", have + 1).param("to", n).update();
        jdbc.sql("""
                        INSERT INTO household_member (province_code, household_id, member_no, full_name, birth_date, sex, ethnicity,
                            relation, employment, working_capacity, health_insurance, education, in_school)
                        SELECT h.province_code, h.id, r.no,
                               (ARRAY['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vàng', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Âu', 'Ma'])[1 + (h.id * 31 % 15)]
                               || ' ' || (ARRAY['Văn', 'Thị', 'Đức', 'Minh'])[1 + (h.id % 4)] || ' '
                               || (ARRAY['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lan', 'Mai', 'Nam', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Yến'])[1 + ((h.id * 17 + r.no) % 15)],
                               DATE '1970-01-01' + (h.id % 9000)::int, CASE WHEN r.no = 1 THEN 'male' ELSE 'female' END, 'Kinh',
                               CASE WHEN r.no = 1 THEN 'head' ELSE 'spouse' END, 'self_employed', true, true, 'primary', false
                          FROM household h CROSS JOIN (VALUES (1), (2)) AS r(no)
                         WHERE h.province_code = :p AND h.household_code LIKE 'L%'
                           AND NOT EXISTS (SELECT 1 FROM household_member m WHERE m.province_code = h.province_code AND m.household_id = h.id)""")
                .param("p", province).update();
        System.out.printf(Locale.ROOT, "generated %,d households of %s in %s%n", n - have, province,
                Duration.ofNanos(System.nanoTime() - t0));
    }
}
