package vn.giamngheo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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

/** The seeded catalogue holds the general policies with valid rules; only administrators change it, audited. */
@Tag("database")
@SpringBootTest
class PolicyCatalogTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired PolicyCatalog catalog;

    @Test
    void theGeneralPoliciesAreSeededWithRulesAndHonestConfidence() {
        List<SupportPolicy> all = catalog.all();
        assertThat(all).extracting(SupportPolicy::code).contains("BHYT_POOR", "BHYT_NEAR_POOR", "BHYT_ESCAPED",
                "BHYT_AVERAGE_FARMING", "TUITION_EXEMPTION", "LEARNING_COST", "ELECTRICITY", "CREDIT", "HOUSING",
                "VOCATIONAL_TRAINING", "JOB_CONNECTION", "LEGAL_AID", "INFO_DEVICE");
        all.forEach(p -> assertThat(p.rule()).isNotNull());
        SupportPolicy nearPoor = catalog.byCode("BHYT_NEAR_POOR").orElseThrow();
        assertThat(nearPoor.sharePercent()).isEqualByComparingTo("70");
        assertThat(nearPoor.confidence()).isEqualTo("?");
        assertThat(catalog.byCode("BHYT_POOR").orElseThrow().sharePercent()).isEqualByComparingTo("100");
        assertThat(all).noneMatch(p -> p.legalSource().isBlank());
    }

    @Test
    void anAdministratorChangesAPolicyAndTheChangeIsAudited() {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        CurrentUser admin = fixture.loginAs(Role.ADMINISTRATOR, null, null);
        PolicyForm form = PolicyForm.of(catalog.byCode("LEGAL_AID").orElseThrow());
        form.setStatuses(List.of("poor", "near_poor"));
        form.setNote("mở rộng cho hộ cận nghèo (thử)");
        SupportPolicy saved = catalog.save(form, admin);
        assertThat(saved.statuses()).containsExactly("poor", "near_poor");
        assertThat(saved.version()).isEqualTo(form.getVersion() + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity = 'support_policy' AND action = 'UPDATE' "
                + "AND username = :u").param("u", admin.getUsername()).query(Long.class).single()).isEqualTo(1);

        // the same form again carries a stale version
        assertThatThrownBy(() -> catalog.save(form, admin)).isInstanceOf(InvalidSupportRequestException.class)
                .extracting(e -> ((InvalidSupportRequestException) e).keys()).isEqualTo(List.of("support.policy.problem.stale"));
        SecurityContextHolder.clearContext();
    }

    @Test
    void invalidPoliciesAndNonAdministratorsAreRefused() {
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        PolicyForm form = new PolicyForm();
        form.setCode("new policy");
        form.setStatuses(List.of("escaped_poor", "rich"));
        form.setBeneficiary("household");
        form.setMinAge(5);
        form.setSharePercent(new BigDecimal("120"));
        assertThatThrownBy(() -> catalog.save(form, admin)).isInstanceOf(InvalidSupportRequestException.class)
                .extracting(e -> ((InvalidSupportRequestException) e).keys()).asList().contains(
                        "support.policy.problem.code", "support.policy.problem.name", "support.policy.problem.statuses",
                        "support.policy.problem.window", "support.policy.problem.age-household",
                        "support.policy.problem.valid-from", "support.policy.problem.legal-source",
                        "support.policy.problem.amount");
        CurrentUser province = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        PolicyForm legal = PolicyForm.of(catalog.byCode("HOUSING").orElseThrow());
        // a province's officer changes only the province's own policies: a national code is refused
        assertThatThrownBy(() -> catalog.save(legal, province)).isInstanceOf(InvalidSupportRequestException.class)
                .extracting(e -> ((InvalidSupportRequestException) e).keys())
                .isEqualTo(List.of("support.policy.problem.code-national"));
        CurrentUser commune = fixture.user(Role.COMMUNE_OFFICER, "commune", fixture.communeCode("08", 1));
        assertThatThrownBy(() -> catalog.save(legal, commune)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void thePolicyPagesShowTheFormToAdministratorsOnly() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        CurrentUser admin = fixture.user(Role.ADMINISTRATOR, null, null);
        CurrentUser officer = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
        assertThat(mvc.perform(get("/support/policies/CREDIT").with(user(admin))).andReturn().getResponse()
                .getContentAsString()).contains("id=\"policy-form\"").contains("Ngân hàng Chính sách xã hội");
        assertThat(mvc.perform(get("/support/policies/CREDIT").with(user(officer))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("id=\"policy-form\"").contains("id=\"policy-facts\"");
        assertThat(mvc.perform(get("/support/policies/NOPE").with(user(officer))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        MvcResult invalid = mvc.perform(post("/support/policies").with(user(admin)).with(csrf())
                .param("code", "NEW_ONE").param("nameVi", "Mới").param("nameEn", "New").param("beneficiary", "person")
                .param("statuses", "poor").param("validFrom", "2026-01-01").param("benefitKind", "cash")
                .param("fundingSource", "local_budget").param("confidence", "?").param("legalSource", "")
                .param("minAge", "18").param("maxAge", "6")).andReturn();
        assertThat(invalid.getResponse().getContentAsString()).contains("id=\"policy-problems\"")
                .contains("Cần ghi căn cứ pháp lý").contains("Tuổi từ 0 đến 150");
        MvcResult created = mvc.perform(post("/support/policies").with(user(admin)).with(csrf())
                .param("code", "LOCAL_TET").param("nameVi", "Quà Tết của tỉnh").param("nameEn", "Provincial Tết gift")
                .param("beneficiary", "household").param("statuses", "poor").param("statuses", "near_poor")
                .param("validFrom", "2026-01-01").param("benefitKind", "in_kind").param("fundingSource", "local_budget")
                .param("confidence", "S").param("legalSource", "Kế hoạch của tỉnh").param("active", "true")).andReturn();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/support/policies/LOCAL_TET");
        assertThat(catalog.byCode("LOCAL_TET").orElseThrow().statuses()).containsExactly("poor", "near_poor");
    }
}
