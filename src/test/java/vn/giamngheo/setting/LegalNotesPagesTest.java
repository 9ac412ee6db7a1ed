package vn.giamngheo.setting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * The guard: no page that shows legal sources and confidence shows a "[?]" tag or a path of the documentation
 * (domain.md), in either language; the note is in words, and an unconfirmed parameter links to its setting.
 */
@Tag("database")
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegalNotesPagesTest {

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    MockMvc mvc;
    CurrentUser admin;
    CurrentUser province;

    @BeforeAll
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        admin = fixture.user(Role.ADMINISTRATOR, null, null);
        province = fixture.user(Role.PROVINCE_OFFICER, "province", "08");
    }

    Document page(String path, CurrentUser who, String lang) throws Exception {
        String html = mvc.perform(get(path).param("lang", lang).with(user(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    @Test
    void noPageShowsConfidenceTagsOrDocumentationPaths() throws Exception {
        String policy = jdbc.sql("SELECT code FROM support_policy ORDER BY code LIMIT 1").query(String.class).single();
        List<String> adminPages = List.of("/admin/parameters", "/admin/holidays");
        List<String> pages = List.of("/support/policies", "/support/policies/" + policy, "/support/coverage", "/standards",
                "/standards/ND07_2021", "/programme");
        for (String lang : List.of("vi", "en")) {
            for (String path : adminPages) {
                check(page(path, admin, lang), path + " " + lang);
            }
            for (String path : pages) {
                check(page(path, province, lang), path + " " + lang);
            }
        }
    }

    static void check(Document doc, String what) {
        String text = doc.body().text();
        assertThat(text).as(what).doesNotContain("[?]", "domain.md", "[S]", "[S2]");
        assertThat(doc.select("[title]").eachAttr("title")).as(what).noneMatch(t -> t.contains("domain.md") || t.contains("[?]"));
    }

    @Test
    void anUnconfirmedParameterReadsAsANoteWithALinkToIt() throws Exception {
        Document vi = page("/admin/parameters", admin, "vi");
        String row = vi.getElementById("parameter-movement.newly_escaped.months").text();
        assertThat(row).contains("Quy định chưa chắc chắn — căn cứ:", "quản trị viên có thể thay đổi tại Tham số", "Chưa chắc chắn");
        assertThat(vi.select("#parameter-movement\\.newly_escaped\\.months a.legal-parameter").attr("href"))
                .isEqualTo("/admin/parameters#parameter-movement.newly_escaped.months");
        Document en = page("/admin/parameters", admin, "en");
        assertThat(en.getElementById("parameter-movement.newly_escaped.months").text())
                .contains("Rule not confirmed; legal basis:", "the administrator can change it under Parameters");
        Document policies = page("/support/policies", province, "vi");
        assertThat(policies.select(".legal-note").eachText()).isNotEmpty().allMatch(t -> t.contains("căn cứ:") || t.startsWith("Căn cứ:"));
    }
}
