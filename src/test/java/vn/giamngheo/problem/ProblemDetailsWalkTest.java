package vn.giamngheo.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.giamngheo.household.RegistryFixture;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * The attacker's walk of the API: every mapping under /api/v1 (every method), discovered from the request mappings,
 * with bad input of every kind — no login, a helper's login, words where numbers go, ids that do not exist, a body
 * that is no JSON, a body of the wrong media type, a method the path does not have, an answer format nobody gives, a
 * NUL in a parameter, URLs that do not exist. Every 4xx/5xx answer is {@code application/problem+json} with
 * {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} and a {@code code} of the catalogue whose
 * status is the answer's, and quotes no class name, exception or path of the server.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = "giamngheo.test.isolated=problems")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemDetailsWalkTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    private static final Pattern CODE = Pattern.compile("GN-\\d{4}");

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;
    @Autowired MessageSource messages;

    MockMvc mvc;
    CurrentUser officer;
    CurrentUser helper;
    CurrentUser agencyOfficer;
    final JsonMapper json = JsonMapper.builder().build();

    record Api(RequestMethod method, String pattern, HandlerMethod handler) {
    }

    @BeforeAll
    void setUp() {
        jakarta.servlet.Filter[] filters = context.getBeansOfType(jakarta.servlet.Filter.class).values().stream()
                .filter(f -> f.getClass().getName().startsWith("vn.giamngheo.")).toArray(jakarta.servlet.Filter[]::new);
        mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(filters)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();
        RegistryFixture fixture = new RegistryFixture(jdbc, users);
        String commune = fixture.communeCode("08", 73);
        officer = fixture.user(Role.COMMUNE_OFFICER, "commune", commune);
        helper = fixture.user(Role.HELPER, "commune", commune);
        vn.giamngheo.task.TaskFixture agencies = new vn.giamngheo.task.TaskFixture(jdbc, users);
        agencyOfficer = agencies.officer(agencies.agency("08", "Sở thử"));
    }

    private List<Api> apis() {
        List<Api> found = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                for (String pattern : e.getKey().getPatternValues()) {
                    if (!pattern.startsWith("/api/v1") || pattern.contains("*")) {
                        continue;
                    }
                    for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        found.add(new Api(m, pattern, e.getValue()));
                    }
                }
            }
        }
        return found;
    }

    private static String fill(String pattern, String value) {
        return VARIABLE.matcher(pattern).replaceAll(value);
    }

    private static MockHttpServletRequestBuilder call(RequestMethod method, String path) {
        return request(HttpMethod.valueOf(method.name()), path);
    }

    private static boolean takesBody(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
    }

    private static List<String> params(HandlerMethod handler) {
        List<String> names = new ArrayList<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp != null) {
                names.add(!rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName());
            }
        }
        return names;
    }

    /** The bad requests of one mapping. */
    private List<MockHttpServletRequestBuilder> badRequests(Api api) {
        List<MockHttpServletRequestBuilder> out = new ArrayList<>();
        boolean writes = api.method() != RequestMethod.GET;
        // no login
        out.add(call(api.method(), fill(api.pattern(), "1")));
        // a helper (a few paths are theirs: those answer what they answer)
        out.add(call(api.method(), fill(api.pattern(), "1")).with(user(helper)));
        // an agency officer (likewise closed to all but their agency's tasks and reports)
        out.add(call(api.method(), fill(api.pattern(), "1")).with(user(agencyOfficer)));
        // words where numbers go, in the path and in every parameter, and a body that is no JSON
        MockHttpServletRequestBuilder words = call(api.method(), fill(api.pattern(), "abc")).with(user(officer));
        params(api.handler()).forEach(p -> words.param(p, "abc"));
        if (writes) {
            words.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"not json");
        }
        out.add(words);
        // ids that do not exist
        MockHttpServletRequestBuilder missing = call(api.method(), fill(api.pattern(), "987654321")).with(user(officer));
        if (writes) {
            missing.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        out.add(missing);
        // a body of a media type no endpoint reads
        if (writes && takesBody(api.handler())) {
            out.add(call(api.method(), fill(api.pattern(), "1")).with(user(officer)).with(csrf())
                    .contentType(MediaType.TEXT_PLAIN).content("x"));
        }
        // a change without its CSRF token
        if (writes) {
            out.add(call(api.method(), fill(api.pattern(), "1")).with(user(officer)));
        }
        // a NUL in a parameter (the invalid-input filter)
        out.add(call(api.method(), fill(api.pattern(), "1")).param("q", "\0").with(user(officer)).with(csrf()));
        // an answer format nobody gives
        if (!writes) {
            out.add(get(fill(api.pattern(), "1")).accept(MediaType.IMAGE_PNG).with(user(officer)));
        }
        return out;
    }

    @Test
    void everyApiErrorIsAProblemOfTheCatalogue() throws Exception {
        List<Api> apis = apis();
        assertThat(apis).as("API mappings found").hasSizeGreaterThan(50);
        List<String> bad = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Set<String> codes = new TreeSet<>();
        int made = 0;
        List<MockHttpServletRequestBuilder> all = new ArrayList<>();
        apis.forEach(api -> all.addAll(badRequests(api)));
        // a method the path does not have, URLs that do not exist
        all.add(call(RequestMethod.PATCH, "/api/v1/units").with(user(officer)).with(csrf()));
        all.add(get("/api/v1/does-not-exist").with(user(officer)));
        all.add(get("/api/v1/households/1/nothing/here").with(user(officer)));
        all.add(get("/api/v1/does-not-exist"));
        for (MockHttpServletRequestBuilder r : all) {
            made++;
            MockHttpServletResponse response;
            String target = describe(r);
            try {
                response = mvc.perform(r).andReturn().getResponse();
            } catch (jakarta.servlet.ServletException e) {
                bad.add(target + " → exception " + e.getClass().getSimpleName());
                continue;
            }
            int status = response.getStatus();
            if (status < 400) {
                continue;
            }
            statuses.merge(status, 1, Integer::sum);
            String problem = problem(response);
            if (problem != null) {
                bad.add(target + " → " + status + " " + problem);
            } else {
                codes.add(json.readTree(response.getContentAsString(StandardCharsets.UTF_8)).get("code").asString());
            }
        }
        System.out.printf("Problem walk: %d requests, statuses %s, codes %s, %d bad%n", made, statuses, codes, bad.size());
        bad.stream().limit(60).forEach(b -> System.out.println("  BAD " + b));
        assertThat(bad).isEmpty();
        assertThat(statuses.keySet()).as("statuses seen").contains(400, 401, 403, 404, 405, 406, 415);
        assertThat(codes).as("codes seen").contains(ErrorCode.BAD_PARAMETER.code(), ErrorCode.UNREADABLE_BODY.code(),
                ErrorCode.AUTHENTICATION_REQUIRED.code(), ErrorCode.FORBIDDEN.code(), ErrorCode.NOT_FOUND.code(),
                ErrorCode.INVALID_INPUT.code(), ErrorCode.METHOD_NOT_ALLOWED.code());
    }

    /** What is wrong with an error answer; null when it is a problem of the catalogue. */
    private String problem(MockHttpServletResponse response) throws Exception {
        String type = response.getContentType();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        if (type == null || !type.startsWith("application/problem+json")) {
            return "content type " + type + ": " + body.substring(0, Math.min(200, body.length()));
        }
        if (Internals.quoted(body) || body.contains("Exception") || body.contains("java.") || body.contains("org.springframework")) {
            return "quotes internals: " + body;
        }
        JsonNode tree = json.readTree(body);
        for (String member : List.of("type", "title", "status", "detail", "instance", "code")) {
            if (!tree.has(member) || tree.get(member).isNull()) {
                return "no " + member + ": " + body;
            }
        }
        String code = tree.get("code").asString();
        if (!CODE.matcher(code).matches()) {
            return "code " + code;
        }
        ErrorCode entry = Arrays.stream(ErrorCode.values()).filter(c -> c.code().equals(code)).findFirst().orElse(null);
        if (entry == null) {
            return "code " + code + " not in the catalogue";
        }
        if (entry.status() != response.getStatus() || tree.get("status").asInt() != response.getStatus()) {
            return "status " + response.getStatus() + " but " + code + " is " + entry.status() + ", member " + tree.get("status");
        }
        if (!tree.get("type").asString().equals(entry.type())) {
            return "type " + tree.get("type");
        }
        return null;
    }

    private static String describe(MockHttpServletRequestBuilder r) {
        var built = r.buildRequest(new org.springframework.mock.web.MockServletContext());
        return built.getMethod() + " " + built.getRequestURI() + (built.getQueryString() == null ? "" : "?" + built.getQueryString());
    }

    @Test
    void theDetailIsInTheUsersLanguageVietnameseByDefault() throws Exception {
        String path = "/api/v1/households/abc";
        JsonNode vi = json.readTree(mvc.perform(get(path).with(user(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        JsonNode en = json.readTree(mvc.perform(get(path).header("Accept-Language", "en-GB,en;q=0.8").with(user(officer)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        JsonNode chosen = json.readTree(mvc.perform(get(path).header("Accept-Language", "en")
                .cookie(new jakarta.servlet.http.Cookie("giamngheo-lang", "vi")).with(user(officer)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(vi.get("code").asString()).isEqualTo(ErrorCode.BAD_PARAMETER.code());
        assertThat(vi.get("detail").asString()).isEqualTo(messages.getMessage(ErrorCode.BAD_PARAMETER.messageKey(),
                new Object[] {"id", "abc"}, java.util.Locale.forLanguageTag("vi"))).contains("id");
        assertThat(en.get("detail").asString()).isEqualTo(messages.getMessage(ErrorCode.BAD_PARAMETER.messageKey(),
                new Object[] {"id", "abc"}, java.util.Locale.ENGLISH));
        assertThat(en.get("title").asString()).isEqualTo("Invalid request");
        assertThat(vi.get("title").asString()).isEqualTo("Yêu cầu không hợp lệ");
        assertThat(chosen.get("detail")).isEqualTo(vi.get("detail"));
        assertThat(vi.get("instance").asString()).startsWith("urn:giamngheo:occurrence:").isNotEqualTo(en.get("instance").asString());
    }

    @Test
    void pageErrorsRenderTheOneErrorPageWithTheCodeAndNoInternals() throws Exception {
        Map<String, String> expected = Map.of(
                "/plans/987654321", ErrorCode.PLAN_NOT_FOUND.code(),
                "/households/abc", ErrorCode.BAD_PARAMETER.code(),
                "/units/987654321", ErrorCode.NOT_FOUND.code(),
                "/no/such/page", ErrorCode.NOT_FOUND.code());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            MockHttpServletResponse response = mvc.perform(get(e.getKey()).with(user(officer))).andReturn().getResponse();
            String html = response.getContentAsString(StandardCharsets.UTF_8);
            assertThat(response.getStatus()).as(e.getKey()).isGreaterThanOrEqualTo(400);
            assertThat(response.getContentType()).as(e.getKey()).startsWith("text/html");
            assertThat(html).as(e.getKey()).contains(e.getValue()).contains("id=\"error-message\"")
                    .doesNotContain("Exception").doesNotContain("java.").doesNotContain("org.springframework");
        }
        // a page the user may not see: Spring Security's refusal is the error page (with the container's dispatch, see
        // ErrorPageJourneyTest), not problem details
        MockHttpServletResponse denied = mvc.perform(get("/admin/users").with(user(officer))).andReturn().getResponse();
        assertThat(denied.getStatus()).isEqualTo(403);
        assertThat(String.valueOf(denied.getContentType())).doesNotStartWith("application/problem+json");
        // a method a page does not have: 405 on the same page
        MockHttpServletResponse put = mvc.perform(call(RequestMethod.PUT, "/households").with(user(officer)).with(csrf()))
                .andReturn().getResponse();
        assertThat(put.getStatus()).isEqualTo(405);
        assertThat(put.getContentAsString(StandardCharsets.UTF_8)).contains(ErrorCode.METHOD_NOT_ALLOWED.code());
    }

    @Test
    void theOpenApiDescriptionNamesTheProblemOnEveryOperation() throws Exception {
        JsonNode api = json.readTree(mvc.perform(get("/api/v1/openapi").with(user(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        JsonNode schema = api.get("components").get("schemas").get("ProblemDetail");
        assertThat(schema).as("the shared ProblemDetail schema").isNotNull();
        assertThat(schema.get("required").toString()).contains("type", "title", "status", "detail", "instance", "code");
        int operations = 0;
        for (JsonNode path : api.get("paths")) {
            for (JsonNode operation : path) {
                operations++;
                for (String status : List.of("400", "401", "403", "404", "500")) {
                    assertThat(operation.get("responses").get(status).get("content").get("application/problem+json")
                            .get("schema").get("$ref").asString()).isEqualTo("#/components/schemas/ProblemDetail");
                }
            }
        }
        assertThat(operations).isGreaterThan(50);
    }
}
