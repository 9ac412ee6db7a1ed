package vn.giamngheo.livelihood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.escape.DecisionFixture;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.livelihood.rules.ShareVerdict;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Models record each participant's target group on the day it joins; a model below the required share (or
 * without participants) is flagged in the list, on its page and in the API; outcomes follow the next decision.
 */
@Tag("database")
@SpringBootTest
class LivelihoodModelsTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired LivelihoodModels models;
    @Autowired vn.giamngheo.setting.Parameters parameters;

    @Test
    void aModelBelowHalfIsFlaggedAndOneAboveSeventyPercentIsPreferred() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        DecisionFixture decisions = new DecisionFixture(jdbc, events, tx);
        String commune = fixture.communeCode("08", 51);
        long communeId = fixture.unitId("commune", commune);
        CurrentUser officer = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", commune);

        long poor = household(commune, false, officer);
        long nearPoor = household(commune, false, officer);
        long escaped = household(commune, false, officer);
        long ethnic = household(commune, true, officer);
        long other1 = household(commune, false, officer);
        long other2 = household(commune, false, officer);
        long other3 = household(commune, false, officer);
        decisions.baseline("08", communeId, 2025, Map.of(escaped, "poor"));
        Map<Long, String> lists2026 = new LinkedHashMap<>();
        lists2026.put(poor, "poor");
        lists2026.put(nearPoor, "near_poor");
        lists2026.put(escaped, "average");    // escaped at the lists of 2026: newly escaped
        lists2026.put(ethnic, "average");
        lists2026.put(other1, "average");
        lists2026.put(other2, "not_poor");
        decisions.baseline("08", communeId, 2026, lists2026);

        ModelRecords.Model low = create("Nuôi bò sinh sản", communeId, officer);
        for (long h : new long[] {poor, other1, other2, other3}) {
            join(low.id(), h, officer);
        }
        ModelRecords.Model high = create("Trồng quế", communeId, officer);
        for (long h : new long[] {nearPoor, escaped, ethnic}) {
            join(high.id(), h, officer);
        }
        ModelRecords.Model empty = create("Du lịch cộng đồng bản Pác Ngòi", communeId, officer);

        assertThat(models.participants(high.id())).extracting(ModelRecords.Participant::targetGroup)
                .containsExactlyInAnyOrder("near_poor", "newly_escaped", "ethnic_minority");
        assertThat(models.participants(low.id())).extracting(ModelRecords.Participant::targetGroup)
                .containsExactlyInAnyOrder("poor", null, null, null);

        ModelRecords.Mix lowMix = models.get(low.id(), officer.scope()).mix();
        assertThat(lowMix.participants()).isEqualTo(4);
        assertThat(lowMix.targets()).isEqualTo(1);
        assertThat(lowMix.percent()).isEqualByComparingTo("25.00");
        assertThat(lowMix.verdict()).isEqualTo(ShareVerdict.BELOW_REQUIRED);
        assertThat(models.get(high.id(), officer.scope()).mix().verdict()).isEqualTo(ShareVerdict.PREFERRED);
        assertThat(models.get(empty.id(), officer.scope()).mix().verdict()).isEqualTo(ShareVerdict.NO_PARTICIPANTS);
        assertThat(models.list(officer.scope(), true)).extracting(ModelRecords.Model::id)
                .contains(low.id(), empty.id()).doesNotContain(high.id());

        // two more target households lift the first model to exactly 50 %
        long poor2 = household(commune, false, officer);
        long poor3 = household(commune, false, officer);
        decisions.decideMonthly("08", communeId, 2026, LocalDate.of(2026, 2, 15), Map.of(poor2, "poor", poor3, "near_poor"));
        join(low.id(), poor2, officer);
        join(low.id(), poor3, officer);
        assertThat(models.get(low.id(), officer.scope()).mix().verdict()).isEqualTo(ShareVerdict.REQUIRED_MET);
        assertThat(models.get(low.id(), officer.scope()).mix().percent()).isEqualByComparingTo("50.00");

        // outcomes: income after, and the status at the next decision
        ModelRecords.Participant p = models.participants(low.id()).stream().filter(x -> x.householdId() == poor).findFirst().orElseThrow();
        assertThatThrownBy(() -> models.recordIncomes(low.id(), p.id(), new ModelRecords.IncomeForm(null, null, 2_100_000L), officer))
                .isInstanceOf(InvalidModelException.class);
        models.recordIncomes(low.id(), p.id(), new ModelRecords.IncomeForm(p.version(), null, 2_100_000L), officer);
        // a second change from the same read is refused: the participant changed since
        assertThatThrownBy(() -> models.recordIncomes(low.id(), p.id(), new ModelRecords.IncomeForm(p.version(), null, 9_000_000L), officer))
                .isInstanceOf(InvalidModelException.class);
        decisions.decidePeriodic("08", communeId, 2027, Map.of(poor, "near_poor", poor2, "poor"));
        ModelRecords.Model after = models.get(low.id(), officer.scope());
        assertThat(after.outcomes().withIncomes()).isEqualTo(1);
        assertThat(after.outcomes().averageBefore()).isEqualTo(1_000_000L);
        assertThat(after.outcomes().averageAfter()).isEqualTo(2_100_000L);
        assertThat(after.outcomes().decidedSince()).isEqualTo(2);
        assertThat(after.outcomes().escapedSince()).isEqualTo(1);

        // pages and API show the flag
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String page = mvc.perform(get("/livelihood/models/" + empty.id()).with(user(officer)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"share-flag\"");
        String fine = mvc.perform(get("/livelihood/models/" + high.id()).with(user(officer)))
                .andReturn().getResponse().getContentAsString();
        assertThat(fine).doesNotContain("id=\"share-flag\"");
        String list = mvc.perform(get("/livelihood/models").param("flagged", "true").with(user(officer)))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Du lịch cộng đồng bản Pác Ngòi").doesNotContain("Trồng quế");
        String json = mvc.perform(get("/api/v1/livelihood/models/" + empty.id()).with(user(officer)))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"verdict\":\"NO_PARTICIPANTS\"");

        byte[] xlsx = mvc.perform(get("/livelihood/models/export.xlsx").with(user(officer))).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("Mô hình giảm nghèo");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Mô hình");
            assertThat(wb.getSheet("Hộ tham gia").getLastRowNum()).isEqualTo(9);
        }
    }

    @Test
    void badRequestsAreRefusedWithTheirReasonsAndOtherAreasAreNotFound() throws Exception {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 52);
        long communeId = fixture.unitId("commune", commune);
        CurrentUser officer = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", commune);
        ModelRecords.Model model = create("Nuôi gà", communeId, officer);
        CurrentUser stranger = fixture.user(Role.COMMUNE_OFFICER, "commune", fixture.communeCode("08", 53));

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        var bad = mvc.perform(post("/api/v1/livelihood/models").with(user(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"kind\":\"fishing\",\"communeId\":" + communeId
                                + ",\"startsOn\":\"2026-05-01\",\"endsOn\":\"2026-01-01\",\"leadAgency\":\"Hội Nông dân\"}"))
                .andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("\"field\":\"name\"", "\"field\":\"kind\"", "\"field\":\"endsOn\"");
        assertThat(mvc.perform(get("/api/v1/livelihood/models/" + model.id()).with(user(stranger))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        long outside = household(fixture.communeCode("08", 53), false, stranger);
        assertThatThrownBy(() -> models.addParticipant(model.id(), new ModelRecords.ParticipantForm(outside,
                LocalDate.of(2026, 3, 1), null, null), officer)).isInstanceOf(ModelNotFoundException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM livelihood_model WHERE name = ''").query(Long.class).single()).isZero();
    }

    @Test
    void theThresholdsAreParametersAndAChangeAppliesAtOnce() {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 54);
        CurrentUser officer = fixture.loginAs(Role.COMMUNE_OFFICER, "commune", commune);
        ModelRecords.Model model = create("Nuôi lợn đen", fixture.unitId("commune", commune), officer);
        long other = household(commune, false, officer);
        long ethnic = household(commune, true, officer);
        join(model.id(), other, officer);
        join(model.id(), ethnic, officer);
        assertThat(models.get(model.id(), officer.scope()).mix().verdict()).isEqualTo(ShareVerdict.REQUIRED_MET);

        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        parameters.update("livelihood.target_share.required", "0.60", admin);
        try {
            assertThat(models.get(model.id(), officer.scope()).mix().verdict()).isEqualTo(ShareVerdict.BELOW_REQUIRED);
        } finally {
            parameters.update("livelihood.target_share.required", "0.50", admin);
        }
        assertThat(parameters.get("livelihood.target_share.preferred").confidence()).isEqualTo("S2");
    }

    private ModelRecords.Model create(String name, long communeId, CurrentUser user) {
        return models.create(new ModelRecords.ModelForm(name, name.startsWith("Du lịch") ? "community_tourism" : "livestock",
                communeId, null, "Dự án 2", "Ngân sách trung ương, sự nghiệp", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), "Phòng Kinh tế", null), user);
    }

    private void join(long model, long household, CurrentUser user) {
        models.addParticipant(model, new ModelRecords.ParticipantForm(household, LocalDate.of(2026, 3, 1), 1_000_000L, null), user);
    }

    private long household(String commune, boolean ethnicMinority, CurrentUser user) {
        HouseholdForm form = RegistryFixture.household(commune, "L" + System.nanoTime() % 100_000_000);
        form.setEthnicMinority(ethnicMinority);
        return registry.create(form, user).id();
    }

    @SuppressWarnings("unused")
    private static List<Long> ids(long... values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
