package vn.giamngheo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.exchange.ExchangeProblem;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.HouseholdRegistry;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/** Benefit files are stored whole or not at all, with every problem located; households only in the user's area. */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenefitImportTest {

    private static final String HEADER = "household_code,commune_code,member_no,policy_code,benefit_date,amount,reference_no\n";

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired GeographyCatalog geography;
    @Autowired BenefitRecords benefits;
    @Autowired MessageSource messages;

    private SupportFixture fixture;
    private String commune;
    private String otherCommune;
    private CurrentUser officer;
    private Household h;

    @BeforeAll
    void household() {
        fixture = new SupportFixture(jdbc, users, registry, geography);
        commune = fixture.commune(31);
        otherCommune = fixture.commune(32);
        officer = fixture.officer(commune);
        h = fixture.household(commune, "NB-1", null, officer, "Bé Nhập", "2020-02-02");
        fixture.household(otherCommune, "NB-OTHER", null, fixture.officer(otherCommune));
    }

    private long stored() {
        return jdbc.sql("SELECT count(*) FROM benefit_record WHERE province_code = :p AND household_id = :h")
                .param("p", h.provinceCode()).param("h", h.id()).query(Long.class).single();
    }

    private BenefitImportResult importCsv(String name, String body, CurrentUser user) {
        return benefits.importFile(name, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), user);
    }

    @Test
    void oneBadLineRejectsTheWholeFileWithEveryProblemLocated() {
        long before = stored();
        String body = HEADER
                + "NB-1," + commune + ",1,BHYT_POOR,2026-01-15,,GD-1\n"
                + "NB-1," + commune + ",,ELECTRICITY,2026-02-01,46000,QĐ-5\n"
                + "NB-1," + commune + ",7,BHYT_POOR,2026-01-15,,GD-7\n"              // no member 7
                + "NB-1," + commune + ",,BHYT_POOR,2026-13-01,abc,\n"                 // member missing, bad date, bad amount
                + "NB-1," + commune + ",2,ELECTRICITY,2026-02-01,,\n"                 // household policy with a member
                + "NB-OTHER," + otherCommune + ",,ELECTRICITY,2026-02-01,,\n"         // outside the area
                + "NB-9," + commune + ",,NO_SUCH,2030-01-01,,\n";                     // unknown household, policy, future date
        BenefitImportResult result = importCsv("ho-tro.csv", body, officer);

        assertThat(result.accepted()).isFalse();
        assertThat(result.stored()).isZero();
        assertThat(stored()).isEqualTo(before);
        assertThat(result.problems()).extracting(p -> p.line() + ":" + p.column() + ":" + p.code()).containsExactlyInAnyOrder(
                "4:member_no:support.benefit.unknown-member",
                "5:benefit_date:exchange.invalid-date", "5:amount:support.benefit.invalid-amount",
                "5:member_no:support.benefit.member-required",
                "6:member_no:support.benefit.member-not-allowed",
                "7:commune_code:exchange.commune-outside-scope",
                "8:benefit_date:support.benefit.future-date", "8:household_code:support.benefit.unknown-household",
                "8:policy_code:support.benefit.unknown-policy");
        ExchangeProblem bad = result.problems().stream().filter(p -> p.line() == 5 && p.column().equals("amount")).findFirst().orElseThrow();
        assertThat(bad.file()).isEqualTo("ho-tro.csv");
        assertThat(bad.value()).isEqualTo("abc");
        assertThat(messages.getMessage(bad.code(), bad.args().toArray(), Locale.forLanguageTag("vi")))
                .contains("Số tiền là số nguyên");
        ExchangeProblem member = result.problems().stream().filter(p -> p.line() == 4).findFirst().orElseThrow();
        assertThat(messages.getMessage(member.code(), member.args().toArray(), Locale.forLanguageTag("vi")))
                .isEqualTo("Hộ NB-1 không có thành viên mang số thứ tự này.");
    }

    @Test
    void aCorrectFileIsStoredWholeAndTheSameFileAgainNotAtAll() {
        long before = stored();
        String body = HEADER
                + "NB-1," + commune + ",1,BHYT_POOR,2026-01-20,,GD-20\n"
                + "NB-1," + commune + ",3,TUITION_EXEMPTION,2026-01-20,,'=HỌC-1\n"
                + "NB-1," + commune + ",,ELECTRICITY,2026-03-01,46000,QĐ-20\n";
        BenefitImportResult result = importCsv("dung.csv", body, officer);
        assertThat(result.accepted()).isTrue();
        assertThat(result.stored()).isEqualTo(3);
        assertThat(stored()).isEqualTo(before + 3);
        // the spreadsheet-protection quote is removed
        assertThat(jdbc.sql("SELECT count(*) FROM benefit_record WHERE household_id = :h AND reference_no = '=HỌC-1'")
                .param("h", h.id()).query(Long.class).single()).isEqualTo(1);
        // audited by the trigger, one row per record
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'benefit_record' AND action = 'CREATE' "
                        + "AND after_value ->> 'household_id' = :h")
                .param("h", String.valueOf(h.id())).query(Long.class).single()).isGreaterThanOrEqualTo(3);

        BenefitImportResult again = importCsv("dung.csv", body, officer);
        assertThat(again.accepted()).isFalse();
        assertThat(again.problems()).extracting(ExchangeProblem::code).containsOnly("support.benefit.already-recorded").hasSize(3);
        assertThat(stored()).isEqualTo(before + 3);
    }

    @Test
    void duplicateLinesAndMissingColumnsAreRefused() {
        String line = "NB-1," + commune + ",1,BHYT_POOR,2026-04-04,,GD-44\n";
        BenefitImportResult duplicate = importCsv("lap.csv", HEADER + line + line, officer);
        assertThat(duplicate.problems()).extracting(p -> p.line() + ":" + p.code())
                .containsExactly("3:support.benefit.duplicate-line");

        BenefitImportResult missing = importCsv("thieu.csv", "household_code,commune_code,policy_code,benefit_date,extra\n"
                + "NB-1," + commune + ",ELECTRICITY,2026-01-01,x\n", officer);
        assertThat(missing.accepted()).isFalse();
        assertThat(missing.problems()).extracting(p -> p.column() + ":" + p.code()).contains("member_no:exchange.missing-column",
                "amount:exchange.missing-column", "reference_no:exchange.missing-column", "extra:exchange.unknown-column");
    }

    @Test
    void anXlsxFileIsReadWithTheExchangeReader() throws Exception {
        long before = stored();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("benefits");
            List<List<Object>> rows = List.of(
                    List.of("household_code", "commune_code", "member_no", "policy_code", "benefit_date", "amount", "reference_no"),
                    List.of("NB-1", commune, 2, "BHYT_POOR", "2026-05-05", "", "GD-X1"),
                    List.of("NB-1", commune, "", "HOUSING", "2026-05-06", 40000000, "QĐ-X2"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Integer i) {
                        row.createCell(c).setCellValue(i);
                    } else {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            wb.write(out);
        }
        BenefitImportResult result = benefits.importFile("ho-tro.xlsx", new ByteArrayInputStream(out.toByteArray()), officer);
        assertThat(result.problems()).isEmpty();
        assertThat(result.stored()).isEqualTo(2);
        assertThat(stored()).isEqualTo(before + 2);
        assertThat(jdbc.sql("SELECT amount_vnd FROM benefit_record WHERE household_id = :h AND reference_no = 'QĐ-X2'")
                .param("h", h.id()).query(Long.class).single()).isEqualTo(40_000_000L);
    }

    @Test
    void viewersMayNotRecordAndTheEntryFormUsesTheSameChecks() throws Exception {
        CurrentUser viewer = fixture.registryFixture.user(Role.MINISTRY_VIEWER, null, null);
        assertThatThrownBy(() -> importCsv("x.csv", HEADER, viewer)).isInstanceOf(AccessDeniedException.class);

        BenefitImportResult entry = benefits.add(new BenefitEntry("NB-1", commune, "", "LEGAL_AID", "2026-06-06", "", "TGPL-1", "tư vấn"),
                officer);
        assertThat(entry.problems()).extracting(ExchangeProblem::code).containsExactly("support.benefit.member-required");

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String page = mvc.perform(multipart("/support/benefits/import")
                        .file(new MockMultipartFile("file", "loi.csv", "text/csv",
                                (HEADER + "NB-1," + commune + ",9,BHYT_POOR,2026-01-15,,\n").getBytes(StandardCharsets.UTF_8)))
                        .with(user(officer)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"import-rejected\"").contains("loi.csv").contains("không có thành viên mang số thứ tự này");
    }
}
