package vn.giamngheo.geography;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@org.junit.jupiter.api.Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser
class GeographyPagesTest {

    @Autowired WebApplicationContext context;
    @Autowired GeographyCatalog catalog;
    MockMvc mvc;

    @BeforeEach
    void mockMvcWithSecurity() {
        // Boot 4's @AutoConfigureMockMvc does not apply spring-security-test here: without this, @WithMockUser
        // does not reach the security filters (401)
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void theUnitsPageShowsTheProvincesOfTodayByDefault() throws Exception {
        mvc.perform(get("/units").locale(Locale.forLanguageTag("vi")))
                .andExpect(status().isOk())
                .andExpect(view().name("geography/units"))
                .andExpect(model().attribute("date", catalog.today()))
                .andExpect(model().attribute("units", org.hamcrest.Matchers.hasSize(34)))
                .andExpect(content().string(allOf(
                        containsString("Đơn vị hành chính ngày " + catalog.today().format(
                                java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))),
                        containsString("34 tỉnh, thành phố trực thuộc trung ương"),
                        containsString("Thành phố Hà Nội"),
                        containsString("hx-get=\"/units/"),
                        containsString("01/07/2025"))));
    }

    @Test
    void theUnitsPageBeforeTheReformShows63ProvincesWithWhatTheyBecame() throws Exception {
        mvc.perform(get("/units").param("date", "2025-06-30").locale(Locale.forLanguageTag("vi")))
                .andExpect(status().isOk())
                .andExpect(model().attribute("units", org.hamcrest.Matchers.hasSize(63)))
                .andExpect(content().string(allOf(
                        containsString("Đơn vị hành chính ngày 30/06/2025"),
                        containsString("Tỉnh Hà Giang"),
                        containsString("Sắp xếp vào"),
                        containsString("08 Tỉnh Tuyên Quang"),
                        containsString("30/06/2025"))));
    }

    @Test
    void expandingAProvinceLoadsItsDistrictsAsAFragment() throws Exception {
        long hanoi = catalog.byCode("01", LocalDate.of(2025, 6, 30)).orElseThrow().id();
        mvc.perform(get("/units/{id}/children", hanoi).param("date", "2025-06-30"))
                .andExpect(status().isOk())
                .andExpect(model().attribute("units", org.hamcrest.Matchers.hasSize(30)))
                .andExpect(content().string(allOf(containsString("Quận Ba Đình"), not(containsString("<html")))));
    }

    @Test
    void expandingANewProvinceShowsItsCommunesWithTheirPredecessors() throws Exception {
        long hanoi = catalog.byCode("01", LocalDate.of(2026, 11, 22)).orElseThrow().id();
        mvc.perform(get("/units/{id}/children", hanoi).param("date", "2026-11-22"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Phường Ba Đình"),
                        containsString("00004 Phường Trúc Bạch"), containsString("00016 Phường Ngọc Hà"))));
    }

    @Test
    void aBadDateOnThePageIsReportedAndTodayIsShown() throws Exception {
        mvc.perform(get("/units").param("date", "hôm qua").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(model().attribute("date", catalog.today()))
                .andExpect(content().string(containsString("is not a date")));
    }

    @Test
    void aUnitPageShowsItsHistory() throws Exception {
        long kyLoi = catalog.byCode("18796", LocalDate.of(2025, 6, 30)).orElseThrow().id();
        mvc.perform(get("/units/{id}", kyLoi).locale(Locale.forLanguageTag("vi")))
                .andExpect(status().isOk())
                .andExpect(view().name("geography/unit"))
                .andExpect(model().attribute("currentUnits", org.hamcrest.Matchers.hasSize(3)))
                .andExpect(content().string(allOf(containsString("Xã Kỳ Lợi"), containsString("một phần"),
                        containsString("Phường Vũng Áng"), containsString("Hiện nay thuộc"))));
        long baDinh = catalog.byCode("00004", LocalDate.of(2025, 7, 1)).orElseThrow().id();
        mvc.perform(get("/units/{id}", baDinh).locale(Locale.forLanguageTag("vi")))
                .andExpect(status().isOk())
                .andExpect(model().attribute("predecessorLinks", org.hamcrest.Matchers.hasSize(
                        catalog.predecessors(baDinh).size())))
                .andExpect(content().string(allOf(containsString("Hình thành từ"), containsString("Phường Trúc Bạch"),
                        containsString("Thôn, tổ dân phố"))));
    }

    @Test
    void anUnknownUnitPageIsNotFound() throws Exception {
        mvc.perform(get("/units/{id}", 999_999_999L)).andExpect(status().isNotFound());
    }

}
