package vn.giamngheo.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.system.TableStatistics;

/**
 * On the first start (no users yet) creates demonstration users for every role and generated households on the real
 * communes of one province, with villages, then the review and the plan ({@link DemoHouseholds}, {@link DemoReviews},
 * {@link DemoPlans}). Reproducible by seed. It runs while the application starts, before the web server opens its
 * port: once the login page answers, the demonstration users can log in and find their data.
 */
@Component
@Conditional(DemoEnabled.class)
class DemoDataLoader implements SmartLifecycle {

    static final String DEMO_PASSWORD = "giamngheo2026";
    /** Before the web server's start (Spring Boot starts it in phase {@code Integer.MAX_VALUE - 2048}). */
    static final int PHASE = Integer.MAX_VALUE - 4096;
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final int COMMUNES = 12;

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final DemoHouseholds households;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String province;
    private final int householdCount;
    private final long seed;
    private final DemoReviews reviews;
    private final boolean withReviews;
    private final DemoPlans plans;
    private final vn.giamngheo.agency.AgencyRegistry agencyRegistry;
    private final DemoTasks demoTasks;
    private final DemoCredit credit;
    private final TableStatistics statistics;
    private volatile boolean running;

    DemoDataLoader(JdbcClient jdbc, UserAccounts users, DemoHouseholds households, TransactionTemplate transactions,
                   Clock clock, @Value("${giamngheo.demo.province:08}") String province,
                   @Value("${giamngheo.demo.households:3000}") int householdCount,
                   @Value("${giamngheo.demo.seed:20261122}") long seed, DemoReviews reviews,
                   @Value("${giamngheo.demo.reviews:true}") boolean withReviews, DemoPlans plans,
                   vn.giamngheo.agency.AgencyRegistry agencyRegistry, DemoTasks demoTasks, DemoCredit credit,
                   TableStatistics statistics) {
        this.credit = credit;
        this.statistics = statistics;
        this.agencyRegistry = agencyRegistry;
        this.demoTasks = demoTasks;
        this.jdbc = jdbc;
        this.users = users;
        this.households = households;
        this.transactions = transactions;
        this.clock = clock;
        this.province = province;
        this.householdCount = householdCount;
        this.seed = seed;
        this.reviews = reviews;
        this.withReviews = withReviews;
        this.plans = plans;
    }

