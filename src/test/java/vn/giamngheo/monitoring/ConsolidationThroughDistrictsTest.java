package vn.giamngheo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.monitoring.rules.IndicatorValue;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Three levels before July 2025: communes → district → province. A district fills its report from the approved
 * reports of its communes (prefilled entered figures), so the province's consolidation carries the communes'
 * figures; checked against sums read straight from the tables.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=monitor2")
@Import(MonitoringTestClock.class)
class ConsolidationThroughDistrictsTest {

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired MonitoringReports reports;
    @Autowired MonitoringIndicators indicators;
    @Autowired MonitoringTestClock.Settable clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aProvinceTotalCarriesTheCommunesThroughTheirDistricts() {
        // an old (pre-July 2025) province with two districts of at least three and one communes
        long province = jdbc.sql("""
                        SELECT p.id FROM admin_unit p WHERE p.level = 'province' AND p.valid_to = DATE '2025-06-30'
                          AND p.code = '08'""").query(Long.class).single();
        List<Long> districts = jdbc.sql("""
                        SELECT d.id FROM admin_unit d WHERE d.parent_id = :p AND d.level = 'district'
                          AND (SELECT count(*) FROM admin_unit c WHERE c.parent_id = d.id AND c.level = 'commune') >= 3
                        ORDER BY d.code LIMIT 2""").param("p", province).query(Long.class).list();
        long d1 = districts.get(0);
        long d2 = districts.get(1);
        List<Long> communes1 = communes(d1);
        long c11 = communes1.get(0);
        long c12 = communes1.get(1);
        long c13 = communes1.get(2);
        long c21 = communes(d2).get(0);
        CurrentUser admin = user(Role.ADMINISTRATOR, null);
        CurrentUser provinceOfficer = user(Role.PROVINCE_OFFICER, province);
        CurrentUser district1 = user(Role.PROVINCE_OFFICER, d1);
        CurrentUser district2 = user(Role.PROVINCE_OFFICER, d2);
        long capacity = indicators.indicators().stream().filter(i -> i.code().equals("CAPACITY_TRAINED")).findFirst().orElseThrow().id();

        reports.createPeriod(province, ReportKind.HALF_YEAR, 2024, 1, admin);
        clock.setDay(LocalDate.of(2024, 6, 20));
        // communes: 3 and 5 approved in district 1, 100 sent but not approved; 7 approved in district 2
        sendCommune(c11, "3", capacity);
        sendCommune(c12, "5", capacity);
        sendCommune(c13, "100", capacity);
        sendCommune(c21, "7", capacity);
        reports.approve(reportOf(c11), null, district1);
        reports.approve(reportOf(c12), null, district1);
        reports.approve(reportOf(c21), null, district2);

        // district 1 fills from the page without typing anything: its entered figures start from its communes
        long r1 = reportOf(d1);
        assertThat(reports.prefill(reports.get(r1, district1)).get(capacity).numerator()).isEqualByComparingTo("8");
        reports.fill(r1, Map.of(), null, district1);
        reports.submit(r1, null, district1);
        // district 2 sends without filling (API path): the consolidation is stored on submission
        long r2 = reportOf(d2);
        reports.submit(r2, null, district2);
        reports.approve(r1, null, provinceOfficer);
        reports.approve(r2, null, provinceOfficer);

        assertThat(stored(r1, capacity)).isEqualByComparingTo(approvedCommunes(d1, capacity)).isEqualByComparingTo("8");
        assertThat(stored(r2, capacity)).isEqualByComparingTo(approvedCommunes(d2, capacity)).isEqualByComparingTo("7");
        long provinceReport = reportOf(province);
        IndicatorValue total = reports.consolidated(provinceReport, provinceOfficer).values().get(capacity);
        assertThat(total.numerator()).isEqualByComparingTo(approvedCommunes(province, capacity)).isEqualByComparingTo("15");
        // the province's own report, sent without filling, carries the same total
        reports.submit(provinceReport, null, provinceOfficer);
        assertThat(stored(provinceReport, capacity)).isEqualByComparingTo("15");
        assertThat(reports.approve(provinceReport, null, admin).status().code()).isEqualTo("approved");

        // a commune's own report never takes anything from below
        assertThat(reports.prefill(reports.get(reportOf(c11), admin))).isEmpty();
    }

    private void sendCommune(long commune, String value, long capacity) {
        CurrentUser officer = user(Role.COMMUNE_OFFICER, commune);
        long id = reportOf(commune);
        reports.fill(id, Map.of(capacity, IndicatorValue.count(new BigDecimal(value))), null, officer);
        reports.submit(id, null, officer);
    }

    /** Independent: the approved commune reports of the period anywhere below the unit, summed in SQL. */
    private BigDecimal approvedCommunes(long unit, long indicator) {
        return jdbc.sql("""
                        SELECT sum(v.numerator) FROM monitoring_report_value v
                          JOIN monitoring_report r ON r.id = v.report_id
                          JOIN admin_unit c ON c.id = r.unit_id
                          JOIN admin_unit top ON top.id = :unit
                         WHERE v.indicator_id = :i AND c.level = 'commune' AND starts_with(c.path, top.path)
                           AND r.kind = 'half_year' AND r.year = 2024 AND r.status = 'approved'""")
                .param("unit", unit).param("i", indicator).query(BigDecimal.class).single();
    }

    private BigDecimal stored(long report, long indicator) {
        return jdbc.sql("SELECT numerator FROM monitoring_report_value WHERE report_id = :r AND indicator_id = :i")
                .param("r", report).param("i", indicator).query(BigDecimal.class).single();
    }

    private long reportOf(long unit) {
        return jdbc.sql("SELECT id FROM monitoring_report WHERE unit_id = :u AND kind = 'half_year' AND year = 2024 AND number = 1")
                .param("u", unit).query(Long.class).single();
    }

    private List<Long> communes(long district) {
        return jdbc.sql("SELECT id FROM admin_unit WHERE parent_id = :d AND level = 'commune' ORDER BY code")
                .param("d", district).query(Long.class).list();
    }

    private CurrentUser user(Role role, Long unit) {
        String name = "m2-" + role.name().toLowerCase().replace('_', '-') + System.nanoTime();
        users.create(name, "password-123", "Test " + name, role, unit);
        return users.findByUsername(name).orElseThrow();
    }
}
