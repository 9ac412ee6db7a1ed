package vn.giamngheo.setting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/** Parameters and the holiday calendar on PostgreSQL, through the services, the pages and the API. */
@Tag("database")
@SpringBootTest
class SettingDatabaseTest {

    static final String START_DAY = "review.monthly.start_day";

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired Parameters parameters;
    @Autowired PublicHolidays holidays;
    MockMvc mvc;
    RegistryFixture fixture;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        fixture = new RegistryFixture(jdbc, users);
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theSeededParametersReadWithTheirTypes() {
        assertThat(parameters.monthDay("review.periodic.start")).isEqualTo(MonthDay.of(9, 1));
        assertThat(parameters.monthDay("review.periodic.end")).isEqualTo(MonthDay.of(12, 14));
        assertThat(parameters.intValue("review.monthly.decision_days")).isEqualTo(15);
        assertThat(parameters.intValue("review.posting.working_days")).isEqualTo(3);
        assertThat(parameters.intValue("review.complaint.working_days")).isEqualTo(3);
        assertThat(parameters.decimalValue("review.meeting.agreement_threshold")).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(parameters.intValue("movement.newly_escaped.months")).isEqualTo(36);
        assertThat(parameters.text("review.district_level.until")).isEqualTo("2025-06-30");
        assertThat(parameters.all()).hasSizeGreaterThanOrEqualTo(9)
                .allSatisfy(p -> assertThat(p.legalSource()).isNotBlank())
                .allSatisfy(p -> assertThat(p.confidence()).isIn("S", "S2", "?"));
        assertThat(parameters.get("movement.newly_escaped.months").confidence()).isEqualTo("?");
    }

