package vn.giamngheo.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Property: opening "Sửa thông tin hộ" and pressing "Lưu" without changing anything changes nothing. Over
 * generated households with varied facts, many of them not recorded, the commune's export (every column of
 * exchange-format §1) is the same before and after every household's edit form was posted back exactly as a
 * browser posts it, and the audit log holds no change of a household or member.
 */
@Tag("database")
@SpringBootTest
class HouseholdEditRoundTripTest {

    private static final int HOUSEHOLDS = 60;

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;

    @Test
    void postingEveryEditFormBackUnchangedChangesNothing() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 31);
        long communeId = fixture.unitId("commune", commune);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        List<Long> villages = List.of(fixture.village(commune, "Bản Nà Khá"), fixture.village(commune, "Thôn Làng Mới"));
        long seed = 20_261_106L;
        Random random = new Random(seed);
        String prefix = "RT" + System.nanoTime() % 100_000 + "-";
        List<Long> ids = new ArrayList<>();
        for (HouseholdData data : GeneratedHouseholds.generate(HOUSEHOLDS, seed, 930_000L + System.nanoTime() % 1000, List.of(commune), prefix)) {
            Long village = random.nextInt(3) == 0 ? null : villages.get(random.nextInt(villages.size()));
            ids.add(registry.create(vary(ExchangeMapping.toForm(data, village), random), officer).id());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM household_member WHERE household_id = ANY(:ids) AND school_level_appropriate IS NULL")
                .param("ids", ids.toArray(Long[]::new)).query(Long.class).single()).as("members with a fact not recorded").isPositive();
        Map<String, String> before = export(mvc, officer, communeId);
        long lastAudit = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_log").query(Long.class).single();

        for (long id : ids) {
            String html = mvc.perform(get("/households/" + id + "/edit").with(user(officer))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            MockHttpServletRequestBuilder save = post("/households/" + id).with(user(officer)).with(csrf());
            FormPost.of(html, "household-form").forEach(p -> save.param(p.getKey(), p.getValue()));
            MvcResult result = mvc.perform(save).andReturn();
            assertThat(result.getResponse().getRedirectedUrl()).as("household %d saved without a problem: %s", id,
                    result.getResponse().getContentAsString(StandardCharsets.UTF_8).replaceAll("(?s).*?(<small class=\"error\">[^<]+</small>).*", "$1"))
                    .isEqualTo("/households/" + id);
        }

        Map<String, String> after = export(mvc, officer, communeId);
        assertThat(after.get("households.csv")).isEqualTo(before.get("households.csv"));
        assertThat(after.get("members.csv")).isEqualTo(before.get("members.csv"));
        assertThat(before.get("households.csv").lines().filter(l -> l.contains(prefix)).count()).isEqualTo(HOUSEHOLDS);
        List<String> changes = jdbc.sql("""
                        SELECT entity || ' ' || entity_id || ' ' || action FROM audit_log
                        WHERE id > :last AND entity IN ('household', 'household_member') AND action <> 'EXPORT'""")
                .param("last", lastAudit).query(String.class).list();
        assertThat(changes).as("audit rows written by saving unchanged forms").isEmpty();
    }

    /** Varies the generated facts: optional facts not recorded, yes or no, an ethnicity outside the form's list. */
    private static HouseholdForm vary(HouseholdForm f, Random random) {
        f.setTelephoneUse(tri(random));
        f.setLoudspeakerReach(tri(random));
        f.setWasteTreatment(tri(random));
        f.setEthnicMinority(tri(random));
        f.setMeritHousehold(tri(random));
        f.setSocialProtection(tri(random));
        if (random.nextInt(4) == 0) {
            f.setArea(random.nextBoolean() ? "urban" : "rural");
        }
        if (random.nextInt(3) == 0) {
            f.setAddress("Số " + random.nextInt(200) + ", ngõ \"Đá\" <b>&");
        }
        if (random.nextInt(5) == 0) {
            f.setReferenceDate(java.time.LocalDate.of(2026, 10, 1));
        }
        if (random.nextInt(4) == 0 && f.getIncomePerCapita() != null) {
            f.setB1Score(new java.math.BigDecimal(random.nextInt(80) + "." + random.nextInt(10)));
        }
        for (MemberForm m : f.getMembers()) {
            m.setMalnourished(tri(random));
            m.setSchoolLevelAppropriate(tri(random));
            m.setSickUntreated(tri(random));
            m.setMonthlySocialAllowance(tri(random));
            m.setMeritPerson(tri(random));
            if (random.nextInt(5) == 0) {
                m.setDisability(null);
            }
            if (random.nextInt(6) == 0) {
                m.setIdNumber(null);
            }
            if (random.nextInt(15) == 0) {
                m.setEthnicity("Rục");
            }
        }
        return f;
    }

    private static Boolean tri(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> Boolean.TRUE;
            default -> Boolean.FALSE;
        };
    }

    private static Map<String, String> export(MockMvc mvc, CurrentUser officer, long communeId) throws Exception {
        byte[] zip = mvc.perform(get("/households/export").param("communeId", String.valueOf(communeId)).with(user(officer)))
                .andReturn().getResponse().getContentAsByteArray();
        return unzip(zip);
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files).containsKeys("households.csv", "members.csv");
        return files;
    }
}
