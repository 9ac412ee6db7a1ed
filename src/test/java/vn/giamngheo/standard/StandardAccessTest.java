package vn.giamngheo.standard;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static vn.giamngheo.standard.StandardFixture.DONG_NAI;
import static vn.giamngheo.standard.StandardFixture.TUYEN_QUANG;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/** Who may see and change standards, through the real security filters, API and pages. */
@Tag("database")
@SpringBootTest
class StandardAccessTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired StandardRegistry registry;
    MockMvc mvc;
    RegistryFixture fixture;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        fixture = new RegistryFixture(jdbc, users);
    }

    static String deriveJson(String code, String province) {
        return """
                {"code": "%s", "name": "Chuẩn nghèo của tỉnh", "provinceCode": "%s", "validFrom": "2022-01-01",
                 "validTo": "2025-12-31", "legalBasis": "Nghị quyết HĐND tỉnh",
                 "parameters": {"income_line_rural": "2000000", "deprivation_threshold": "2"}}""".formatted(code, province);
    }

    static String changeJson(String value) {
        return """
                {"name": "income_line_rural", "value": "%s", "legalSource": "Nghị định sửa đổi", "confidence": "S"}"""
                .formatted(value);
    }

    static String scheduleJson(String province, String code) {
        return """
                {"yearFrom": 2022, "yearTo": 2025, "provinceCode": %s, "standardCode": "%s", "legalBasis": "NQ"}"""
                .formatted(province == null ? "null" : "\"" + province + "\"", code);
    }

    static Stream<Arguments> readOnlyRolesAndEveryChange() {
        return Stream.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIR, Role.MINISTRY_VIEWER).flatMap(role -> Stream.of(
                Arguments.of(role, "derive via the API", post("/api/v1/standards/ND07_2021/derive")
                        .contentType(MediaType.APPLICATION_JSON).content(deriveJson(StandardFixture.newCode("X"), TUYEN_QUANG))),
                Arguments.of(role, "change a parameter via the API", post("/api/v1/standards/ND07_2021/parameters")
                        .contentType(MediaType.APPLICATION_JSON).content(changeJson("1600000"))),
                Arguments.of(role, "set the schedule via the API", post("/api/v1/standards/schedule")
                        .contentType(MediaType.APPLICATION_JSON).content(scheduleJson(TUYEN_QUANG, "ND07_2021"))),
                Arguments.of(role, "change a parameter in the page", post("/standards/ND07_2021/parameters")
                        .param("name", "income_line_rural").param("value", "1600000").param("legalSource", "NĐ")),
                Arguments.of(role, "derive in the page", post("/standards/ND07_2021/derive")
                        .param("newCode", StandardFixture.newCode("X")).param("name", "X").param("provinceCode", TUYEN_QUANG)
                        .param("validFrom", "2022-01-01").param("validTo", "2025-12-31").param("legalBasis", "NQ")),
                Arguments.of(role, "set the schedule in the page", post("/standards/schedule")
                        .param("yearFrom", "2022").param("yearTo", "2025").param("provinceCode", TUYEN_QUANG)
                        .param("standardCode", "ND07_2021"))));
    }

    @ParameterizedTest(name = "{0} may not {1}")
    @MethodSource("readOnlyRolesAndEveryChange")
    void communeUsersAndMinistryViewersChangeNothing(Role role, String what, MockHttpServletRequestBuilder request)
            throws Exception {
        CurrentUser reader = role == Role.MINISTRY_VIEWER ? fixture.user(role, null, null)
                : fixture.user(role, "commune", fixture.communeCode(TUYEN_QUANG, 0));
        mvc.perform(request.with(user(reader)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/standards/schedule").with(user(reader)))
                .andExpect(jsonPath("$[*].provinceCode", not(hasItem(TUYEN_QUANG))));
        org.assertj.core.api.Assertions.assertThat(registry.versions("ND07_2021")).hasSize(1);
        // an unknown standard's page: 404, not an error page (the endpoint walk found a 500 here)
        mvc.perform(get("/standards/NO_SUCH_STANDARD").with(user(reader))).andExpect(status().isNotFound());
    }

    @Test
    void aProvinceOfficerDerivesForTheirProvinceButNotForAnother() throws Exception {
        CurrentUser officer = fixture.user(Role.PROVINCE_OFFICER, "province", DONG_NAI);
        String code = StandardFixture.newCode("DNAI");
        mvc.perform(post("/api/v1/standards/ND07_2021/derive").with(user(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(deriveJson(code, DONG_NAI)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.standard.code").value(code))
                .andExpect(jsonPath("$.standard.version").value(1))
                .andExpect(jsonPath("$.standard.provinceCode").value(DONG_NAI))
                .andExpect(jsonPath("$.parameters[?(@.name == 'income_line_rural')].value").value(hasItem("2000000")))
                .andExpect(jsonPath("$.parameters[?(@.name == 'income_line_urban')].confidence").value(hasItem("S")));
        mvc.perform(post("/api/v1/standards/ND07_2021/derive").with(user(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(deriveJson(StandardFixture.newCode("TQ"), TUYEN_QUANG)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void aProvinceOfficerCannotChangeTheNationalStandardOrScheduleButChangesTheirOwn() throws Exception {
        CurrentUser officer = fixture.user(Role.PROVINCE_OFFICER, "province", DONG_NAI);
        String code = StandardFixture.newCode("DNAI");
        mvc.perform(post("/api/v1/standards/ND07_2021/derive").with(user(officer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(deriveJson(code, DONG_NAI))).andExpect(status().isCreated());

        mvc.perform(post("/api/v1/standards/ND07_2021/parameters").with(user(officer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(changeJson("1600000"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/standards/schedule").with(user(officer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(scheduleJson(null, "ND07_2021"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/standards/schedule").with(user(officer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(scheduleJson(TUYEN_QUANG, "ND07_2021"))).andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/standards/" + code + "/parameters").with(user(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(changeJson("2100000")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.standard.version").value(2));
        mvc.perform(post("/api/v1/standards/schedule").with(user(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(scheduleJson(DONG_NAI, code)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.provinceCode == '75')].standardCode").value(hasItem(code)));
        mvc.perform(get("/api/v1/standards/" + code).param("version", "1").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parameters[?(@.name == 'income_line_rural')].value").value(hasItem("2000000")))
                .andExpect(jsonPath("$.versions.length()").value(2));

        CurrentUser tuyenQuang = fixture.user(Role.PROVINCE_OFFICER, "province", TUYEN_QUANG);
        mvc.perform(post("/api/v1/standards/" + code + "/parameters").with(user(tuyenQuang)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(changeJson("2200000"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/standards/" + code).with(user(tuyenQuang))).andExpect(status().isNotFound());
    }

    @Test
    void invalidChangesAnswer400WithEveryProblem() throws Exception {
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        mvc.perform(post("/api/v1/standards/ND07_2021/derive").with(user(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"code": "bad code", "name": "", "provinceCode": "75", "validFrom": "2025-01-01",
                                 "validTo": "2022-01-01", "legalBasis": "NQ", "parameters": {"no_such": "1"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[*].field").value(hasItem("code")))
                .andExpect(jsonPath("$.problems[*].field").value(hasItem("name")))
                .andExpect(jsonPath("$.problems[*].field").value(hasItem("validTo")))
                .andExpect(jsonPath("$.problems[*].field").value(hasItem("parameters.no_such")));
        mvc.perform(get("/api/v1/standards/NO_SUCH").with(user(admin))).andExpect(status().isNotFound());
    }

    @Test
    void everyUserSeesTheStandardsAndScheduleInThePages() throws Exception {
        CurrentUser viewer = fixture.user(Role.MINISTRY_VIEWER, null, null);
        mvc.perform(get("/standards").with(user(viewer)))
                .andExpect(status().isOk()).andExpect(view().name(StandardPageController.LIST))
                .andExpect(model().attribute("maySchedule", false));
        mvc.perform(get("/standards/ND07_2021").with(user(viewer)))
                .andExpect(status().isOk()).andExpect(view().name(StandardPageController.DETAIL))
                .andExpect(model().attribute("mayChange", false)).andExpect(model().attribute("mayDerive", false));
        mvc.perform(get("/api/v1/standards").with(user(viewer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].code").value(hasItem("ND351_2025")));
        mvc.perform(get("/api/v1/standards/ND07_2021").with(user(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parameters[?(@.name == 'b1_threshold_rural')].confidence").value(hasItem("S2")));
    }

    @Test
    void anAdministratorSeesTheFormsAndAPageChangeRedirectsToTheStandard() throws Exception {
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        mvc.perform(get("/standards/ND07_2021").with(user(admin)))
                .andExpect(status().isOk()).andExpect(model().attribute("mayChange", true))
                .andExpect(model().attribute("mayDerive", true));
        String code = StandardFixture.newCode("DNAI");
        mvc.perform(post("/standards/ND07_2021/derive").with(user(admin)).with(csrf())
                        .param("newCode", code).param("name", "Chuẩn nghèo Đồng Nai").param("provinceCode", DONG_NAI)
                        .param("validFrom", "2022-01-01").param("validTo", "2025-12-31").param("legalBasis", "NQ HĐND")
                        .param("overrideName", "income_line_rural", "deprivation_threshold", "")
                        .param("overrideValue", "2000000", "2", ""))
                .andExpect(redirectedUrl("/standards/" + code));
        org.assertj.core.api.Assertions.assertThat(registry.standard(code).orElseThrow().deprivationThreshold()).isEqualTo(2);
        mvc.perform(post("/standards/" + code + "/parameters").with(user(admin)).with(csrf())
                        .param("name", "deprivation_threshold").param("value", "x").param("legalSource", "NQ"))
                .andExpect(status().isOk()).andExpect(view().name(StandardPageController.DETAIL))
                .andExpect(model().attribute("changeProblems", org.hamcrest.Matchers.hasSize(1)));
    }
}