    @Test
    void anUnknownKeyOrAnotherTypeIsAClearError() {
        assertThatThrownBy(() -> parameters.intValue("review.no_such_thing"))
                .isInstanceOf(UnknownParameterException.class).hasMessageContaining("review.no_such_thing");
        assertThatThrownBy(() -> parameters.intValue("review.periodic.start"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("month_day");
        assertThatThrownBy(() -> parameters.flag(START_DAY)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @CsvSource({"0, setting.error.below", "29, setting.error.above", "fifteen, setting.error.integer", "'', setting.error.empty"})
    void aWrongValueStoresNothing(String value, String problem) {
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        ParameterView before = parameters.get(START_DAY);
        long audits = audits();
        assertThatThrownBy(() -> parameters.update(START_DAY, value, admin))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(START_DAY)
                .satisfies(e -> assertThat(((InvalidSettingException) e).problems())
                        .extracting(SettingProblem::messageKey).containsExactly(problem));
        assertThat(parameters.get(START_DAY)).isEqualTo(before);
        assertThat(audits()).isEqualTo(audits);
    }

    @Test
    void onlyAnAdministratorChangesAValue() {
        String commune = fixture.communeCode("08", 0);
        for (CurrentUser other : List.of(fixture.user(Role.COMMUNE_CHAIR, "commune", commune),
                fixture.user(Role.PROVINCE_OFFICER, "province", "08"), fixture.user(Role.MINISTRY_VIEWER, null, null))) {
            assertThatThrownBy(() -> parameters.update(START_DAY, "16", other)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(parameters.intValue(START_DAY)).isEqualTo(15);
    }

    @Test
    void aChangeRecordsWhoMadeItAndIsAudited() {
        CurrentUser admin = fixture.loginAs(Role.ADMINISTRATOR, null, null);
        long audits = audits();
        try {
            ParameterView changed = parameters.update(START_DAY, " 20 ", admin);
            assertThat(changed.value()).isEqualTo("20");
            assertThat(changed.updatedBy()).isEqualTo(admin.getUsername());
            assertThat(parameters.intValue(START_DAY)).isEqualTo(20);
            assertThat(audits()).isEqualTo(audits + 1);
            String audit = jdbc.sql("""
                            SELECT username || ' ' || action || ' ' || (before_value ->> 'value') || '→' || (after_value ->> 'value')
                            FROM audit_log WHERE entity = 'parameter' ORDER BY id DESC LIMIT 1""")
                    .query(String.class).single();
            assertThat(audit).isEqualTo(admin.getUsername() + " UPDATE 15→20");
        } finally {
            parameters.update(START_DAY, "15", admin);
        }
    }

    @Test
    void anAnnouncedWorkingSaturdayAndAnExtraDayOffChangeTheDeadlines() {
        CurrentUser admin = fixture.loginAs(Role.ADMINISTRATOR, null, null);
        LocalDate friday = LocalDate.of(2030, 3, 8);
        LocalDate saturday = LocalDate.of(2030, 3, 9);
        LocalDate monday = LocalDate.of(2030, 3, 11);
        assertThat(holidays.calendar().plusWorkingDays(friday, 1)).isEqualTo(monday);
        try {
            holidays.add(saturday, "Làm bù", "Working Saturday", "working_weekend", "Thông báo thử", admin);
            assertThat(holidays.calendar().plusWorkingDays(friday, 1)).isEqualTo(saturday);
            holidays.add(monday, "Nghỉ thêm", "Extra day off", "holiday", "Thông báo thử", admin);
            assertThat(holidays.calendar().plusWorkingDays(friday, 2)).isEqualTo(LocalDate.of(2030, 3, 12));
            assertThat(holidays.forYear(2030)).filteredOn(HolidayEntry::announced).extracting(HolidayEntry::date)
                    .containsExactly(saturday, monday);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'public_holiday' AND action = 'CREATE' "
                    + "AND after_value ->> 'holiday_date' = '2030-03-09' AND username = :u").param("u", admin.getUsername())
                    .query(Long.class).single()).isEqualTo(1);
        } finally {
            holidays.remove(saturday, admin);
            holidays.remove(monday, admin);
        }
        assertThat(holidays.calendar().plusWorkingDays(friday, 1)).isEqualTo(monday);
    }

    @Test
    void aWrongAnnouncementReportsEveryProblemAndStoresNothing() {
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        List<String[]> cases = List.of(
                new String[] {"2030-03-12", "working_weekend", "setting.holiday.error.already-working"}, // a Tuesday
                new String[] {"2030-02-04", "holiday", "setting.holiday.error.already-off"},            // Tết 2030
                new String[] {"2040-01-02", "holiday", "setting.holiday.error.year"},
                new String[] {"2030-03-12", "bridge", "setting.holiday.error.kind"});
        for (String[] c : cases) {
            assertThatThrownBy(() -> holidays.add(LocalDate.parse(c[0]), "Tên", "Name", c[1], "Thông báo", admin))
                    .isInstanceOf(InvalidSettingException.class)
                    .satisfies(e -> assertThat(((InvalidSettingException) e).problems())
                            .extracting(SettingProblem::messageKey).containsExactly(c[2]));
        }
        assertThatThrownBy(() -> holidays.add(LocalDate.parse("2030-03-13"), " ", "", "holiday", "", admin))
                .isInstanceOf(InvalidSettingException.class)
                .satisfies(e -> assertThat(((InvalidSettingException) e).problems()).extracting(SettingProblem::field)
                        .containsExactly("nameVi", "nameEn", "source"));
        assertThatThrownBy(() -> holidays.add(LocalDate.parse("2030-03-13"), "Tên", "Name", "holiday", "Thông báo",
                fixture.user(Role.PROVINCE_OFFICER, "province", "08"))).isInstanceOf(AccessDeniedException.class);
        assertThat(holidays.announced()).extracting(h -> h.date().getYear()).doesNotContain(2030, 2040);
    }

    @Test
    void everyoneReadsThePagesButOnlyAnAdministratorGetsTheForms() throws Exception {
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", fixture.communeCode("08", 1));
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);

        String readOnly = page(officer, "/admin/parameters");
        assertThat(readOnly).contains("review.posting.working_days", "Quyết định 24/2021/QĐ-TTg", "Tham số hệ thống")
                .doesNotContain("name=\"value\"");
        assertThat(page(admin, "/admin/parameters")).contains("name=\"value\"");
        assertThat(page(officer, "/admin/holidays?year=2024")).contains("14/02/2024", "Nghỉ bù", "Thứ Tư")
                .doesNotContain("new-holiday-form");
        assertThat(page(admin, "/admin/holidays?year=2024&lang=en")).contains("Compensatory day for", "new-holiday-form");

        assertThat(mvc.perform(post("/admin/parameters/" + START_DAY).with(user(officer)).with(csrf()).param("value", "16"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        String version = String.valueOf(parameters.get(START_DAY).version());
        MvcResult refused = mvc.perform(post("/admin/parameters/" + START_DAY).with(user(admin)).with(csrf())
                        .param("value", "99").param("version", version))
                .andReturn();
        assertThat(refused.getFlashMap().get("problems")).asList().containsExactly("99 lớn hơn giới hạn trên 28.");
        assertThat(parameters.intValue(START_DAY)).isEqualTo(15);
        // the form carries the version it was shown with: without it, or from an older page, nothing is stored
        assertThat(page(admin, "/admin/parameters")).contains("name=\"version\"");
        MvcResult noVersion = mvc.perform(post("/admin/parameters/" + START_DAY).with(user(admin)).with(csrf())
                .param("value", "16")).andReturn();
        assertThat(noVersion.getFlashMap().get("problems")).asList().singleElement().asString().contains("phiên bản");
        MvcResult old = mvc.perform(post("/admin/parameters/" + START_DAY).with(user(admin)).with(csrf())
                .param("value", "16").param("version", String.valueOf(Integer.parseInt(version) - 1))).andReturn();
        assertThat(old.getFlashMap().get("problems")).asList().singleElement().asString().contains("vừa được thay đổi");
        assertThat(parameters.intValue(START_DAY)).isEqualTo(15);
    }

    @Test
    void theApiListsParametersAndTheHolidaysOfAYear() throws Exception {
        CurrentUser viewer = fixture.user(Role.MINISTRY_VIEWER, null, null);
        MvcResult list = mvc.perform(get("/api/v1/parameters").with(user(viewer))).andReturn();
        assertThat(list.getResponse().getStatus()).isEqualTo(200);
        assertThat(list.getResponse().getContentAsString()).contains("\"key\":\"review.meeting.agreement_threshold\"",
                "\"value\":\"0.50\"", "\"confidence\":\"?\"");

        MvcResult year = mvc.perform(get("/api/v1/holidays").param("year", "2025").with(user(viewer))).andReturn();
        assertThat(year.getResponse().getStatus()).isEqualTo(200);
        assertThat(year.getResponse().getContentAsString()).contains("\"date\":\"2025-01-29\"", "\"date\":\"2025-02-03\"",
                "\"kind\":\"compensatory\"");

        assertThat(mvc.perform(get("/api/v1/holidays").param("year", "1990").with(user(viewer))).andReturn()
                .getResponse().getStatus()).isEqualTo(400);
        assertThat(mvc.perform(get("/api/v1/holidays").param("year", "next").with(user(viewer))).andReturn()
                .getResponse().getStatus()).isEqualTo(400);
        assertThat(mvc.perform(get("/api/v1/parameters/review.nothing").with(user(viewer))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    private String page(CurrentUser who, String url) throws Exception {
        MvcResult result = mvc.perform(get(url).with(user(who))).andReturn();
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private long audits() {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'parameter'").query(Long.class).single();
    }
}
