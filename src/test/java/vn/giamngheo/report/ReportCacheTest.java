package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.Results;
import vn.giamngheo.report.rules.UnitMap;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.setting.Parameters;
import vn.giamngheo.standard.StandardRegistry;
import vn.giamngheo.system.DatabaseOwner;

/**
 * The report cache ({@link ReportCache}, V25) against the same service without it: the same figures in every
 * report, and after every kind of change — through the seeded random changes of {@link ReportChanges}, then one
 * by one (a decision, its revocation, register edits of commune and village, a life event, a bulk write made
 * visible by {@code report_rebuild}), a change committed on another connection with plain SQL, a change committed
 * between the key and the aggregates — the very next report shows it. Hits really happen; a transaction that has
 * written is never cached; the versions move only for the communes whose aggregates moved.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=aggregates")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCacheTest {

    static final String PROVINCE = "92";
    static final String OTHER = "96";

    /** the owner (ADR 0009): the guards below are checked beneath the grants, which refuse the application first */
    @Autowired DatabaseOwner databaseOwner;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired TransactionTemplate tx;
    @Autowired GeographyCatalog geography;
    @Autowired UserAccounts users;
    @Autowired ReportService reports;
    @Autowired ReportCache cache;
    @Autowired ReportData aggregates;
    @Autowired ReportUnits units;
    @Autowired vn.giamngheo.system.ReportCatchUp catchUp;
    @Autowired Parameters parameters;
    @Autowired StandardRegistry standards;
    @Autowired LiveReportData live;
    @Autowired vn.giamngheo.population.PopulationGroups populationGroups;
    @Autowired vn.giamngheo.areaclass.AreaClasses areaClasses;

    ReportService uncached;
    ReportFixture data;
    ReportChanges changes;
    CurrentUser officer;
    CurrentUser ministry;

    @BeforeAll
    void generate() {
        data = new ReportFixture(jdbc, geography, PROVINCE).generate(150);
        changes = new ReportChanges(jdbc, data, OTHER, new Random(25_2026));
        uncached = new ReportService(aggregates, units, geography, parameters, standards, new ReportCache(false),
                live, populationGroups, areaClasses);
        officer = new RegistryFixture(jdbc, users).user(Role.PROVINCE_OFFICER, "province", PROVINCE);
        ministry = ReportServiceTest.nationalUser(users);
    }

    /** One report as a request asks for it. */
    record View(Long unit, int year, String boundaries, ReportKind kind, boolean national) {
    }

    List<View> views() {
        List<View> views = new ArrayList<>();
        for (int year : List.of(2021, 2024, 2026, 2027)) {
            for (ReportKind kind : List.of(ReportKind.RESULTS, ReportKind.DEPRIVATIONS, ReportKind.CAUSES, ReportKind.BANDS)) {
                views.add(new View(data.provinceId, year, "today", kind, false));
            }
            views.add(new View(data.c1, year, "today", ReportKind.RESULTS, false));
            views.add(new View(null, year, "today", ReportKind.RESULTS, true));
        }
        views.add(new View(data.oldSplit, 2024, "own", ReportKind.RESULTS, false));
        views.add(new View(data.provinceId, 2026, "today", ReportKind.TRENDS, false));
        views.add(new View(null, 2026, "today", ReportKind.DEPRIVATIONS, true));
        return views;
    }

    ReportContext context(View v) {
        return reports.context(v.unit(), v.year(), v.boundaries(), v.national() ? ministry : officer);
    }

    /** Every view through the cache, asserted equal to the same view computed without it; the figures. */
    List<ReportSet> check(String after) {
        List<ReportSet> sets = new ArrayList<>();
        for (View v : views()) {
            ReportContext ctx = context(v);
            ReportSet cached = reports.compute(ctx, v.kind());
            ReportSet fresh = uncached.compute(ctx, v.kind());
            assertThat(cached).as("%s: %s", after, v).isEqualTo(fresh);
            sets.add(fresh);
        }
        return sets;
    }

    @Test
    void theCacheServesTheFiguresOfAFreshComputeAfterEveryChange() {
        check("start");
        ReportCache.Stats before = cache.stats();
        List<ReportSet> start = check("start, again");
        ReportCache.Stats again = cache.stats();
        assertThat(again.misses()).as("nothing changed: every lookup hits").isEqualTo(before.misses());
        assertThat(again.hits() - before.hits()).as("hits of the second pass").isGreaterThanOrEqualTo(views().size());
        assertThat(check("start, third")).isEqualTo(start);

        int visible = 0;
        List<ReportSet> previous = start;
        Random random = new Random(7);
        for (int step = 0; step < 2 * ReportChanges.KINDS; step++) {
            // every kind once, then random kinds
            int kind = step < ReportChanges.KINDS ? step : random.nextInt(ReportChanges.KINDS);
            String what = tx.execute(s -> changes.change(kind));
            ReportCache.Stats s0 = cache.stats();
            List<ReportSet> now = check("step " + step + ": " + what);
            if (!now.equals(previous)) {
                visible++;
                assertThat(cache.stats().misses()).as("a visible change is computed again: %s", what).isGreaterThan(s0.misses());
            }
            previous = now;
        }
        // the test is only as strong as the changes it saw: most of them moved some figure
        assertThat(visible).isGreaterThanOrEqualTo(ReportChanges.KINDS);
    }

    @Test
    void eachKindOfChangeShowsInTheNextReport() {
        View province = new View(data.provinceId, 2026, "today", ReportKind.RESULTS, false);
        View commune = new View(data.c1, 2026, "today", ReportKind.RESULTS, false);
        long h = tx.execute(s -> changes.household(data.c4, null, "rural"));
        Results r0 = results(province);
        Results c0 = results(commune);
        hitsOnTheSecondCall(province);

        long[] decision = tx.execute(s -> decide(h, data.c4, "poor", LocalDate.of(2026, 1, 1)));
        Results r1 = results(province);
        assertThat(r1.total().all().poor()).as("a decision").isEqualTo(r0.total().all().poor() + 1);
        hitsOnTheSecondCall(province);

        jdbc.sql("UPDATE household_status SET revoked = true WHERE decision_id = :d").param("d", decision[1]).update();
        Results r2 = results(province);
        assertThat(r2.total().all()).as("a revocation").isEqualTo(r0.total().all());
        assertThat(r2).isEqualTo(r0);

        jdbc.sql("UPDATE household SET commune_id = :c WHERE province_code = :p AND id = :h")
                .param("c", data.c3).param("p", PROVINCE).param("h", h).update();
        Results r3 = results(province);
        assertThat(row(r3, data.c4).all().households()).as("a register edit of the commune").isEqualTo(row(r0, data.c4).all().households() - 1);
        assertThat(row(r3, data.c3).all().households()).isEqualTo(row(r0, data.c3).all().households() + 1);

        jdbc.sql("UPDATE household SET commune_id = :c, village_id = :v WHERE province_code = :p AND id = :h")
                .param("c", data.c1).param("v", data.vA).param("p", PROVINCE).param("h", h).update();
        Results c4 = results(commune);
        assertThat(row(c4, data.vA).all().households()).as("a register edit of the village").isEqualTo(row(c0, data.vA).all().households() + 1);

        tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE household SET life_status = 'dissolved' WHERE province_code = :p AND id = :h")
                    .param("p", PROVINCE).param("h", h).update();
            changes.event(PROVINCE, h, "dissolved", LocalDate.of(2025, 5, 1));
        });
        Results r5 = results(province);
        assertThat(r5.total().all().households()).as("a life event").isEqualTo(r0.total().all().households() - 1);
        assertThat(results(commune)).isEqualTo(c0);

        // a write with the triggers off (bulk import) moves neither the aggregates nor the key: the same report…
        long bulk = tx.execute(s -> {
            jdbc.sql("SELECT set_config('giamngheo.bulk', 'on', true)").query().listOfRows();
            return changes.household(data.c4, null, "urban");
        });
        assertThat(results(province)).isEqualTo(r5);
        // …until the rebuild that follows it
        tx.executeWithoutResult(s -> jdbc.sql("SELECT report_rebuild(:p)").param("p", PROVINCE).query().listOfRows());
        Results r6 = results(province);
        assertThat(r6.total().all().households()).as("report_rebuild").isEqualTo(r5.total().all().households() + 1);
        assertThat(row(r6, data.c4).urban().households()).isEqualTo(row(r5, data.c4).urban().households() + 1);
        assertThat(bulk).isPositive();
    }

    @Test
    void aChangeCommittedOnAnotherConnectionInvalidatesTheCache() throws Exception {
        View province = new View(data.provinceId, 2027, "today", ReportKind.RESULTS, false);
        long h = tx.execute(s -> changes.household(data.c2, null, "rural"));
        long[] decision = data.decision(data.c2, 2027, LocalDate.of(2027, 1, 1), "ND07_2021");
        Results before = results(province);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement(INSERT_STATUS)) {
                bind(ps, h, data.c2, "poor", LocalDate.of(2027, 1, 1), decision);
                ps.executeUpdate();
            }
            // not committed yet: not seen, and what is cached now is the state before
            assertThat(results(province)).isEqualTo(before);
            hitsOnTheSecondCall(province);
            other.commit();
        }
        Results after = results(province);
        assertThat(after.total().all().poor()).isEqualTo(before.total().all().poor() + 1);
        assertThat(row(after, data.c2).all().poor()).isEqualTo(row(before, data.c2).all().poor() + 1);
    }

    @Test
    void aChangeCommittedBetweenTheKeyAndTheAggregatesIsNeverServedStale() throws Exception {
        View province = new View(data.provinceId, 2026, "today", ReportKind.RESULTS, false);
        long h = tx.execute(s -> changes.household(data.c3, null, "rural"));
        long[] decision = data.decision(data.c3, 2026, LocalDate.of(2026, 1, 1), "ND07_2021");
        Results before = results(province);
        cache.clear();
        AtomicBoolean done = new AtomicBoolean();
        reports.betweenReads = () -> {
            if (done.compareAndSet(false, true)) {
                try (Connection other = dataSource.getConnection(); PreparedStatement ps = other.prepareStatement(INSERT_STATUS)) {
                    other.setAutoCommit(true);
                    bind(ps, h, data.c3, "poor", LocalDate.of(2026, 1, 1), decision);
                    ps.executeUpdate();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        Results during;
        try {
            during = reports.compute(context(province), province.kind()).results();
        } finally {
            reports.betweenReads = () -> { };
        }
        assertThat(done).isTrue();
        // the aggregates were read after the key: this request already counts the change (cached under the old key)
        assertThat(during.total().all().poor()).isEqualTo(before.total().all().poor() + 1);
        ReportCache.Stats s0 = cache.stats();
        Results next = results(province);
        assertThat(cache.stats().misses()).as("the next request reads a larger key").isGreaterThan(s0.misses());
        assertThat(next).isEqualTo(during);
    }

    @Test
    void aChangeOfTheUnitCatalogueIsSeenAlsoWhenMadeInPlace() {
        View province = new View(data.provinceId, 2026, "today", ReportKind.RESULTS, false);
        Results before = results(province);
        UnitMap m0 = units.map();
        assertThat(units.map()).as("an unchanged catalogue keeps its map").isSameAs(m0);
        String name = m0.get(data.c4).name();
        // an edit in place: no row added, the catalogue's size the same
        jdbc.sql("UPDATE admin_unit SET full_name = :n WHERE id = :c").param("n", name + " (sửa)").param("c", data.c4).update();
        try {
            UnitMap m1 = units.map();
            assertThat(m1).isNotSameAs(m0);
            assertThat(m1.size()).isEqualTo(m0.size());
            Results after = results(province);
            assertThat(row(after, data.c4).key().unit().name()).isEqualTo(name + " (sửa)");
            assertThat(row(before, data.c4).key().unit().name()).isEqualTo(name);
            assertThat(after.total()).isEqualTo(before.total());
        } finally {
            jdbc.sql("UPDATE admin_unit SET full_name = :n WHERE id = :c").param("n", name).param("c", data.c4).update();
        }
        assertThat(row(results(province), data.c4).key().unit().name()).isEqualTo(name);
        // a village created through the catalogue
        long village = geography.createVillage(data.c4, "Làng Bộ Đệm " + System.nanoTime() % 100_000, "thôn").id();
        assertThat(units.map().find(village)).isPresent();
    }

    @Test
    void aTransactionThatHasWrittenIsNeitherServedNorStored() {
        View province = new View(data.provinceId, 2026, "today", ReportKind.RESULTS, false);
        Results before = results(province);
        hitsOnTheSecondCall(province);
        ReportCache.Stats s0 = cache.stats();
        Results inside = tx.execute(s -> {
            changes.household(data.c4, null, "rural");
            Results r = reports.compute(context(province), province.kind()).results();
            s.setRollbackOnly();
            return r;
        });
        assertThat(inside.total().all().households()).as("its own change").isEqualTo(before.total().all().households() + 1);
        assertThat(cache.stats()).as("the cache was not asked").isEqualTo(s0);
        assertThat(results(province)).as("rolled back").isEqualTo(before);
    }

    @Test
    void withTheCacheOffNothingIsKept() {
        ReportCache off = new ReportCache(false);
        int[] computed = new int[1];
        ReportCache.GroupsKey key = new ReportCache.GroupsKey(null, 2026, "cause", new ReportCache.Version("e", 1));
        off.groups(key, () -> { computed[0]++; return List.of(); });
        off.groups(key, () -> { computed[0]++; return List.of(); });
        assertThat(computed[0]).isEqualTo(2);
        assertThat(off.stats()).isEqualTo(new ReportCache.Stats(0, 0));
        ReportCache on = new ReportCache(true);
        on.groups(key, () -> { computed[0]++; return List.of(); });
        on.groups(key, () -> { computed[0]++; return List.of(); });
        assertThat(computed[0]).isEqualTo(3);
        assertThat(on.stats()).isEqualTo(new ReportCache.Stats(1, 1));
    }

    @Test
    void refreshBumpsOnlyTheCommunesWhoseAggregatesMovedAndRebuildBumpsTheProvince() {
        long empty = jdbc.sql("""
                        SELECT id FROM admin_unit WHERE level = 'commune' AND valid_to IS NULL AND province_code = :p
                        AND id NOT IN (SELECT commune_id FROM report_version WHERE province_code = :p) ORDER BY code LIMIT 1""")
                .param("p", PROVINCE).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO household (province_code, household_code, commune_id, area, income_per_capita,
                            housing_quality, floor_area_m2, water_source, toilet, internet_use)
                        VALUES (:p, :code, :c, 'rural', 1000000, 'durable', 40, 'piped', 'septic', true)""")
                .param("p", OTHER).param("code", "RV" + System.nanoTime() % 100_000_000).param("c", changes.otherCommune).update();
        Map<List<Object>, Long> v0 = versions();
        long h = tx.execute(s -> changes.household(empty, null, "rural"));
        Map<List<Object>, Long> v1 = versions();
        assertThat(v1.get(key(PROVINCE, empty))).as("a new commune starts at 1").isEqualTo(1L);
        assertThat(without(v1, key(PROVINCE, empty))).isEqualTo(v0);

        // a decision recorded in c4 bumps c4 at once (V74: its rows are pending); its catch-up moves the household out
        // of the empty commune's counts from 2026 on and into c4's, and bumps both
        tx.execute(s -> decide(h, data.c4, "near_poor", LocalDate.of(2026, 1, 1)));
        Map<List<Object>, Long> decided = versions();
        assertThat(decided.get(key(PROVINCE, data.c4))).isEqualTo(v1.get(key(PROVINCE, data.c4)) + 1);
        assertThat(without(decided, key(PROVINCE, data.c4))).isEqualTo(without(v1, key(PROVINCE, data.c4)));
        catchUp.beforeRead(List.of(PROVINCE));
        Map<List<Object>, Long> v2 = versions();
        assertThat(v2.get(key(PROVINCE, empty))).isEqualTo(2L);
        assertThat(v2.get(key(PROVINCE, data.c4))).isEqualTo(v1.get(key(PROVINCE, data.c4)) + 2);
        assertThat(without(v2, key(PROVINCE, empty), key(PROVINCE, data.c4)))
                .isEqualTo(without(v1, key(PROVINCE, empty), key(PROVINCE, data.c4)));

        // a refresh whose segments come out the same (an event that does not end the household) moves nothing
        changes.event(PROVINCE, h, "registered", LocalDate.of(2026, 2, 1));
        assertThat(versions()).isEqualTo(v2);

        jdbc.sql("SELECT report_rebuild(:p)").param("p", PROVINCE).query().listOfRows();
        Map<List<Object>, Long> v3 = versions();
        assertThat(v3.keySet()).isEqualTo(v2.keySet());
        v2.forEach((k, v) -> assertThat(v3.get(k)).as("%s", k).isEqualTo(PROVINCE.equals(k.get(0)) ? v + 1 : v));
        assertThat(v2.keySet()).anyMatch(k -> !PROVINCE.equals(k.get(0)));

        jdbc.sql("SELECT report_rebuild(NULL)").query().listOfRows();
        Map<List<Object>, Long> v4 = versions();
        v3.forEach((k, v) -> assertThat(v4.get(k)).as("%s", k).isEqualTo(v + 1));

        // the key the cache relies on only grows
        assertThatThrownBy(() -> JdbcClient.create(databaseOwner.dataSource()).sql("DELETE FROM report_version WHERE province_code = :p").param("p", PROVINCE).update())
                .hasMessageContaining("never deleted");
        assertThatThrownBy(() -> jdbc.sql("UPDATE report_version SET version = version - 1").update())
                .hasMessageContaining("only grow");
        assertThatThrownBy(() -> JdbcClient.create(databaseOwner.dataSource()).sql("TRUNCATE report_version").update()).hasMessageContaining("never deleted");
        assertThat(versions()).isEqualTo(v4);
    }

    // ---- helpers

    private static final String INSERT_STATUS = """
            INSERT INTO household_status (province_code, household_id, commune_id, decision_id, round_id, list_year,
                effective_from, status, standard_code, standard_version, household_code, head_name, members, area,
                ethnic_minority, social_protection, merit)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ND07_2021', 1, 'X', 'Lò Văn C', 4, 'rural', false, false, false)""";

    private static void bind(PreparedStatement ps, long household, long commune, String status, LocalDate effective,
                             long[] decision) throws java.sql.SQLException {
        ps.setString(1, PROVINCE);
        ps.setLong(2, household);
        ps.setLong(3, commune);
        ps.setLong(4, decision[1]);
        ps.setLong(5, decision[0]);
        ps.setInt(6, effective.getYear());
        ps.setObject(7, effective);
        ps.setString(8, status);
    }

    /** A decision giving one household a status, recorded in a commune: {round id, decision id}. */
    private long[] decide(long household, long commune, String status, LocalDate effective) {
        long[] decision = data.decision(commune, effective.getYear(), effective, "ND07_2021");
        jdbc.sql(INSERT_STATUS.replace("?, ?, ?, ?, ?, ?, ?, ?", ":p, :h, :c, :d, :r, :y, :e, :s"))
                .param("p", PROVINCE).param("h", household).param("c", commune).param("d", decision[1])
                .param("r", decision[0]).param("y", effective.getYear()).param("e", effective).param("s", status).update();
        return decision;
    }

    private Results results(View v) {
        return reports.compute(context(v), v.kind()).results();
    }

    /** Asks the view twice: the second is served from the cache. */
    private void hitsOnTheSecondCall(View v) {
        Results first = results(v);
        ReportCache.Stats s0 = cache.stats();
        Results second = results(v);
        ReportCache.Stats s1 = cache.stats();
        assertThat(s1.hits()).isEqualTo(s0.hits() + 1);
        assertThat(s1.misses()).isEqualTo(s0.misses());
        assertThat(second).isSameAs(first);
    }

    private static Results.Row row(Results r, long unitId) {
        return r.rows().stream().filter(x -> x.key().unit() != null && x.key().unit().id() == unitId).findFirst()
                .orElse(new Results.Row(null, Counts.ZERO, Counts.ZERO, Counts.ZERO));
    }

    private Map<List<Object>, Long> versions() {
        Map<List<Object>, Long> v = new HashMap<>();
        jdbc.sql("SELECT province_code, commune_id, version FROM report_version").query((rs, i) ->
                v.put(key(rs.getString(1), rs.getLong(2)), rs.getLong(3))).list();
        return v;
    }

    private static List<Object> key(String province, long commune) {
        return List.of(province, commune);
    }

    @SafeVarargs
    private static Map<List<Object>, Long> without(Map<List<Object>, Long> m, List<Object>... keys) {
        Map<List<Object>, Long> copy = new HashMap<>(m);
        for (List<Object> k : keys) {
            copy.remove(k);
        }
        return copy;
    }
}