    @Override
    public void start() {
        if (!users.exists("admin")) {
            load();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void load() {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        AccessScope provinceScope = jdbc.sql("""
                        SELECT id, path, province_code FROM admin_unit
                        WHERE level = 'province' AND code = :c AND valid_to IS NULL""")
                .param("c", province)
                .query((rs, i) -> new AccessScope(rs.getLong(1), rs.getString(2), rs.getString(3))).optional()
                .orElseThrow(() -> new IllegalStateException("giamngheo.demo.province=" + province
                        + " is not a province of today's map (34 provinces, e.g. 08 Tuyên Quang)"));
        List<DemoHouseholds.Commune> communes = communes();
        // the households first, through the bulk import (its own transactions); skipped when an earlier start stored
        // them and then failed before the users existed
        if (jdbc.sql("SELECT count(*) FROM household WHERE province_code = :p").param("p", province)
                .query(Long.class).single() == 0) {
            long stored = households.load(communes, provinceScope, seed, today, today.getYear());
            LOG.info("Demonstration data: {} households on {} communes of province {} ({} in the first, {} villages there)",
                    stored, communes.size(), province, communes.get(0).households(),
                    DemoVillages.villages(communes.get(0).households(), true));
        }
        transactions.executeWithoutResult(status -> usersReviewsAndPlans(provinceScope.unitId(), communes));
        // the review's tens of thousands of rows analysed before the first page opens, not at the autovacuum's next
        // round (a minute later: the indicators page took seconds to a minute until then; V70)
        long analysing = System.nanoTime();
        List<String> analysed = statistics.refresh();
        LOG.info("Demonstration statistics: {} tables analysed ({} ms)", analysed.size(),
                (System.nanoTime() - analysing) / 1_000_000);
        LOG.info("Demonstration ready in {} s: users admin, bo, tinh, xa, chutich, xa2",
                (System.nanoTime() - started) / 1_000_000_000);
    }

    private List<DemoHouseholds.Commune> communes() {
        List<DemoHouseholds.Commune> units = jdbc.sql("""
                        SELECT id, code, full_name, area_type FROM admin_unit
                        WHERE level = 'commune' AND province_code = :p AND valid_to IS NULL ORDER BY code LIMIT :n""")
                .param("p", province).param("n", COMMUNES)
                .query((rs, i) -> new DemoHouseholds.Commune(rs.getLong("id"), rs.getString("code"),
                        rs.getString("full_name"), !"rural".equals(rs.getString("area_type")), 0))
                .list();
        if (units.size() < 2) {
            throw new IllegalStateException("giamngheo.demo.province=" + province
                    + " needs a province of today's map with at least two communes");
        }
        int[] shares = DemoHouseholds.shares(householdCount, units.size());
        List<DemoHouseholds.Commune> communes = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            DemoHouseholds.Commune c = units.get(i);
            communes.add(new DemoHouseholds.Commune(c.id(), c.code(), c.name(), c.urban(), shares[i]));
        }
        return communes;
    }

    private void usersReviewsAndPlans(long provinceId, List<DemoHouseholds.Commune> communes) {
        DemoHouseholds.Commune first = communes.get(0);
        DemoHouseholds.Commune second = communes.get(1);
        users.create("admin", DEMO_PASSWORD, "Quản trị hệ thống", Role.ADMINISTRATOR, null);
        users.create("bo", DEMO_PASSWORD, "Cán bộ Bộ Nông nghiệp và Môi trường", Role.MINISTRY_VIEWER, null);
        users.create("tinh", DEMO_PASSWORD, "Cán bộ Sở tỉnh", Role.PROVINCE_OFFICER, provinceId);
        users.create("xa", DEMO_PASSWORD, "Cán bộ " + first.name(), Role.COMMUNE_OFFICER, first.id());
        users.create("chutich", DEMO_PASSWORD, "Chủ tịch " + first.name(), Role.COMMUNE_CHAIR, first.id());
        users.create("xa2", DEMO_PASSWORD, "Cán bộ " + second.name(), Role.COMMUNE_OFFICER, second.id());
        // the offices of the two communes that have users (issue 21: commune offices are created on demand)
        users.findByUsername("admin").ifPresent(admin -> List.of(first, second)
                .forEach(c -> agencyRegistry.createCommuneOffices(c.id(), null, admin)));
        int officers = demoTasks.officers(province, DEMO_PASSWORD);
        LOG.info("Demonstration agency officers: {} (sonnmt, nhcsxh, hoiphunu)", officers);
        if (withReviews) {
            long started = System.nanoTime();
            int decided = reviews.load(communes.stream().map(DemoHouseholds.Commune::id).toList(), seed);
            LOG.info("Demonstration review: periodic review of 2025 decided and approved in {} communes, review of 2026 "
                    + "collecting in the first ({} ms)", decided, (System.nanoTime() - started) / 1_000_000);
            started = System.nanoTime();
            int loans = credit.load(province, seed, LocalDate.now(clock));
            LOG.info("Demonstration credit: {} policy loans with their balances, and workers abroad ({} ms)", loans,
                    (System.nanoTime() - started) / 1_000_000);
            int cascaded = plans.load(provinceId);
            LOG.info("Demonstration plan: province plan of 2026 cascaded to {} communes, with a coverage target and "
                    + "the 2026–2030 goal", cascaded);
            LOG.info("Demonstration tasks of the province's plan of 2026: {}", demoTasks.tasks(provinceId, province));
        }
    }
}
