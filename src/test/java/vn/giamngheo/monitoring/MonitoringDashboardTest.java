package vn.giamngheo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.programme.ProgrammeNotFoundException;

/**
 * The dashboard's overdue list with real overdue reports (the third quarter of 2025 opened for a whole province):
 * kind and period, a link to each report, the total beyond the 20 shown, the selected unit's subtree within the
 * user's area. And the ministry-date warning on the report page and in the API.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=monitor2")
@Import(MonitoringTestClock.class)
class MonitoringDashboardTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired MonitoringReports reports;
    @Autowired vn.giamngheo.setting.Parameters parameters;
    @Autowired MonitoringTestClock.Settable clock;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theDashboardListsTheSelectedUnitsOverdueReportsWithLinksAndTheirNumber() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        long province = fixture.unitId("province", "08");
        String communeCode = fixture.communeCode("08", 50);
        long commune = fixture.unitId("commune", communeCode);
        CurrentUser provinceOfficer = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        CurrentUser communeOfficer = fixture.user(Role.COMMUNE_OFFICER, "commune", communeCode);
        // data 15 June – 14 September 2025, due 3 October 2025: overdue on 15 January 2026, for the province and every commune
        reports.createPeriod(province, ReportKind.QUARTER, 2025, 3, provinceOfficer);
        clock.setDay(LocalDate.of(2026, 1, 15));
        long total = jdbc.sql("""
                        SELECT count(*) FROM monitoring_report r JOIN admin_unit u ON u.id = r.unit_id
                        JOIN admin_unit p ON p.id = :p
                        WHERE starts_with(u.path, p.path) AND r.status IN ('draft', 'returned') AND r.due_date < DATE '2026-01-15'""")
                .param("p", province).query(Long.class).single();
        assertThat(total).isGreaterThan(20);

        String html = mvc.perform(get("/dashboard").param("unit", String.valueOf(province)).with(user(provinceOfficer)))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"overdue-total\"", "Có " + total + " báo cáo quá hạn; liệt kê 20 báo cáo",
                "Quý 3/2025", "kỳ số liệu 15/06/2025 – 14/09/2025, hạn gửi 03/10/2025");
        Matcher links = Pattern.compile("href=\"/monitoring/reports/(\\d+)\"").matcher(html.substring(html.indexOf("id=\"overdue\"")));
        int shown = 0;
        while (links.find()) {
            long id = Long.parseLong(links.group(1));
            assertThat(jdbc.sql("SELECT status FROM monitoring_report WHERE id = :id").param("id", id).query(String.class).single())
                    .isEqualTo("draft");
            shown++;
        }
        assertThat(shown).isEqualTo(20);

        // the commune selected on the dashboard: only its own report, no total line
        long communeReport = jdbc.sql("SELECT id FROM monitoring_report WHERE unit_id = :u AND kind = 'quarter' AND year = 2025 AND number = 3")
                .param("u", commune).query(Long.class).single();
        String communeHtml = mvc.perform(get("/dashboard").param("unit", String.valueOf(commune)).with(user(provinceOfficer)))
                .andReturn().getResponse().getContentAsString();
        String list = communeHtml.substring(communeHtml.indexOf("id=\"overdue\""), communeHtml.indexOf("</ul>", communeHtml.indexOf("id=\"overdue\"")));
        assertThat(list).contains("href=\"/monitoring/reports/" + communeReport + "\"");
        assertThat(Pattern.compile("href=\"/monitoring/reports/").matcher(list).results().count()).isEqualTo(1);
        assertThat(communeHtml).doesNotContain("id=\"overdue-total\"");
        // the commune officer's own dashboard is its commune, whatever the province holds
        String own = mvc.perform(get("/dashboard").param("lang", "en").with(user(communeOfficer))).andReturn().getResponse().getContentAsString();
        assertThat(own).contains("href=\"/monitoring/reports/" + communeReport + "\"", "Quarter 3/2025", "due 03/10/2025")
                .doesNotContain("id=\"overdue-total\"");
        assertThatThrownBy(() -> reports.overdue(province, communeOfficer, LocalDate.of(2026, 1, 15), 20))
                .isInstanceOf(ProgrammeNotFoundException.class);
    }

    @Test
    void aMinistryDateBeforeTheDataEndIsShownOnThePageAndInTheApi() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String communeCode = fixture.communeCode("08", 51);
        long commune = fixture.unitId("commune", communeCode);
        CurrentUser provinceOfficer = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", communeCode);
        reports.createPeriod(commune, ReportKind.HALF_YEAR, 2026, 1, provinceOfficer);
        reports.createPeriod(commune, ReportKind.NINE_MONTHS, 2026, 1, provinceOfficer);
        long half = reportId(commune, "half_year");
        long nine = reportId(commune, "nine_months");

        String page = mvc.perform(get("/monitoring/reports/" + half).with(user(officer))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"ministry-before-data-end\"", "hạn gửi các bộ (31/05/2026) trùng hoặc trước ngày chốt số liệu của báo cáo (14/06/2026)",
                "15/12/2025 – 14/06/2026");
        String api = mvc.perform(get("/api/v1/monitoring/reports/" + half).with(user(officer))).andReturn().getResponse().getContentAsString();
        assertThat(api).contains("\"ministryDueBeforeDataEnd\":true", "\"code\":\"ministryDueBeforeDataEnd\"",
                "the date for the ministries (2026-05-31) is on or before the last day of the report's data (2026-06-14)",
                "hạn gửi các bộ (2026-05-31)");
        // a 9-month report has no ministry date: no warning
        assertThat(mvc.perform(get("/monitoring/reports/" + nine).with(user(officer))).andReturn().getResponse().getContentAsString())
                .doesNotContain("id=\"ministry-before-data-end\"");
        assertThat(mvc.perform(get("/api/v1/monitoring/reports/" + nine).with(user(officer))).andReturn().getResponse().getContentAsString())
                .contains("\"ministryDueBeforeDataEnd\":false", "\"warnings\":[]");
    }

    @Test
    void theDataPeriodIsAParameterShownWithItsSourceAndDrivesNewPeriods() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        String html = mvc.perform(get("/admin/parameters").with(user(admin))).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("monitoring.report.data_end.half_year", "06-14", "Nghị định 09/2019/NĐ-CP, Điều 12",
                "monitoring.report.data_end.nine_months", "monitoring.health_insurance.card_months");
        assertThat(parameters.get("monitoring.report.data_end.half_year").confidence()).isEqualTo("?");

        String communeCode = fixture.communeCode("08", 52);
        long commune = fixture.unitId("commune", communeCode);
        CurrentUser provinceOfficer = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        parameters.update("monitoring.report.data_end.half_year", "05-15", admin);
        try {
            reports.createPeriod(commune, ReportKind.HALF_YEAR, 2029, 1, provinceOfficer);
        } finally {
            parameters.update("monitoring.report.data_end.half_year", "06-14", admin);
        }
        Report r = reports.get(jdbc.sql("SELECT id FROM monitoring_report WHERE unit_id = :u AND kind = 'half_year' AND year = 2029")
                .param("u", commune).query(Long.class).single(), provinceOfficer);
        // data to Tuesday 15 May 2029: due on the 15th working day after it, 5 June; the ministry date is after the data end
        assertThat(r.periodStart()).isEqualTo(LocalDate.of(2028, 12, 15));
        assertThat(r.periodEnd()).isEqualTo(LocalDate.of(2029, 5, 15));
        assertThat(r.dueDate()).isEqualTo(LocalDate.of(2029, 6, 5));
        assertThat(r.ministryDueBeforeDataEnd()).isFalse();
        // the bounds keep the ends in order (6 months before the 9 months' August–October)
        assertThatThrownBy(() -> parameters.update("monitoring.report.data_end.half_year", "08-01", admin))
                .isInstanceOf(vn.giamngheo.setting.InvalidSettingException.class);
    }

    private long reportId(long unit, String kind) {
        return jdbc.sql("SELECT id FROM monitoring_report WHERE unit_id = :u AND kind = :k AND year = 2026 AND number = 1")
                .param("u", unit).param("k", kind).query(Long.class).single();
    }
}
