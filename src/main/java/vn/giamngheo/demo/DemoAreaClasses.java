package vn.giamngheo.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.giamngheo.areaclass.AreaClassImport;
import vn.giamngheo.areaclass.ImportResult;
import vn.giamngheo.security.AccessScope;

/**
 * Area classes of the demonstration province, after the households (and their villages) exist: lists marked as
 * demonstration data (decision {@value #DECISION}), never official ones. Region III on a few communes of before the
 * 2025 reform (open-ended, so that today's communes inherit it by the merged-commune rule), poor communes of before
 * the reform for 2022–2025, two poor communes of today's map from 2026, and especially difficult villages of the
 * first commune. Stored through the import of lists, as an official list would be, under the actor {@value #ACTOR}.
 */
@Component
@Conditional(DemoEnabled.class)
class DemoAreaClasses implements SmartLifecycle {

    static final String DECISION = "Dữ liệu minh họa";
    static final String ACTOR = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoAreaClasses.class);

    private final JdbcClient jdbc;
    private final AreaClassImport importer;
    private final TransactionTemplate transactions;
    private final String province;
    private volatile boolean running;

    DemoAreaClasses(JdbcClient jdbc, AreaClassImport importer, TransactionTemplate transactions,
                    @Value("${giamngheo.demo.province:08}") String province) {
        this.jdbc = jdbc;
        this.importer = importer;
        this.transactions = transactions;
        this.province = province;
    }

    @Override
    public void start() {
        boolean loaded = jdbc.sql("SELECT count(*) FROM unit_area_class WHERE decision = :d").param("d", DECISION)
                .query(Long.class).single() > 0;
        if (!loaded) {
            load();
        }
        running = true;
    }

    private void load() {
        // today's communes of the province that hold households, in code order (the demonstration's communes)
        List<String> communes = jdbc.sql("""
                        SELECT c.code FROM admin_unit c
                        WHERE c.level = 'commune' AND c.province_code = :p AND c.valid_to IS NULL
                          AND EXISTS (SELECT 1 FROM household h WHERE h.province_code = :p AND h.commune_id = c.id)
                        ORDER BY c.code""")
                .param("p", province).query(String.class).list();
        if (communes.size() < 4) {
            return;
        }
        // their predecessors (old communes) in the crosswalk
        List<String> old = jdbc.sql("""
                        SELECT DISTINCT p.code FROM admin_unit c
                        JOIN unit_succession s ON s.successor_id = c.id JOIN admin_unit p ON p.id = s.predecessor_id
                        WHERE c.level = 'commune' AND c.valid_to IS NULL AND c.code IN (:codes) AND p.level = 'commune'
                        ORDER BY p.code""")
                .param("codes", communes).query(String.class).list();
        // from the later of 1 January 2026 and the village's creation (villages are created by the household import)
        List<String> villages = jdbc.sql("""
                        SELECT v.code || ',' || to_char(greatest(COALESCE(v.valid_from, DATE '2026-01-01'),
                                                              DATE '2026-01-01'), 'DD/MM/YYYY') FROM admin_unit v JOIN admin_unit c ON c.id = v.parent_id
                        WHERE v.level = 'village' AND v.valid_to IS NULL AND c.code = :code AND c.valid_to IS NULL
                        ORDER BY v.code LIMIT 3""")
                .param("code", communes.get(0)).query(String.class).list();
        StringBuilder csv = new StringBuilder("unit_code,class,decision,decision_date,valid_from,valid_to\n");
        for (int i = 0; i < old.size(); i++) {
            if (i % 3 == 0) {
                csv.append(old.get(i)).append(",region_3,").append(DECISION).append(",04/06/2021,04/06/2021,\n");
            }
            if (i % 4 == 1) {
                csv.append(old.get(i)).append(",poor_commune,").append(DECISION).append(",15/03/2022,01/01/2022,31/12/2025\n");
            }
        }
        for (String code : List.of(communes.get(1), communes.get(3))) {
            csv.append(code).append(",poor_commune,").append(DECISION).append(",,01/01/2026,\n");
        }
        for (String codeAndDay : villages) {
            String[] parts = codeAndDay.split(",");
            csv.append(parts[0]).append(",difficult_village,").append(DECISION).append(",16/09/2021,")
                    .append(parts[1]).append(",\n");
        }
        ImportResult result = transactions.execute(status -> {
            jdbc.sql("SELECT set_config('giamngheo.username', :actor, true)").param("actor", ACTOR)
                    .query(String.class).single();
            return importer.importList("demo-area-classes.csv", csv.toString().getBytes(StandardCharsets.UTF_8), false,
                    AccessScope.NATIONAL, ACTOR);
        });
        if (result.stored()) {
            LOG.info("Demonstration data: {} area-class rows ({} on communes before the 2025 reform)",
                    result.rows().size(), result.oldUnits());
        } else {
            LOG.warn("Demonstration area classes not stored: {}", result.problems());
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the demonstration's households and villages ({@link DemoDataLoader}), before the web server. */
    @Override
    public int getPhase() {
        return DemoDataLoader.PHASE + 1;
    }
}
