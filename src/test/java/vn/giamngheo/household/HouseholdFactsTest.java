package vn.giamngheo.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Issue 16: facts are never invented nor lost (form and API), a missing fact is named where it is reported
 * with a link to its field, and the household list counts, pages and sorts.
 */
@Tag("database")
@SpringBootTest
class HouseholdFactsTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired HouseholdRegistry registry;
    @Autowired HouseholdClassifier classifier;

    MockMvc mvc;
    RegistryFixture fixture;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        fixture = new RegistryFixture(jdbc, users);
    }

    private static String code(String prefix) {
        return prefix + System.nanoTime() % 1_000_000;
    }

    @Test
    void aMissingFactIsNamedForItsMemberWithALinkToItsFieldAndFillingItClassifiesTheHousehold() throws Exception {
        String commune = fixture.communeCode("08", 32);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        HouseholdForm form = RegistryFixture.household(commune, code("MF"));
        MemberForm child = RegistryFixture.member(3, "Lý Văn Pao", "child", "2016-05-05");
        child.setInSchool(true);
        child.setEmployment("student");
        child.setMalnourished(false);
        form.getMembers().add(child);
        Household h = registry.create(form, officer);
        assertThat(h.members().get(2).schoolLevelAppropriate()).isNull();
        assertThat(jdbc.sql("SELECT poverty_status FROM household WHERE id = :id").param("id", h.id()).query(String.class).optional())
                .isEmpty();

        HouseholdClassifier.ClassificationView view = classifier.view(h, Locale.ENGLISH);
        assertThat(view.missingFacts()).extracting(HouseholdClassifier.MissingFact::key, HouseholdClassifier.MissingFact::memberNo,
                HouseholdClassifier.MissingFact::editUrl)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("school_level_appropriate", 3,
                        "/households/" + h.id() + "/edit#member-3-school_level_appropriate"));
        assertThat(view.missingFacts().get(0).name()).isEqualTo("whether the child is at the school level right for the age");
        assertThat(view.missingFacts().get(0).memberName()).isEqualTo("Lý Văn Pao");

        String page = mvc.perform(get("/households/" + h.id()).with(user(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"missing-facts\"")
                .contains("href=\"/households/" + h.id() + "/edit#member-3-school_level_appropriate\"");

        String edit = mvc.perform(get("/households/" + h.id() + "/edit").with(user(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(edit);
        assertThat(doc.getElementById("member-3")).isNotNull();
        org.jsoup.nodes.Element field = doc.getElementById("member-3-school_level_appropriate");
        assertThat(field).isNotNull();
        assertThat(field.attr("name")).isEqualTo("members[2].schoolLevelAppropriate");
        for (String key : List.of("household_code", "commune_code", "village", "area", "reference_date", "income_per_capita",
                "b1_score", "housing_quality", "floor_area_m2", "water_source", "toilet", "internet_use", "telephone_use",
                "info_devices", "loudspeaker_reach", "waste_treatment", "causes", "ethnic_minority", "merit_household",
                "social_protection", "address")) {
            assertThat(doc.getElementById("fact-" + key)).as("household fact " + key).isNotNull();
        }
        for (String key : List.of("member_no", "full_name", "id_number", "birth_date", "sex", "ethnicity", "relation",
                "employment", "working_capacity", "disability", "monthly_social_allowance", "health_insurance", "malnourished",
                "education", "in_school", "school_level_appropriate", "sick_untreated", "merit_person")) {
            assertThat(doc.getElementById("member-1-" + key)).as("member fact " + key).isNotNull();
        }

        MockHttpServletRequestBuilder save = post("/households/" + h.id()).with(user(officer)).with(csrf());
        FormPost.of(edit, "household-form").forEach(p -> save.param(p.getKey(),
                p.getKey().equals("members[2].schoolLevelAppropriate") ? "true" : p.getValue()));
        assertThat(mvc.perform(save).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/households/" + h.id());
        Household saved = registry.get(h.id(), officer);
        assertThat(saved.members().get(2).schoolLevelAppropriate()).isTrue();
        assertThat(saved.members().get(0).malnourished()).isNull();
        assertThat(jdbc.sql("SELECT poverty_status FROM household WHERE id = :id").param("id", h.id()).query(String.class).single())
                .isNotNull();
        assertThat(classifier.view(saved, Locale.ENGLISH).missingFacts()).isEmpty();
    }

    @Test
    void everyFactTheStandardLacksIsNamedNotOnlyTheFirst() {
        String commune = fixture.communeCode("08", 32);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        HouseholdForm form = RegistryFixture.household(commune, code("MG"));
        for (int no = 3; no <= 4; no++) {
            MemberForm child = RegistryFixture.member(no, "Con " + no, "child", (2012 + no) + "-01-01");
            child.setInSchool(true);
            form.getMembers().add(child);
        }
        Household h = registry.create(form, officer);
        assertThat(classifier.missingFacts(h, new vn.giamngheo.standard.rules.MissingFactException(h.householdCode(),
                        "school_level_appropriate", "test")))
                .contains(new HouseholdClassifier.Fact("school_level_appropriate", 3),
                        new HouseholdClassifier.Fact("school_level_appropriate", 4),
                        new HouseholdClassifier.Fact("malnourished", 3), new HouseholdClassifier.Fact("malnourished", 4))
                .doesNotContain(new HouseholdClassifier.Fact("school_level_appropriate", 1));
    }

    @Test
    void aPutWithoutAFieldKeepsTheStoredFactAndAnExplicitNullClearsIt() throws Exception {
        String commune = fixture.communeCode("08", 32);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        HouseholdForm form = RegistryFixture.household(commune, code("PU"));
        form.setTelephoneUse(true);
        form.getMembers().get(1).setMalnourished(false);
        Household h = registry.create(form, officer);

        MvcResult first = mvc.perform(put("/api/v1/households/" + h.id()).with(user(officer)).with(csrf())
                        .contentType("application/json")
                        .content("{\"version\": " + h.version() + ", \"address\": \"Bản Mới\", \"members\": ["
                                + "{\"memberNo\": 1, \"fullName\": \"Nguyễn Văn Hùng Mới\"}, {\"memberNo\": 2}]}"))
                .andReturn();
        assertThat(first.getResponse().getStatus()).as(first.getResponse().getContentAsString()).isEqualTo(200);
        Household afterFirst = registry.get(h.id(), officer);
        assertThat(afterFirst.address()).isEqualTo("Bản Mới");
        assertThat(afterFirst.telephoneUse()).isTrue();
        assertThat(afterFirst.wasteTreatment()).isTrue();
        assertThat(afterFirst.housingQuality()).isEqualTo("semi_durable");
        assertThat(afterFirst.members()).extracting(Member::fullName).containsExactly("Nguyễn Văn Hùng Mới", "Trần Thị Lan");
        assertThat(afterFirst.members().get(1).malnourished()).isFalse();
        assertThat(afterFirst.members().get(1).idNumber()).isEqualTo(h.members().get(1).idNumber());
        assertThat(afterFirst.version()).isEqualTo(h.version() + 1);

        mvc.perform(put("/api/v1/households/" + h.id()).with(user(officer)).with(csrf()).contentType("application/json")
                .content("{\"version\": " + afterFirst.version() + ", \"telephoneUse\": null}")).andReturn();
        Household afterSecond = registry.get(h.id(), officer);
        assertThat(afterSecond.telephoneUse()).isNull();
        assertThat(afterSecond.members()).hasSize(2);

        MvcResult unchanged = mvc.perform(put("/api/v1/households/" + h.id()).with(user(officer)).with(csrf())
                .contentType("application/json").content("{\"version\": " + afterSecond.version() + "}")).andReturn();
        assertThat(unchanged.getResponse().getStatus()).isEqualTo(200);
        assertThat(registry.get(h.id(), officer).version()).as("a PUT that changes nothing writes nothing").isEqualTo(afterSecond.version());

        MvcResult refused = mvc.perform(put("/api/v1/households/" + h.id()).with(user(officer)).with(csrf())
                .contentType("application/json").content("{\"version\": " + afterSecond.version() + ", \"internetUse\": null}")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("internetUse");
    }

    @Test
    void aNewHouseholdHasNoAnswerTheUserDidNotGive() {
        String commune = fixture.communeCode("08", 32);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        HouseholdForm form = new HouseholdForm();
        form.setHouseholdCode(code("NA"));
        form.setCommuneCode(commune);
        form.setIncomePerCapita(900_000L);
        form.setFloorAreaM2(new java.math.BigDecimal("20"));
        MemberForm head = new MemberForm();
        head.setMemberNo(1);
        head.setFullName("Hà Văn Sinh");
        head.setBirthDate("1970");
        head.setRelation("head");
        form.getMembers().add(head);
        assertThat(form.getHousingQuality()).isNull();
        assertThat(form.getInternetUse()).isNull();
        assertThat(head.getHealthInsurance()).isNull();
        assertThatThrownBy(() -> registry.create(form, officer)).isInstanceOfSatisfying(InvalidHouseholdException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).contains("housingQuality", "waterSource", "toilet",
                        "internetUse", "members[0].sex", "members[0].ethnicity", "members[0].employment", "members[0].education",
                        "members[0].workingCapacity", "members[0].healthInsurance", "members[0].inSchool"));
    }

    @Test
    void theNewHouseholdPageStoresOnlyWhatWasEnteredAndAsksForTheRequiredAnswers() throws Exception {
        String commune = fixture.communeCode("08", 32);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        String html = mvc.perform(get("/households/new").with(user(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html);
        for (String id : List.of("fact-housing_quality", "fact-water_source", "fact-toilet", "fact-internet_use",
                "member-1-health_insurance", "member-1-employment")) {
            assertThat(doc.getElementById(id).select("option[selected]")).as(id + " has no answer chosen").isEmpty();
        }
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        FormPost.of(html, "household-form").forEach(p -> fields.put(p.getKey(), p.getValue()));
        String householdCode = code("NP");
        fields.putAll(Map.of("householdCode", householdCode, "communeCode", commune, "incomePerCapita", "850000",
                "floorAreaM2", "18.5", "members[0].fullName", "Sùng A Páo", "members[0].birthDate", "1968",
                "members[0].sex", "male", "members[0].ethnicity", "H'Mông", "members[0].employment", "self_employed",
                "members[0].education", "primary"));
        MockHttpServletRequestBuilder incomplete = post("/households").with(user(officer)).with(csrf());
        fields.forEach(incomplete::param);
        MvcResult refused = mvc.perform(incomplete).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isNull();
        assertThat(org.jsoup.Jsoup.parse(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .select("small.error").eachText()).hasSizeGreaterThanOrEqualTo(7);

        fields.putAll(Map.of("housingQuality", "makeshift", "waterSource", "surface_water", "toilet", "none",
                "internetUse", "false", "members[0].workingCapacity", "true", "members[0].healthInsurance", "true",
                "members[0].inSchool", "false"));
        MockHttpServletRequestBuilder complete = post("/households").with(user(officer)).with(csrf());
        fields.forEach(complete::param);
        String target = mvc.perform(complete).andReturn().getResponse().getRedirectedUrl();
        assertThat(target).startsWith("/households/");
        Household h = registry.get(Long.parseLong(target.substring("/households/".length())), officer);
        assertThat(h.householdCode()).isEqualTo(householdCode);
        assertThat(h.telephoneUse()).isNull();
        assertThat(h.loudspeakerReach()).isNull();
        assertThat(h.wasteTreatment()).isNull();
        assertThat(h.ethnicMinority()).isNull();
        assertThat(h.members().get(0).malnourished()).isNull();
        assertThat(h.members().get(0).disability()).isNull();
        assertThat(h.members().get(0).ethnicity()).isEqualTo("H'Mông");
    }

    @Test
    void theListCountsPagesAndSortsKeepingItsFilters() throws Exception {
        String commune = fixture.communeCode("08", 34);
        CurrentUser officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        long village = fixture.village(commune, "Bản Áng");
        String prefix = code("LS");
        List<String> heads = List.of("Đặng Thị Yến", "Bế Văn An", "Hoàng Văn Cường", "Ma Thị Bích", "Âu Văn Dũng");
        for (int i = 0; i < heads.size(); i++) {
            HouseholdForm f = RegistryFixture.household(commune, prefix + "-" + i);
            f.getMembers().get(0).setFullName(heads.get(i));
            f.setVillageId(i % 2 == 0 ? village : null);
            registry.create(f, officer);
        }
        HouseholdQuery byName = new HouseholdQuery(prefix, null, null, "", "", 0, 50, "name", false);
        assertThat(registry.count(byName, officer)).isEqualTo(5);
        assertThat(registry.search(byName, officer)).extracting(HouseholdSummary::headName)
                .containsExactly("Âu Văn Dũng", "Bế Văn An", "Đặng Thị Yến", "Hoàng Văn Cường", "Ma Thị Bích");
        assertThat(registry.search(new HouseholdQuery(prefix, null, null, "", "", 0, 50, "name", true), officer))
                .extracting(HouseholdSummary::headName)
                .containsExactly("Ma Thị Bích", "Hoàng Văn Cường", "Đặng Thị Yến", "Bế Văn An", "Âu Văn Dũng");
        assertThat(registry.search(new HouseholdQuery(prefix, null, null, "", "", 0, 50, "village", false), officer))
                .extracting(HouseholdSummary::householdCode)
                .containsExactly(prefix + "-0", prefix + "-2", prefix + "-4", prefix + "-1", prefix + "-3");
        assertThat(registry.search(new HouseholdQuery(prefix, null, null, "", "", 1, 2, "code", true), officer))
                .extracting(HouseholdSummary::householdCode).startsWith(prefix + "-2", prefix + "-1");
        assertThat(registry.search(new HouseholdQuery(prefix, null, null, "", "", 0, 50, "status", false), officer)).hasSize(5);

        String page = mvc.perform(get("/households").param("q", prefix).param("sort", "name").param("dir", "desc")
                .param("lang", "en").with(user(officer))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(page);
        assertThat(doc.getElementById("household-count").text()).contains("5 households").contains("Page 1 of 1");
        assertThat(doc.select("#household-table tbody tr td:nth-child(2)").eachText())
                .containsExactly("Ma Thị Bích", "Hoàng Văn Cường", "Đặng Thị Yến", "Bế Văn An", "Âu Văn Dũng");
        Map<String, String> links = Map.of("sort-code", "sort=code&dir=asc", "sort-name", "sort=name&dir=asc",
                "sort-village", "sort=village&dir=asc", "sort-status", "sort=status&dir=asc");
        links.forEach((id, expected) -> assertThat(doc.getElementById(id).attr("href")).contains("q=" + prefix).contains(expected));
        assertThat(doc.select("#household-search input[name=sort]").val()).isEqualTo("name");
    }
}
