package vn.giamngheo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdLifeEvents;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.UserAccounts;
import vn.giamngheo.support.rules.CoverageFigures;
import vn.giamngheo.support.rules.CoveragePeriod;

/**
 * Coverage and gap figures of a commune equal independent SQL counts on the decided lists, the register (with its
 * life events: a household dissolved or moved away is on no list from that day) and the benefit records; the gap
 * list exports to XLSX; names only for the commune's officers; other communes are 404.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=support2-coverage")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageIntegrationTest {

    private static final LocalDate ON = LocalDate.of(2026, 6, 30);
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired GeographyCatalog geography;
    @Autowired CoverageService coverage;
    @Autowired HouseholdLifeEvents lifeEvents;

    private SupportFixture fixture;
    private String commune;
    private String otherCommune;
    private CurrentUser officer;
    private Household h1;
    private Household h3;

    @BeforeAll
    void lists() {
        fixture = new SupportFixture(jdbc, users, registry, geography);
        commune = fixture.commune(21);
        otherCommune = fixture.commune(22);
        officer = fixture.officer(commune);
        long v1 = fixture.village(commune, "Thôn Bao Phủ Một");
        long v2 = fixture.village(commune, "Thôn Bao Phủ Hai");
        // H1: poor since 2025, children aged 4 and 14 on the date
        h1 = fixture.household(commune, "=1+2", v1, officer, "Bé Tư", "2022-03-01", "Anh Mười Bốn", "2012-05-05");
        // H2: near-poor, a child of 2
        Household h2 = fixture.household(commune, "CV-2", v1, officer, "Bé Hai", "2024-01-01");
        // H3: poor 2024, escaped on 1 January 2026
        h3 = fixture.household(commune, "CV-3", v2, officer);
        // H4: on a list that was revoked
        Household h4 = fixture.household(commune, "CV-4", v2, officer);
        // H5: poor only from 1 July 2026 (after the date)
        Household h5 = fixture.household(commune, "CV-5", v2, officer);
        // H6: poor, no village
        Household h6 = fixture.household(commune, "CV-6", null, officer);
        // H7: poor, dissolved on 15 March 2026 (before the date)
        Household h7 = fixture.household(commune, "CV-7", v2, officer);
        // H8: poor, moved to the other commune on 15 February 2026: on no list there until its review
        Household h8 = fixture.household(commune, "CV-8", v2, officer);
        // H9: poor, dissolved on 1 July 2026 (after the date): still counted
        Household h9 = fixture.household(commune, "CV-9", v2, officer);
        // another commune: poor, must not count here
        Household other = fixture.household(otherCommune, "CV-X", null, fixture.officer(otherCommune));

        fixture.decide(commune, LocalDate.of(2024, 1, 1), Map.of(h3, "poor"));
        fixture.decide(commune, LocalDate.of(2025, 1, 1), Map.of(h1, "poor", h2, "near_poor", h6, "poor", h7, "poor",
                h8, "poor", h9, "poor"));
        fixture.revoke(fixture.decide(commune, LocalDate.of(2025, 2, 1), Map.of(h4, "poor")));
        fixture.decide(commune, LocalDate.of(2026, 1, 1), Map.of(h3, "not_poor"));
        fixture.decide(commune, LocalDate.of(2026, 7, 1), Map.of(h5, "poor"));
        fixture.decide(otherCommune, LocalDate.of(2025, 1, 1), Map.of(other, "poor"));

        fixture.benefit(h1, 1, "BHYT_POOR", "2026-01-10");       // received
        fixture.benefit(h1, 3, "BHYT_POOR", "2025-12-20");       // before the period: still a gap
        fixture.benefit(h4, 1, "BHYT_POOR", "2026-02-01");       // revoked list: leakage
        fixture.benefit(h3, 1, "BHYT_POOR", "2026-03-01");       // escaped: leakage
        fixture.benefit(h3, 1, "BHYT_POOR", "2026-03-02");       // second record of the same person
        fixture.benefit(h1, null, "ELECTRICITY", "2026-02-01");  // received
        fixture.benefit(h3, null, "CREDIT", "2026-04-01");       // newly escaped within 36 months: received
        fixture.benefit(h2, 4, "TUITION_EXEMPTION", "2026-05-01"); // aged 2: leakage
        fixture.benefit(h1, 4, "TUITION_EXEMPTION", "2026-05-01"); // aged 14: received
        fixture.benefit(other, null, "ELECTRICITY", "2026-02-01");
        fixture.benefit(h7, 1, "BHYT_POOR", "2026-02-01");       // before it was dissolved: neither counted nor leakage
        fixture.benefit(h7, 2, "BHYT_POOR", "2026-04-01");       // after it was dissolved: leakage
        fixture.benefit(h9, null, "ELECTRICITY", "2026-03-01");  // received

        lifeEvents.dissolve(h7.id(), registry.get(h7.id(), officer).version(), LocalDate.of(2026, 3, 15), "test", officer);
        lifeEvents.dissolve(h9.id(), registry.get(h9.id(), officer).version(), LocalDate.of(2026, 7, 1), "test", officer);
        lifeEvents.move(h8.id(), registry.get(h8.id(), officer).version(), otherCommune, null, LocalDate.of(2026, 2, 15),
                "test", fixture.provinceOfficer("08"));
        fixture.benefit(h8, null, "ELECTRICITY", "2026-03-01");  // in the new commune, not listed there: leakage there
    }

    private CoverageFigures figures(String policy, CurrentUser user) {
        return coverage.coverage(fixture.communeId(commune), policy, CoveragePeriod.onDate(ON), user.scope())
                .policies().get(0).total();
    }

    @Test
    void figuresOfTheCommuneEqualIndependentCounts() {
        for (String policy : List.of("BHYT_POOR", "ELECTRICITY", "TUITION_EXEMPTION", "LEARNING_COST", "HOUSING", "CREDIT",
                "BHYT_NEAR_POOR")) {
            CoverageFigures f = figures(policy, officer);
            long entitled = entitledSql(policy);
            long received = receivedSql(policy);
            assertThat(f.entitled()).as("%s entitled", policy).isEqualTo(entitled);
            assertThat(f.received()).as("%s received", policy).isEqualTo(received);
            assertThat(f.gap()).as("%s gap", policy).isEqualTo(entitled - received);
            assertThat(f.leakage()).as("%s leakage", policy).isEqualTo(leakageSql(policy));
        }
        // and the counts are the ones the scenario was built for
        assertThat(figures("BHYT_POOR", officer)).isEqualTo(new CoverageFigures(8, 1, 7, 3, 4));
        assertThat(figures("ELECTRICITY", officer)).isEqualTo(new CoverageFigures(3, 2, 1, 0, 0));
        assertThat(figures("TUITION_EXEMPTION", officer)).isEqualTo(new CoverageFigures(2, 1, 1, 1, 1));
        assertThat(figures("CREDIT", officer)).isEqualTo(new CoverageFigures(5, 1, 4, 0, 0));
    }

    @Test
    void theProvinceSeesTheSameCountsWithoutNamesAndTheCommuneAmongItsCommunes() {
        CurrentUser province = fixture.provinceOfficer("08");
        CoverageReport communeReport = coverage.coverage(fixture.communeId(commune), "BHYT_POOR", CoveragePeriod.onDate(ON),
                province.scope());
        assertThat(communeReport.namesVisible()).isFalse();
        assertThat(communeReport.gap()).isEmpty();
        assertThat(communeReport.policies().get(0).total()).isEqualTo(figures("BHYT_POOR", officer));

        CoverageReport provinceReport = coverage.coverage(null, "ELECTRICITY", CoveragePeriod.onDate(ON), province.scope());
        assertThat(provinceReport.unit().level()).isEqualTo("province");
        CoverageReport.UnitFigures row = provinceReport.policies().get(0).units().stream()
                .filter(u -> u.code().equals(commune)).findFirst().orElseThrow();
        assertThat(row.figures()).isEqualTo(figures("ELECTRICITY", officer));
        CoverageReport.UnitFigures otherRow = provinceReport.policies().get(0).units().stream()
                .filter(u -> u.code().equals(otherCommune)).findFirst().orElseThrow();
        // the household that moved in is not entitled there before the commune lists it, and its benefit is leakage
        assertThat(otherRow.figures().entitled()).isEqualTo(1);
        assertThat(otherRow.figures().leakage()).isEqualTo(1);
        // the province total is the sum of its communes, and equals the independent count over the province
        assertThat(provinceReport.policies().get(0).total().entitled()).isEqualTo(provinceReport.policies().get(0).units()
                .stream().mapToLong(u -> u.figures().entitled()).sum());
        assertThat(provinceReport.policies().get(0).total().entitled()).isEqualTo(entitledSql("ELECTRICITY",
                unitPath("province", "08")));
    }

    @Test
    void theCommuneOfficerSeesTheGapWithNamesAndVillages() {
        CoverageReport report = coverage.coverage(null, "BHYT_POOR", CoveragePeriod.onDate(ON), officer.scope());
        assertThat(report.namesVisible()).isTrue();
        assertThat(report.gap()).hasSize(7);
        assertThat(report.gap()).extracting(CoverageReport.Beneficiary::householdCode).doesNotContain("CV-7", "CV-8")
                .contains("CV-9");
        assertThat(report.gap()).filteredOn(b -> "=1+2".equals(b.householdCode()))
                .extracting(CoverageReport.Beneficiary::memberNo).containsExactly(2, 3, 4);
        assertThat(report.gap()).filteredOn(b -> "=1+2".equals(b.householdCode()))
                .extracting(CoverageReport.Beneficiary::village).containsOnly("Thôn Bao Phủ Một");
        assertThat(report.gap()).filteredOn(b -> b.memberNo() == 3).extracting(CoverageReport.Beneficiary::memberName)
                .containsExactly("Bé Tư");
        assertThat(report.leakage()).extracting(CoverageReport.Beneficiary::householdCode).containsExactlyInAnyOrder("CV-3", "CV-4", "CV-7");
        // by village: Thôn Một has H1's 4 members, H6 has no village
        assertThat(report.policies().get(0).units()).extracting(u -> u.name() + "=" + u.figures().entitled())
                .containsExactlyInAnyOrder("=2", "Thôn Bao Phủ Một=4", "Thôn Bao Phủ Hai=2");
    }

    @Test
    void theGapListExportsToXlsxWithVietnameseHeadersAndTextNeverAFormula() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        MvcResult result = mvc.perform(get("/support/coverage/gap.xlsx").param("policy", "BHYT_POOR")
                .param("date", ON.toString()).with(user(officer))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheet(GapWorkbook.SHEET);
            Row header = sheet.getRow(4);
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).isEqualTo(GapWorkbook.HEADERS);
            // printed across A4 with the header on every page, kept in view and filterable over every row
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("5:5");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 5);
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef())
                    .isEqualTo("A5:G" + (sheet.getLastRowNum() + 1));
            List<String> rows = new ArrayList<>();
            for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.STRING);
                rows.add(row.getCell(3).getStringCellValue() + "/" + (row.getCell(5) == null ? "" : (int) row.getCell(5).getNumericCellValue())
                        + "/" + row.getCell(6).getStringCellValue());
            }
            assertThat(rows).hasSize((int) figures("BHYT_POOR", officer).gap())
                    .contains("=1+2/3/Bé Tư", "=1+2/4/Anh Mười Bốn");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'EXPORT' AND entity = 'support_gap' AND entity_id = :c")
                .param("c", commune).query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theLeakageListExportsToXlsxWithTheHouseholdsThatReceivedWhileNotEntitled() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        MvcResult result = mvc.perform(get("/support/coverage/leakage.xlsx").param("policy", "BHYT_POOR")
                .param("date", ON.toString()).with(user(officer))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheet(GapWorkbook.LEAKAGE_SHEET);
            List<String> rows = new ArrayList<>();
            for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                rows.add(row.getCell(3).getStringCellValue() + "/" + (int) row.getCell(5).getNumericCellValue());
            }
            // H3 (escaped) and H4 (revoked list) member 1, H7 member 2 (after it was dissolved)
            assertThat(rows).containsExactlyInAnyOrder("CV-3/1", "CV-4/1", "CV-7/2")
                    .hasSize((int) figures("BHYT_POOR", officer).leakage());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'EXPORT' AND entity = 'support_leakage' AND entity_id = :c")
                .param("c", commune).query(Long.class).single()).isEqualTo(1);
        assertThat(mvc.perform(get("/support/coverage/leakage.xlsx").param("unitId", String.valueOf(fixture.communeId(commune)))
                .with(user(fixture.provinceOfficer("08")))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void anotherCommuneIsNotFoundAndTheProvinceGetsNoNames() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        long other = fixture.communeId(otherCommune);
        assertThat(mvc.perform(get("/api/v1/support/coverage").param("unit", String.valueOf(other)).with(user(officer)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/support/coverage").param("unitId", String.valueOf(other)).with(user(officer)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/support/coverage/gap.xlsx").param("unitId", String.valueOf(fixture.communeId(commune)))
                .with(user(fixture.provinceOfficer("08")))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/support/coverage").param("date", "30/06/2026").with(user(officer)))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void theApiAndThePageShowTheFigures() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String json = mvc.perform(get("/api/v1/support/coverage").param("policy", "ELECTRICITY").param("date", ON.toString())
                .with(user(officer))).andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"entitled\":3").contains("\"received\":2").contains("\"gap\":1");
        String page = mvc.perform(get("/support/coverage").param("policy", "ELECTRICITY").param("date", ON.toString())
                .with(user(officer))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"gap-list\"").contains("CV-6").contains("Thuộc diện");
        // the lists with names come a page at a time: here one page, counted, with no pager; a page asked for beyond
        // the last shows the last
        String pastTheEnd = mvc.perform(get("/support/coverage").param("policy", "BHYT_POOR").param("date", ON.toString())
                .param("gapPage", "9").param("leakagePage", "4").with(user(officer))).andReturn().getResponse()
                .getContentAsString();
        assertThat(pastTheEnd).contains("id=\"gap-count\"").contains("Dòng 1–7 trên tổng số 7")
                .contains("Dòng 1–3 trên tổng số 3").contains("CV-9").doesNotContain("id=\"gap-pager\"")
                .doesNotContain("id=\"leakage-pager\"");
        String policies = mvc.perform(get("/support/policies").with(user(officer))).andReturn().getResponse().getContentAsString();
        assertThat(policies).contains("BHYT_NEAR_POOR").contains("Chưa chắc chắn").contains("Nguồn thứ cấp").doesNotContain("[?]");
    }

    @Test
    void theDashboardPanelShowsTheHealthInsuranceFiguresOfTheUnit() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        CoverageFigures f = coverage.coverage(fixture.communeId(commune), "BHYT_POOR", CoveragePeriod.year(2026),
                officer.scope()).policies().get(0).total();
        String panel = mvc.perform(get("/support/coverage/panel").param("unit", String.valueOf(fixture.communeId(commune)))
                .param("year", "2026").with(user(officer))).andReturn().getResponse().getContentAsString();
        assertThat(panel).contains("id=\"coverage-panel-figures\"")
                .containsPattern("class=\"entitled\">" + f.entitled() + "<")
                .containsPattern("class=\"gap\">" + f.gap() + "<")
                .containsPattern("class=\"leakage\">" + f.leakage() + "<")
                .contains("/support/coverage?unitId=" + fixture.communeId(commune) + "&amp;policy=BHYT_POOR");
        assertThat(f.entitled()).isPositive();
        // another commune's unit: the same "no figures" answer as for a unit without figures, and no numbers
        String other = mvc.perform(get("/support/coverage/panel").param("unit", String.valueOf(fixture.communeId(commune)))
                .with(user(fixture.officer(otherCommune)))).andReturn().getResponse().getContentAsString();
        assertThat(other).contains("coverage-panel-none").doesNotContain("coverage-panel-figures");
        String dashboard = mvc.perform(get("/dashboard").with(user(officer))).andReturn().getResponse().getContentAsString();
        assertThat(dashboard).contains("hx-get=\"/support/coverage/panel?unit=");
        // a province: no tally in the panel (it would read the whole province at every dashboard), a link instead
        String above = mvc.perform(get("/support/coverage/panel").with(user(fixture.provinceOfficer("08")))).andReturn().getResponse()
                .getContentAsString();
        assertThat(above).contains("id=\"coverage-panel-above\"", "policy=BHYT_POOR").doesNotContain("coverage-panel-figures");
    }

    // ---- independent counts: plain SQL on the lists, the register and the benefits ----

    private String unitPath(String level, String code) {
        return jdbc.sql("SELECT path FROM admin_unit WHERE level = :l AND code = :c AND valid_to IS NULL")
                .param("l", level).param("c", code).query(String.class).single();
    }

    /**
     * The status row in force on :d of the households the register has in the unit — unless the household left (a
     * move, merge or dissolution) after that row took effect and on or before :d, or is no longer active without
     * a recorded event.
     */
    private static final String LATEST = """
            WITH decided AS (
              SELECT DISTINCT ON (s.household_id) s.household_id, s.status, s.effective_from, h.province_code, h.life_status
              FROM household_status s JOIN household h ON h.province_code = s.province_code AND h.id = s.household_id
              JOIN admin_unit c ON c.id = h.commune_id
              WHERE c.path LIKE :path AND NOT s.revoked AND s.effective_from <= :d
              ORDER BY s.household_id, s.effective_from DESC, s.id DESC),
            latest AS (
              SELECT x.household_id, x.status FROM decided x
              WHERE NOT EXISTS (SELECT 1 FROM household_event e WHERE e.province_code = x.province_code
                      AND e.household_id = x.household_id AND e.event_type IN ('moved', 'merged_into', 'dissolved')
                      AND e.event_date > x.effective_from AND e.event_date <= :d)
                AND (x.life_status = 'active' OR EXISTS (SELECT 1 FROM household_event e WHERE e.province_code = x.province_code
                      AND e.household_id = x.household_id AND e.event_type IN ('moved', 'merged_into', 'dissolved')))),
            prev AS (
              SELECT DISTINCT ON (s.household_id) s.household_id, s.status, s.effective_from
              FROM household_status s JOIN latest l ON l.household_id = s.household_id
              WHERE NOT s.revoked AND s.effective_from <= :d AND s.status = 'poor'
              ORDER BY s.household_id, s.effective_from DESC, s.id DESC),
            escaped AS (
              SELECT l.household_id FROM latest l JOIN prev p ON p.household_id = l.household_id
              WHERE l.status <> 'poor' AND (SELECT min(s.effective_from) FROM household_status s
                    WHERE s.household_id = l.household_id AND NOT s.revoked AND s.effective_from > p.effective_from) > :d - interval '36 months')
            """;

    /** SQL conditions of the policies this test uses (hand-written from the seeded rules). */
    private static final Map<String, String> CONDITION = new LinkedHashMap<>(Map.of(
            "BHYT_POOR", "l.status = 'poor'",
            "BHYT_NEAR_POOR", "l.status = 'near_poor'",
            "ELECTRICITY", "l.status = 'poor'",
            "HOUSING", "l.status IN ('poor', 'near_poor')",
            "CREDIT", "(l.status IN ('poor', 'near_poor') OR l.household_id IN (SELECT household_id FROM escaped))",
            "TUITION_EXEMPTION", "l.status IN ('poor', 'near_poor') AND date_part('year', age(:d, m.birth_date)) BETWEEN 3 AND 18",
            "LEARNING_COST", "l.status = 'poor' AND date_part('year', age(:d, m.birth_date)) BETWEEN 3 AND 18"));
    private static final List<String> HOUSEHOLD_LEVEL = List.of("ELECTRICITY", "HOUSING", "CREDIT");

    private long entitledSql(String policy) {
        return entitledSql(policy, unitPath("commune", commune));
    }

    private String entitledQuery(String policy) {
        return HOUSEHOLD_LEVEL.contains(policy)
                ? LATEST + " SELECT l.household_id, NULL::integer AS member_no FROM latest l WHERE " + CONDITION.get(policy)
                : LATEST + " SELECT m.household_id, m.member_no FROM latest l JOIN household_member m ON m.household_id = l.household_id "
                        + "WHERE m.birth_date <= :d AND " + CONDITION.get(policy);
    }

    private long entitledSql(String policy, String path) {
        return jdbc.sql("SELECT count(*) FROM (" + entitledQuery(policy) + ") e")
                .param("path", path + "%").param("d", ON).query(Long.class).single();
    }

    private long receivedSql(String policy) {
        return jdbc.sql("SELECT count(*) FROM (" + entitledQuery(policy) + ") e WHERE EXISTS (SELECT 1 FROM benefit_record b "
                        + "JOIN support_policy p ON p.id = b.policy_id WHERE p.code = :code AND b.household_id = e.household_id "
                        + "AND b.member_no IS NOT DISTINCT FROM e.member_no AND b.benefit_date BETWEEN :from AND :d)")
                .param("path", unitPath("commune", commune) + "%").param("d", ON).param("from", FROM).param("code", policy)
                .query(Long.class).single();
    }

    /** Distinct beneficiaries with a benefit in the period that the entitlement query on the benefit's date leaves out. */
    private long leakageSql(String policy) {
        List<Object[]> records = jdbc.sql("""
                        SELECT b.household_id, b.member_no, b.benefit_date FROM benefit_record b
                        JOIN support_policy p ON p.id = b.policy_id JOIN household h ON h.province_code = b.province_code
                          AND h.id = b.household_id JOIN admin_unit c ON c.id = h.commune_id
                        WHERE p.code = :code AND c.path LIKE :path AND b.benefit_date BETWEEN :from AND :d""")
                .param("code", policy).param("path", unitPath("commune", commune) + "%").param("from", FROM).param("d", ON)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getObject(2, Integer.class), rs.getObject(3, LocalDate.class)})
                .list();
        java.util.Set<String> leaked = new java.util.HashSet<>();
        for (Object[] r : records) {
            long entitledThen = jdbc.sql("SELECT count(*) FROM (" + entitledQuery(policy) + ") e WHERE e.household_id = :h "
                            + "AND e.member_no IS NOT DISTINCT FROM CAST(:m AS integer)")
                    .param("path", unitPath("commune", commune) + "%").param("d", r[2]).param("h", r[0]).param("m", r[1])
                    .query(Long.class).single();
            if (entitledThen == 0) {
                leaked.add(r[0] + "/" + r[1]);
            }
        }
        return leaked.size();
    }
}
