package vn.giamngheo.demo;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * A province's own support policy in the demonstration province (issue 24 point 3), marked as demonstration data:
 * a health-insurance top-up for people aged 80 and over of poor, near-poor and average households, priced at the
 * card's yearly price and co-funded 30 % by the provincial budget and 70 % by the central budget from 1 January of
 * the year, with a few cards recorded in the first commune (some of them to people the rule does not cover, so that
 * the leakage list shows something). Stored under the actor {@value #ACTOR}; never an official policy.
 */
@Component
@Conditional(DemoEnabled.class)
class DemoProvincialPolicy implements SmartLifecycle {

    static final String CODE = "BHYT_TREN_80";
    static final String ACTOR = "demo";
    /** The card's yearly price: 4.5 % of the base salary of 2,340,000 đồng × 12 months (Decree 73/2024). */
    static final long CARD_PRICE = 1_263_600L;
    private static final Logger LOG = LoggerFactory.getLogger(DemoProvincialPolicy.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String province;
    private volatile boolean running;

    DemoProvincialPolicy(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
                         @Value("${giamngheo.demo.province:08}") String province) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.province = province;
    }

    @Override
    public void start() {
        boolean loaded = jdbc.sql("SELECT count(*) FROM support_policy WHERE code = :c AND province_code = :p")
                .param("c", CODE).param("p", province).query(Long.class).single() > 0;
        boolean households = jdbc.sql("SELECT count(*) > 0 FROM household WHERE province_code = :p")
                .param("p", province).query(Boolean.class).single();
        if (!loaded && households) {
            transactions.executeWithoutResult(status -> load());
        }
        running = true;
    }

    private void load() {
        LocalDate yearStart = LocalDate.now(clock).withDayOfYear(1);
        jdbc.sql("SELECT set_config('giamngheo.username', :actor, true)").param("actor", ACTOR).query(String.class).single();
        long id = jdbc.sql("""
                        INSERT INTO support_policy (code, name_vi, name_en, beneficiary, statuses, min_age, valid_from,
                            benefit_kind, amount_vnd, amount_unit, funding_source, programme_item, legal_source,
                            confidence, note, updated_by, province_code)
                        VALUES (:code, 'Hỗ trợ thẻ bảo hiểm y tế cho người từ đủ 80 tuổi (chính sách riêng của tỉnh)',
                            'Provincial health-insurance card for people aged 80 and over', 'person',
                            CAST(:statuses AS text[]), 80, :from, 'card', :price, 'đồng/thẻ/năm', 'mixed',
                            'Chính sách chung – bảo hiểm y tế',
                            'Dữ liệu minh họa: nghị quyết giả định của Hội đồng nhân dân tỉnh', '?',
                            'Dữ liệu minh họa, không phải chính sách thật của tỉnh [?].', :actor, :province)
                        RETURNING id""")
                .param("code", CODE).param("statuses", "{" + PovertyStatus.POOR.code() + ","
                        + PovertyStatus.NEAR_POOR.code() + "," + PovertyStatus.AVERAGE.code() + "}")
                .param("from", yearStart).param("price", CARD_PRICE).param("actor", ACTOR).param("province", province)
                .query(Long.class).single();
        for (String[] share : new String[][] {{"local_budget", "30"}, {"central_budget", "70"}}) {
            jdbc.sql("""
                            INSERT INTO support_policy_share (policy_id, valid_from, funding_source, share_percent, created_by)
                            VALUES (:id, :from, :source, CAST(:percent AS numeric), :actor)""")
                    .param("id", id).param("from", yearStart).param("source", share[0]).param("percent", share[1])
                    .param("actor", ACTOR).update();
        }
        // a few cards in the first commune with households: the oldest members first, on 15 January
        int cards = jdbc.sql("""
                        INSERT INTO benefit_record (province_code, household_id, member_no, policy_id, benefit_date,
                            reference_no, note, source, recorded_by)
                        SELECT m.province_code, m.household_id, m.member_no, :id, :day, 'DEMO-80-' || row_number() OVER (),
                               'Dữ liệu minh họa', 'form', :actor
                          FROM household_member m JOIN household h ON h.province_code = m.province_code
                                                                  AND h.id = m.household_id
                         WHERE h.province_code = :province
                           AND h.commune_id = (SELECT min_by.id FROM (SELECT c.id FROM admin_unit c
                                 WHERE c.level = 'commune' AND c.province_code = :province AND c.valid_to IS NULL
                                   AND EXISTS (SELECT 1 FROM household x WHERE x.province_code = :province
                                                 AND x.commune_id = c.id)
                                 ORDER BY c.code LIMIT 1) min_by)
                         ORDER BY m.birth_date, m.household_id, m.member_no LIMIT 6""")
                .param("id", id).param("day", yearStart.plusDays(14)).param("actor", ACTOR).param("province", province)
                .update();
        LOG.info("Demonstration data: provincial policy {} of province {} (30 % provincial, 70 % central budget), {} cards",
                CODE, province, cards);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the households, reviews and area classes ({@link DemoDataLoader}, {@link DemoAreaClasses}). */
    @Override
    public int getPhase() {
        return DemoDataLoader.PHASE + 2;
    }
}
