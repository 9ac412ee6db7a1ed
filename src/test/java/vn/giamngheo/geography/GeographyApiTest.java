package vn.giamngheo.geography;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
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
class GeographyApiTest {

    static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);

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
    void listsTheProvincesOfADate() throws Exception {
        mvc.perform(get("/api/v1/units").param("date", "2025-06-30").param("level", "province"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(63)))
                .andExpect(jsonPath("$[0].code").value("01"))
                .andExpect(jsonPath("$[0].fullName").value("Thành phố Hà Nội"))
                .andExpect(jsonPath("$[0].validTo").value("2025-06-30"));
        mvc.perform(get("/api/v1/units").param("date", "2026-11-22").param("level", "province"))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(34)));
    }

    @Test
    void listsTheUnitsUnderAParent() throws Exception {
        long district = catalog.byCode("001", BEFORE).orElseThrow().id();
        mvc.perform(get("/api/v1/units").param("date", "2025-06-30").param("parent", String.valueOf(district)))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(13)))
                .andExpect(jsonPath("$[0].level").value("commune"));
    }

    @Test
    void findsAUnitByCodeOnADate() throws Exception {
        mvc.perform(get("/api/v1/units/by-code/00004").param("date", "2025-06-30"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.fullName").value("Phường Trúc Bạch"));
        mvc.perform(get("/api/v1/units/by-code/00004").param("date", "2025-07-01"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.fullName").value("Phường Ba Đình"))
                .andExpect(jsonPath("$.validFrom").value("2025-07-01"));
    }

    @Test
    void showsOneUnitAsItWasOnADate() throws Exception {
        long locNinh = catalog.byCode("25270", LocalDate.of(2026, 1, 1)).orElseThrow().id();
        mvc.perform(get("/api/v1/units/{id}", locNinh).param("date", "2026-04-29"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.areaType").value("rural"))
                .andExpect(jsonPath("$.fullName").value("Xã Lộc Ninh"));
        mvc.perform(get("/api/v1/units/{id}", locNinh))
                .andExpect(status().isOk()).andExpect(jsonPath("$.areaType").value("urban"))
                .andExpect(jsonPath("$.fullName").value("Phường Lộc Ninh"));
        mvc.perform(get("/api/v1/units/{id}", locNinh).param("date", "2025-06-30"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.message").value(containsString("did not exist")));
    }

    @Test
    void listsPredecessorsSuccessorsAndWhatAUnitIsNow() throws Exception {
        long baDinh = catalog.byCode("00004", LocalDate.of(2025, 7, 1)).orElseThrow().id();
        mvc.perform(get("/api/v1/units/{id}/predecessors", baDinh))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].unit.code", hasItems("00004", "00013", "00016")))
                .andExpect(jsonPath("$[?(@.unit.code == '00016')].relation").value("part"))
                .andExpect(jsonPath("$[0].effectiveDate").value("2025-07-01"));
        long kyLoi = catalog.byCode("18796", BEFORE).orElseThrow().id();
        mvc.perform(get("/api/v1/units/{id}/successors", kyLoi))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(3)));
        mvc.perform(get("/api/v1/units/{id}/current", kyLoi))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItems("18754", "18823", "18832")));
    }

    @Test
    void listsTheSubtreeOfAUnitOnADate() throws Exception {
        long hanoi = catalog.byCode("01", BEFORE).orElseThrow().id();
        mvc.perform(get("/api/v1/units/{id}/subtree", hanoi).param("date", "2025-06-30"))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(30 + 526)));
        mvc.perform(get("/api/v1/units/{id}/ancestors", catalog.byCode("00004", BEFORE).orElseThrow().id()))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].code", hasItems("01", "001")));
    }

    @Test
    void aBadDateIsA400WithAClearMessage() throws Exception {
        mvc.perform(get("/api/v1/units").param("date", "30/06/2025"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.message").value(containsString("parameter 'date' is '30/06/2025'")))
                .andExpect(jsonPath("$.message").value(containsString("ISO date")));
        mvc.perform(get("/api/v1/units/by-code/01").param("date", "2025-02-30"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anUnknownLevelIsA400() throws Exception {
        mvc.perform(get("/api/v1/units").param("level", "hamlet"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("unknown level 'hamlet'")));
    }

    @Test
    void anUnknownCodeOrIdIsA404WithAClearMessage() throws Exception {
        mvc.perform(get("/api/v1/units/by-code/99999").param("date", "2025-06-30"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.message").value("no administrative unit with code 99999 on 2025-06-30"));
        mvc.perform(get("/api/v1/units/by-code/00001").param("date", "2026-11-22"))
                .andExpect(status().isNotFound());
        for (String tail : new String[] {"", "/predecessors", "/successors", "/current", "/subtree", "/ancestors"}) {
            mvc.perform(get("/api/v1/units/999999999" + tail))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.message").value("no administrative unit with id 999999999"));
        }
    }
}
