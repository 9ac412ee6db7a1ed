package vn.giamngheo.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.HouseholdBulkWriter;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * On the first start (no users yet) creates demonstration users for every role and a few thousand
 * generated households on the real communes of one province, with villages. Reproducible by seed.
 */
@Component
@org.springframework.context.annotation.Conditional(DemoEnabled.class)
class DemoDataLoader implements ApplicationRunner {

    static final String DEMO_PASSWORD = "giamngheo2026";
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final HouseholdBulkWriter writer;
    private final HouseholdRegistry registry;
    private final GeographyCatalog geography;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String province;
    private final int households;
    private final long seed;
    private final DemoReviews reviews;
    private final boolean withReviews;
    private final DemoPlans plans;

    DemoDataLoader(JdbcClient jdbc, UserAccounts users, HouseholdBulkWriter writer, HouseholdRegistry registry, GeographyCatalog geography, TransactionTemplate transactions,
                   Clock clock, @Value("${giamngheo.demo.province:08}") String province,
                   @Value("${giamngheo.demo.households:3000}") int households,
                   @Value("${giamngheo.demo.seed:20261122}") long seed, DemoReviews reviews,
                   @Value("${giamngheo.demo.reviews:true}") boolean withReviews, DemoPlans plans) {
        this.jdbc = jdbc;
        this.users = users;
        this.writer = writer;
        this.registry = registry;
        this.geography = geography;
        this.transactions = transactions;
        this.clock = clock;
        this.province = province;
        this.households = households;
        this.seed = seed;
        this.reviews = reviews;
        this.withReviews = withReviews;
        this.plans = plans;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.exists("admin")) {
            return;
        }
        transactions.executeWithoutResult(status -> load());
    }

    private void load() {
        LocalDate today = LocalDate.now(clock);
        long provinceId = jdbc.sql("SELECT id FROM admin_unit WHERE level = 'province' AND code = :c AND valid_to IS NULL")
                .param("c", province).query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("giamngheo.demo.province=" + province
                        + " is not a province of today's map (34 provinces, e.g. 08 Tuyên Quang)"));
        List<Commune> communes = jdbc.sql("""
                        SELECT id, code, full_name, area_type FROM admin_unit
                        WHERE level = 'commune' AND province_code = :p AND valid_to IS NULL ORDER BY code LIMIT 12""")
                .param("p", province)
                .query((rs, i) -> new Commune(rs.getLong("id"), rs.getString("code"), rs.getString("full_name"),
                        !"rural".equals(rs.getString("area_type"))))
                .list();
        if (communes.size() < 2) {
            throw new IllegalStateException("giamngheo.demo.province=" + province
                    + " needs a province of today's map with at least two communes");
        }
        users.create("admin", DEMO_PASSWORD, "Quản trị hệ thống", Role.ADMINISTRATOR, null);
        users.create("bo", DEMO_PASSWORD, "Cán bộ Bộ Nông nghiệp và Môi trường", Role.MINISTRY_VIEWER, null);
        users.create("tinh", DEMO_PASSWORD, "Cán bộ Sở tỉnh", Role.PROVINCE_OFFICER, provinceId);
        users.create("xa", DEMO_PASSWORD, "Cán bộ " + communes.get(0).name(), Role.COMMUNE_OFFICER, communes.get(0).id());
        users.create("chutich", DEMO_PASSWORD, "Chủ tịch " + communes.get(0).name(), Role.COMMUNE_CHAIR, communes.get(0).id());
        users.create("xa2", DEMO_PASSWORD, "Cán bộ " + communes.get(1).name(), Role.COMMUNE_OFFICER, communes.get(1).id());

        HouseholdGenerator generator = new HouseholdGenerator(seed, 0.55, today, 8);
        List<HouseholdBulkWriter.NewHousehold> batch = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            Commune c = communes.get(i < households / 2 ? 0 : 1 + i % (communes.size() - 1));
            HouseholdForm form = generator.next(c.code(), String.format("HN%05d", i + 1), c.urban());
            form.setVillageId(village(c, 1 + i % 6));
            batch.add(new HouseholdBulkWriter.NewHousehold(c.id(), province, form));
        }
        writer.write(batch, null);
        registry.reclassifyAll();
        LOG.info("Demonstration data: {} households on {} communes of province {}; users admin, bo, tinh, xa, chutich, xa2",
                households, communes.size(), province);
        if (withReviews) {
            long started = System.nanoTime();
            int decided = reviews.load(communes.stream().map(Commune::id).toList(), seed);
            LOG.info("Demonstration review: periodic review of 2025 decided and approved in {} communes, review of 2026 "
                    + "collecting in the first ({} ms)", decided, (System.nanoTime() - started) / 1_000_000);
            int cascaded = plans.load(provinceId);
            LOG.info("Demonstration plan: province plan of 2026 cascaded to {} communes, with a coverage target and "
                    + "the 2026–2030 goal", cascaded);
        }
    }

    private final java.util.Map<String, Long> villages = new java.util.HashMap<>();

    private Long village(Commune c, int n) {
        return villages.computeIfAbsent(c.code() + "-" + n,
                key -> geography.createVillage(c.id(), (c.urban() ? "Tổ dân phố " : "Thôn ") + n, c.urban() ? "tổ dân phố" : "thôn").id());
    }

    private record Commune(long id, String code, String name, boolean urban) {
    }
}
