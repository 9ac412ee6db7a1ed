package vn.giamngheo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdForm;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * The audit log in words: a household created and edited by a commune officer reads as "who changed what, from
 * what to what" (the officer's name, "hộ gia đình", the household's code and head, the labels of the household
 * page, có/không, codes as their labels), identity numbers masked; filters by user, table, unit and day, keyset
 * pages, and the XLSX and CSV files with the same filters.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditWordsTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired AuditLog log;
    @Autowired AuditWords words;

    MockMvc mvc;
    RegistryFixture fixture;
    CurrentUser officer;
    CurrentUser admin;
    Household household;
    long communeId;
    String idNumber;

    @BeforeAll
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 12);
        communeId = fixture.unitId("commune", commune);
        officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        admin = fixture.user(Role.ADMINISTRATOR, null, null);
        actAs(officer);
        HouseholdForm form = RegistryFixture.household(commune, "AW" + System.nanoTime() % 1_000_000);
        idNumber = form.getMembers().get(0).getIdNumber();
        household = registry.create(form, officer);
        HouseholdForm edit = new HouseholdForm();
        edit.setVersion(household.version());
        edit.setIncomePerCapita(1_500_000L);
        edit.setHousingQuality("durable");
        edit.setInternetUse(false);
        registry.update(household.id(), edit, officer);
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    static void actAs(CurrentUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    AuditLog.AuditFilter officersHousehold() {
        return new AuditLog.AuditFilter(officer.getUsername(), "household", String.valueOf(household.id()), null, null, null, null);
    }

    @Test
    void anEditReadsAsWhoChangedWhatFromWhatToWhat() {
        List<AuditWords.Line> lines = words.describe(log.find(officersHousehold(), 10), Locale.forLanguageTag("vi"));
        // the creation, the officer's edit, and the classifications the registry wrote after each
        assertThat(lines).extracting(AuditWords.Line::action).containsExactly("sửa", "sửa", "sửa", "thêm mới");
        AuditWords.Line update = lines.stream().filter(l -> l.changes().size() == 3).findFirst().orElseThrow();
        assertThat(update.user()).isEqualTo(officer.getFullName());
        assertThat(update.action()).isEqualTo("sửa");
        assertThat(update.table()).isEqualTo("hộ gia đình");
        assertThat(update.record()).contains(household.householdCode(), "Nguyễn Văn Hùng");
        assertThat(update.changes()).extracting(AuditWords.Change::field, AuditWords.Change::from, AuditWords.Change::to).containsExactlyInAnyOrder(
                tuple("Thu nhập bình quân đầu người/tháng", "1.200.000", "1.500.000"),
                tuple("Chất lượng nhà ở", "bán kiên cố", "kiên cố"),
                tuple("Có thành viên sử dụng dịch vụ internet", "có", "không"));
        List<AuditWords.Line> english = words.describe(log.find(officersHousehold(), 10), Locale.ENGLISH);
        assertThat(english).extracting(AuditWords.Line::table).containsOnly("household");
        assertThat(english.stream().flatMap(l -> l.changes().stream()).toList()).extracting(AuditWords.Change::field, AuditWords.Change::from, AuditWords.Change::to)
                .contains(tuple("Dwelling", "semi-durable", "durable"));
        // the creation lists the values set, by label, never a column name; empty lists say nothing
        AuditWords.Line created = lines.get(lines.size() - 1);
        assertThat(created.changes()).allMatch(c -> !c.to().isEmpty());
        assertThat(lines).flatExtracting(AuditWords.Line::changes).extracting(AuditWords.Change::field)
                .noneMatch(f -> f.matches("[a-z_]+"));
        assertThat(created.changes()).extracting(AuditWords.Change::field)
                .contains("Mã hộ", "Xã, phường", "Chất lượng nhà ở").noneMatch(f -> f.matches("[a-z_]+"));
    }

    @Test
    void identityNumbersAreMaskedAndMembersNamed() {
        AuditLog.AuditFilter members = new AuditLog.AuditFilter(officer.getUsername(), "household_member", "", null, null, null, null);
        List<AuditWords.Line> lines = words.describe(log.find(members, 10), Locale.forLanguageTag("vi"));
        assertThat(lines).isNotEmpty();
        AuditWords.Line head = lines.stream().filter(l -> l.record().startsWith("Nguyễn Văn Hùng")).findFirst().orElseThrow();
        assertThat(head.table()).isEqualTo("thành viên");
        assertThat(head.record()).contains(household.householdCode());
        AuditWords.Change id = head.changes().stream().filter(c -> c.field().equals("Số CCCD")).findFirst().orElseThrow();
        assertThat(id.to()).doesNotContain(idNumber).endsWith(idNumber.substring(idNumber.length() - 3)).contains("•");
        assertThat(head.changes()).extracting(AuditWords.Change::field, AuditWords.Change::from, AuditWords.Change::to).contains(tuple("Ngày sinh", "", "04/03/1980"));
    }

    @Test
    void masksKeepOnlyTheLastDigits() {
        String[][] cases = {{"001234567890", "•••••••••890"}, {"123", "••3"}, {"", ""}, {"12", "••"}};
        for (String[] c : cases) {
            assertThat(AuditWords.mask(c[0])).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void thePageFiltersByUserTableUnitAndDayAndPagesByKeyset() throws Exception {
        String html = mvc.perform(get("/audit").param("username", officer.getUsername()).param("entity", "household")
                        .param("unit", String.valueOf(communeId)).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains(officer.getFullName(), "hộ gia đình", household.householdCode(), "Thu nhập bình quân đầu người/tháng",
                "1.200.000", "1.500.000", "bán kiên cố");
        assertThat(html).doesNotContain("income_per_capita", "{&quot;", "housing_quality", idNumber);
        // another unit: nothing of this commune
        long other = fixture.unitId("commune", fixture.communeCode("08", 13));
        String elsewhere = mvc.perform(get("/audit").param("username", officer.getUsername())
                        .param("unit", String.valueOf(other)).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(elsewhere).doesNotContain(household.householdCode());
        // a day range before the changes: nothing
        String before = mvc.perform(get("/audit").param("username", officer.getUsername()).param("to", "2020-01-01")
                        .with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(before).doesNotContain(household.householdCode());
        // keyset: the page after the newest entry of the household holds the creation only
        long newest = log.find(officersHousehold(), 1).get(0).id();
        List<AuditEntry> next = log.find(new AuditLog.AuditFilter(officer.getUsername(), "household",
                String.valueOf(household.id()), null, null, null, newest), 10);
        assertThat(next).hasSize(3).extracting(AuditEntry::action).endsWith("CREATE").doesNotContain("DELETE");
        assertThat(next).allMatch(e -> e.id() < newest);
        // only administrators
        mvc.perform(get("/audit").with(user(officer))).andExpect(status().isForbidden());
    }

    @Test
    void exportsCarryTheSameWordsWithTheSameFilters() throws Exception {
        byte[] csv = mvc.perform(get("/audit/export").param("format", "csv").param("username", officer.getUsername())
                        .param("unit", String.valueOf(communeId)).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        // fields by label; values as stored (machine format, as every CSV): plain numbers, codes
        assertThat(text).contains("Thu nhập bình quân đầu người/tháng", ",1200000,1500000,", ",semi_durable,durable,",
                household.householdCode()).doesNotContain(idNumber, "income_per_capita", "1.500.000");
        // members name their household, not a commune: the officer's changes without a unit, identity numbers masked
        String all = new String(mvc.perform(get("/audit/export").param("format", "csv").param("username", officer.getUsername())
                        .with(user(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(all).contains("Số CCCD", "thành viên").doesNotContain(idNumber);
        byte[] xlsx = mvc.perform(get("/audit/export").param("format", "xlsx").param("username", officer.getUsername())
                        .param("entity", "household").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getSheetAt(0)) {
                row.forEach(c -> cells.add(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(c)));
            }
        }
        assertThat(cells).contains("Chất lượng nhà ở", "bán kiên cố", "kiên cố", "hộ gia đình", "Thông tin")
                .noneMatch(c -> c.contains("household_member") || c.contains("{\""));
        // the reads log as files too
        mvc.perform(get("/audit/reads/export").param("format", "csv").with(user(admin))).andExpect(status().isOk());
        mvc.perform(get("/audit/reads/export").param("format", "xlsx").with(user(admin))).andExpect(status().isOk());
        mvc.perform(get("/audit/export").param("format", "csv").with(user(officer))).andExpect(status().isForbidden());
    }
}
