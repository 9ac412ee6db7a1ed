package vn.giamngheo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document describes itself (issue 20 point 6): every operation has a summary and a description, every
 * parameter a description, every operation a module tag and a unique operationId, every tag a description; the
 * authentication schemes, the info and the problem details of the errors are there. A new endpoint without words
 * fails here, with the list of what lacks them.
 */
@Tag("database")
@SpringBootTest
class ApiDocumentationTest {

    @Autowired WebApplicationContext context;

    private JsonNode document() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        String body = mvc.perform(get("/api/v1/openapi").with(user(User.withUsername("doc").password("x")
                .roles("MINISTRY_VIEWER").build()))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonMapper.builder().build().readTree(body);
    }

    private static boolean blank(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).asString().isBlank();
    }

    @Test
    void everyOperationAndParameterIsDescribed() throws Exception {
        JsonNode api = document();
        List<String> missing = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> tags = new HashSet<>();
        int operations = 0;
        for (var path : api.get("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                if (!Set.of("get", "post", "put", "delete", "patch").contains(entry.getKey())) {
                    continue;
                }
                JsonNode operation = entry.getValue();
                operations++;
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                if (blank(operation, "summary")) {
                    missing.add(name + ": summary");
                }
                if (blank(operation, "description")) {
                    missing.add(name + ": description");
                }
                if (operation.get("tags") == null || operation.get("tags").size() != 1) {
                    missing.add(name + ": one module tag");
                } else {
                    tags.add(operation.get("tags").get(0).asString());
                }
                String id = operation.get("operationId").asString();
                if (!ids.add(id) || id.contains("_")) {
                    missing.add(name + ": a unique operationId without suffix, not " + id);
                }
                if (operation.get("parameters") != null) {
                    for (JsonNode parameter : operation.get("parameters")) {
                        if (blank(parameter, "description")) {
                            missing.add(name + ": parameter " + parameter.get("name").asString());
                        }
                    }
                }
                List<String> statuses = entry.getKey().equals("get") ? List.of("401", "403", "404")
                        : List.of("401", "403", "404", "409");
                for (String status : statuses) {
                    JsonNode response = operation.get("responses").get(status);
                    if (response == null || response.get("content").get("application/problem+json") == null) {
                        missing.add(name + ": problem details for " + status);
                    }
                }
            }
        }
        assertThat(missing).as("%d operations; what lacks words", operations).isEmpty();
        assertThat(operations).isGreaterThan(120);
        List<String> declared = new ArrayList<>();
        for (JsonNode tag : api.get("tags")) {
            declared.add(tag.get("name").asString());
            assertThat(blank(tag, "description")).as("tag %s has a description", tag.get("name")).isFalse();
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(tags).contains("geography", "household", "report");
    }

    @Test
    void theAuthenticationSchemesAndTheInfoAreThere() throws Exception {
        JsonNode api = document();
        JsonNode schemes = api.get("components").get("securitySchemes");
        assertThat(schemes.get("accessToken").get("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.get("accessToken").get("description").asString()).contains("/account/tokens");
        assertThat(schemes.get("session").get("in").asString()).isEqualTo("cookie");
        assertThat(schemes.get("session").get("description").asString()).contains("CSRF");
        assertThat(schemes.get("basic").get("scheme").asString()).isEqualTo("basic");
        assertThat(api.get("security").toString()).contains("accessToken", "session", "basic");
        JsonNode info = api.get("info");
        assertThat(info.get("title").asString()).isEqualTo("giamngheo API");
        assertThat(info.get("version").asString()).isEqualTo("v1");
        assertThat(info.get("description").asString()).contains("Bearer gnp_");
        assertThat(info.get("contact").get("name").asString()).isNotBlank();
        assertThat(info.get("license").get("name").asString()).isNotBlank();
        JsonNode dataValues = api.get("paths").get("/api/v1/reports/data-values").get("get");
        assertThat(dataValues.get("operationId").asString()).isEqualTo("reportDataValues");
        assertThat(api.get("paths").get("/api/v1/units").get("get").get("operationId").asString()).isEqualTo("unitList");
    }

    @Test
    void operationIdsComeFromControllerAndMethod() {
        assertThat(OpenApiDocumentation.operationId(String.class, "list")).isEqualTo("stringList");
        record UnitApiController() {
        }
        assertThat(OpenApiDocumentation.operationId(UnitApiController.class, "byCode")).isEqualTo("unitByCode");
        assertThat(OpenApiDocumentation.module(OpenApiDocumentation.class)).isEqualTo("system");
    }
}
