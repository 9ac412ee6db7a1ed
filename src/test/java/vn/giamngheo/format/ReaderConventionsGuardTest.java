package vn.giamngheo.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.WebApplicationContext;
import vn.giamngheo.demo.DemoAdditions;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.GetRoutes;
import vn.giamngheo.security.UserAccounts;

/**
 * The guard of the reader conventions (issue 20, point 1): on the demonstration data, every GET route of the
 * application (the routes of the endpoint walks, path variables filled from the demonstration) is fetched by each
 * role that may read it, in Vietnamese and in English ({@code ?lang=}); every page (visible text), every XLSX export
 * (cell values and number formats, read with POI), CSV file and PDF (text) is read for the rules of
 * {@link ReaderConventions}: no year with a thousands separator, no count with decimals, comma decimals in
 * Vietnamese and dot decimals in English, no snake_case code or message key shown as text, no Vietnamese word in
 * English outside names of units, people, organisations and legal documents; in XLSX no number stored as text and
 * no decimal without a number format; CSV keeps machine formats (plain digits, dot decimal, ISO dates).
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = {"giamngheo.demo.enabled=true", "giamngheo.demo.households=240",
        "giamngheo.demo.province=08", "giamngheo.test.isolated=conventions"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderConventionsGuardTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    /**
     * Routes that document file formats or the rules' parameters: they may name columns and codes (the budget page
     * and the benefits page list the columns of their import files, a round's household page the columns of its
     * snapshot, a standard's page its parameters by code).
     */
    static final Set<String> CODES_ALLOWED = Set.of("/programme/budget", "/support/benefits",
            "/reviews/{id}/households/{householdId}", "/standards/{code}", "/households/import", "/admin/parameters",
            // the template's instructions sheet documents the file format: it names its columns by code
            "/imports/template.xlsx", "/api/v1/imports/template.xlsx",
            // the import of area-class lists documents its columns and the class codes
            "/area-classes/import");

    /**
     * Routes another concern of this session rewrites (h6: the audit log in words): left out until they are merged,
     * printed on every run. Remove a line when its page is in words.
     */
    static final Set<String> LEFT_TO_OTHERS = Set.of();

    /** Elements that show a record as it was stored (in Vietnamese, the language of the decision). */
    static final String STORED_RECORDS = "#explanation";

    /** The kinds of aggregate reports a {@code report} parameter names. */
    static final List<String> REPORT_KINDS = List.of("results", "deprivations", "causes", "bands", "trends", "people", "credit");

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    MockMvc mvc;
    ReaderConventions rules;
    /** Pages that failed (500) where they should have answered: request → root cause. */
    final Map<String, String> failures = new TreeMap<>();
    final Map<String, List<String>> pool = new LinkedHashMap<>();
    final Map<String, CurrentUser> roles = new LinkedHashMap<>();
    long commune;
    long province;

    @BeforeAll
    void readTheDemonstration() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        for (String name : List.of("xa", "chutich", "tinh", "bo", "admin")) {
            roles.put(name, users.findByUsername(name).orElseThrow());
        }
        // what the demonstration does not hold yet: a half-year monitoring period, budget lines, a benefit, a
        // livelihood model with a participant, an opened task report (h2)
        DemoAdditions.Added added = DemoAdditions.add(context);
        commune = added.commune();
        province = added.province();
        String household = jdbc.sql("SELECT household_code FROM household WHERE commune_id = :c ORDER BY id LIMIT 1")
                .param("c", commune).query(String.class).single();
        String communeCode = jdbc.sql("SELECT code FROM admin_unit WHERE id = :c").param("c", commune)
                .query(String.class).single();

        // the ids and codes of the demonstration, by the names path variables and paths use
        ids("household", "SELECT id FROM household WHERE commune_id = :c ORDER BY id LIMIT 1");
        ids("round", "SELECT id FROM review_round WHERE commune_id = :c ORDER BY review_year DESC, id LIMIT 2");
        ids("decision", "SELECT d.id FROM review_decision d JOIN review_round r ON r.id = d.round_id WHERE r.commune_id = :c ORDER BY d.id LIMIT 1");
        ids("application", "SELECT a.id FROM review_application a JOIN review_round r ON r.id = a.round_id WHERE r.commune_id = :c ORDER BY a.id LIMIT 1");
        ids("meeting", "SELECT m.id FROM village_meeting m JOIN review_round r ON r.id = m.round_id WHERE r.commune_id = :c ORDER BY m.id LIMIT 1");
        ids("complaint", "SELECT x.id FROM review_complaint x JOIN review_round r ON r.id = x.round_id WHERE r.commune_id = :c ORDER BY x.id LIMIT 1");
        ids("plan", "SELECT id FROM plan WHERE unit_id IN (:c, :p) ORDER BY unit_id = :c DESC, id LIMIT 2");
        ids("goal", "SELECT id FROM plan_goal WHERE unit_id IN (:c, :p) ORDER BY id LIMIT 1");
        ids("goals", "SELECT id FROM plan_goal WHERE goal_kind <> 'unit_rate' AND unit_id IN (:c, :p) ORDER BY id LIMIT 2");
        ids("programmeGoal", "SELECT min(id) FROM programme_goal WHERE :c > 0 AND :p > 0");
        ids("report", "SELECT id FROM monitoring_report WHERE unit_id IN (:c, :p) ORDER BY unit_id = :c DESC, id LIMIT 2");
        ids("budgetLine", "SELECT id FROM budget_line WHERE unit_id = :c ORDER BY id LIMIT 1");
        ids("record", "SELECT b.id FROM benefit_record b JOIN household h ON h.id = b.household_id WHERE h.commune_id = :c ORDER BY b.id LIMIT 1");
        ids("model", "SELECT id FROM livelihood_model WHERE commune_id = :c ORDER BY id LIMIT 1");
        ids("registration", "SELECT id FROM escape_registration WHERE commune_id = :c ORDER BY id LIMIT 1");
        ids("organisation", "SELECT id FROM helper_organisation WHERE unit_id = :c ORDER BY id LIMIT 1");
        // the tasks of the demonstration's province plan, one opened report (h2)
        ids("task", "SELECT t.id FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.unit_id IN (:c, :p) ORDER BY t.id LIMIT 1");
        ids("task-report", "SELECT r.id FROM task_report r JOIN plan_task t ON t.id = r.task_id JOIN plan p ON p.id = t.plan_id WHERE p.unit_id IN (:c, :p) ORDER BY r.id LIMIT 1");
        ids("commune", "SELECT :c");
        ids("province", "SELECT :p");
        ids("village", "SELECT id FROM admin_unit WHERE parent_id = :c ORDER BY id LIMIT 1");
        pool.put("communeCode", List.of(communeCode));
        pool.put("householdCode", List.of(household));
        pool.put("standard", jdbc.sql("SELECT code FROM poverty_standard ORDER BY code").query(String.class).list());
        pool.put("policy", jdbc.sql("SELECT code FROM support_policy ORDER BY code LIMIT 3").query(String.class).list());
        pool.put("aggregateReport", List.of("results"));
        pool.put("parameter", jdbc.sql("SELECT key FROM parameter ORDER BY key LIMIT 1").query(String.class).list());
        pool.put("username", List.of("xa"));
        // the programme's items, periods and agencies (h1): a 2026 item, the current period, the province's department
        ids("item", "SELECT id FROM programme_item WHERE period_code = '2026-2030' ORDER BY parent_id NULLS FIRST, id LIMIT 1");
        ids("agencies", "SELECT a.id FROM agency a WHERE a.unit_id = :p OR a.code = 'P' || (SELECT code FROM admin_unit WHERE id = :p) || '.SNNMT' ORDER BY a.id LIMIT 1");
        // periods: the programme's current period (/programme/periods/{code}) and the reports drafted under a plan
        // (/plans/{id}/reports/{period}); every value is tried on every route that names a period
        pool.put("period", List.of("2026-2030", "half-year", "annual"));
        pool.put("area-classes", List.of("poor_commune", "region_3"));

        // the codes of the programme's items ("3.1") are codes, not decimals
        Set<String> codes = new HashSet<>(jdbc.sql("SELECT code FROM programme_item").query(String.class).list());
        codes.addAll(jdbc.sql("SELECT code FROM agency").query(String.class).list());
        rules = new ReaderConventions(messageKeys(), nameWords(), codes);
    }

    private void ids(String name, String sql) {
        try {
            List<String> found = jdbc.sql(sql).param("c", commune).param("p", province).query(String.class).list();
            if (!found.isEmpty()) {
                pool.put(name, found);
            }
        } catch (RuntimeException e) {
            // a table of another shape: the pool goes without it (the summary shows the routes left unfilled)
            System.out.println("  pool: no " + name + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** Every key of every message file. */
    static Set<String> messageKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            Properties p = new Properties();
            try (InputStream in = r.getInputStream()) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            keys.addAll(p.stringPropertyNames());
        }
        return keys;
    }

    /** The words of the names that stay Vietnamese in English: units, people, users, organisations, standards. */
    private Set<String> nameWords() {
        Set<String> words = new HashSet<>();
        // names of units, people, organisations, peoples and standards; and what people wrote in Vietnamese, kept as
        // written: addresses, notes, legal sources (h6 shows these as readable notes), agencies, succession notes
        vn.giamngheo.household.HouseholdCodes.ETHNICITIES.forEach(n -> addWords(n, words));
        for (String sql : List.of("SELECT name FROM admin_unit", "SELECT full_name FROM admin_unit",
                "SELECT full_name FROM household_member", "SELECT full_name FROM app_user",
                "SELECT name FROM helper_organisation", "SELECT name FROM livelihood_model",
                "SELECT name FROM poverty_standard", "SELECT legal_basis FROM poverty_standard",
                "SELECT address FROM household", "SELECT note FROM benefit_record", "SELECT note FROM support_policy",
                "SELECT legal_source FROM support_policy", "SELECT legal_source FROM parameter",
                "SELECT legal_source FROM programme_item", "SELECT lead_agency FROM programme_item",
                "SELECT partner_agencies FROM programme_item", "SELECT note FROM unit_succession",
                "SELECT source FROM public_holiday", "SELECT name_vi FROM public_holiday",
                "SELECT budget_line FROM livelihood_model", "SELECT lead_agency FROM livelihood_model",
                "SELECT programme_item FROM livelihood_model", "SELECT note FROM poverty_standard_parameter",
                "SELECT legal_source FROM poverty_standard_parameter", "SELECT note FROM programme_item",
                "SELECT legal_basis FROM programme_period", "SELECT note FROM programme_period",
                "SELECT legal_source FROM agency", "SELECT short_name_vi FROM agency",
                // what officers wrote for the tasks of a plan, and the agencies' names (h2)
                "SELECT description_vi FROM plan_task", "SELECT name_vi FROM plan_task_output",
                "SELECT unit_of_measure FROM plan_task_output", "SELECT note FROM task_report",
                "SELECT legal_source FROM area_class", "SELECT decision FROM unit_area_class",
                "SELECT source FROM area_class_rule")) {
            try {
                jdbc.sql(sql).query(String.class).list().forEach(n -> addWords(n, words));
            } catch (RuntimeException e) {
                System.out.println("  names: skipped " + sql + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
        }
        return words;
    }

    private static void addWords(String name, Set<String> words) {
        if (name == null) {
            return;
        }
        Matcher m = ReaderConventions.WORD.matcher(name);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
    }

    record Fetch(String request, String language, String kind, List<ReaderConventions.Offence> offences) {
    }

    @Test
    void everyPageAndExportFollowsTheReadersConventionsInBothLanguages() throws Exception {
        long started = System.nanoTime();
        List<GetRoutes.Route> routes = GetRoutes.of(context);
        Map<String, String> unfilled = new TreeMap<>();
        Set<String> read = new LinkedHashSet<>();
        Map<String, Integer> kinds = new TreeMap<>();
        List<Fetch> findings = new ArrayList<>();
        int requests = 0;
        for (GetRoutes.Route route : routes) {
            String pattern = route.pattern();
            Map<String, Class<?>> params = params(route);
            if (pattern.contains("*") || pattern.startsWith("/error") || pattern.contains("/events")
                    || pattern.startsWith("/logout")) {
                unfilled.put(pattern, "not a page");
                continue;
            }
            // the JSON of the API is for programs (machine formats); its files (XLSX, CSV, PDF) are read
            if (pattern.startsWith("/api/") && !params.containsKey("format")
                    && !pattern.matches(".*\\.(xlsx|csv|pdf|docx|zip)$")) {
                unfilled.put(pattern, "API answer in JSON");
                continue;
            }
            if (LEFT_TO_OTHERS.contains(pattern)) {
                unfilled.put(pattern, "left to another concern (see LEFT_TO_OTHERS)");
                continue;
            }
            List<String> variables = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                variables.add(m.group(1));
            }
            List<String> paths = paths(route, pattern, variables);
            if (paths.isEmpty()) {
                unfilled.put(pattern, "no value for " + variables);
                continue;
            }
            boolean answered = false;
            for (Map.Entry<String, CurrentUser> role : roles.entrySet()) {
                // the administrator and the ministry viewer only where no officer reads the route
                if ((role.getKey().equals("admin") || role.getKey().equals("bo")) && answered) {
                    continue;
                }
                if (role.getKey().equals("chutich") && answered) {
                    continue;
                }
                String found = null;
                for (String path : paths) {
                    // a route whose format is required answers only with one
                    for (String probe : params.containsKey("format") ? List.of("", "xlsx") : List.of("")) {
                        requests++;
                        MockHttpServletResponse r = fetch(path, params, role, "", probe, "vi");
                        if (r != null && r.getStatus() == 200) {
                            found = path;
                            break;
                        }
                    }
                    if (found != null) {
                        break;
                    }
                }
                if (found == null) {
                    continue;
                }
                answered = true;
                List<String> reports = params.get("report") == String.class ? REPORT_KINDS : List.of("");
                List<String> formats = params.containsKey("format") ? List.of("", "xlsx", "csv", "pdf", "docx") : List.of("");
                for (String report : reports) {
                    for (String format : formats) {
                        for (String language : List.of("vi", "en")) {
                            requests++;
                            MockHttpServletResponse r = fetch(found, params, role, report, format, language);
                            if (r == null || r.getStatus() != 200) {
                                continue;
                            }
                            String request = found + "?" + (report.isEmpty() ? "" : "report=" + report + "&")
                                    + (format.isEmpty() ? "" : "format=" + format + "&") + "lang=" + language + " as " + role.getKey();
                            String kind = kind(r);
                            kinds.merge(kind, 1, Integer::sum);
                            read.add(pattern);
                            List<ReaderConventions.Offence> offences = check(r, kind, "vi".equals(language), pattern);
                            if (!offences.isEmpty()) {
                                findings.add(new Fetch(request, language, kind, offences));
                            }
                        }
                    }
                }
            }
            if (!answered) {
                unfilled.put(pattern, "no 200 for any role");
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.printf("ReaderConventionsGuard: %d routes, %d read, %d requests in %d s, answers %s%n",
                routes.size(), read.size(), requests, seconds, kinds);
        unfilled.forEach((p, why) -> System.out.println("  unread " + p + ": " + why));
        Map<String, Integer> byRule = new TreeMap<>();
        for (Fetch f : findings) {
            Set<String> seen = new LinkedHashSet<>();
            for (ReaderConventions.Offence o : f.offences()) {
                byRule.merge(o.rule(), 1, Integer::sum);
                if (seen.add(o.toString()) && seen.size() <= 8) {
                    System.out.println("  OFFENCE " + f.request() + " [" + f.kind() + "] " + o);
                }
            }
        }
        System.out.println("  offences by rule: " + byRule);
        failures.forEach((request, cause) -> System.out.println("  FAILED " + request + ": " + cause));
        assertThat(failures).as("pages that failed").isEmpty();
        assertThat(read.size()).as("routes read").isGreaterThan(60);
        assertThat(read).as("the pages the issue names").contains("/reports", "/dashboard", "/units", "/households",
                "/plans/{id}", "/support/coverage", "/monitoring/reports/{id}", "/reports/export", "/api/v1/plans/{id}/table.xlsx");
        assertThat(kinds).as("pages and exports read").containsKeys("html", "xlsx", "csv", "pdf");
        assertThat(findings.stream().map(f -> f.request() + " " + f.offences()).toList()).as("offences").isEmpty();
    }

    /** The "Formed from: 02 Tỉnh Hà Giang08 Tỉnh Tuyên Quang": a list with separators, types in English. */
    @Test
    void theUnitsPageListsPredecessorsWithSeparatorsAndTypesInTheReadersLanguage() throws Exception {
        String en = visibleText(mvc.perform(get("/units").param("lang", "en").with(user(roles.get("xa"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(en).contains("Formed from:", "Province", "Municipality");
        assertThat(Pattern.compile("\\p{Ll}\\d{2} ").matcher(en).find()).as("a name glued to the next code").isFalse();
        assertThat(Pattern.compile("\\d{2} Tỉnh [\\p{L} ]+; \\d{2} Tỉnh").matcher(en).find()).as("predecessors separated").isTrue();
        String vi = visibleText(mvc.perform(get("/units").param("lang", "vi").with(user(roles.get("xa"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(vi).contains("Thành phố trực thuộc trung ương").doesNotContain("Municipality");
    }

    private MockHttpServletResponse fetch(String path, Map<String, Class<?>> params, Map.Entry<String, CurrentUser> role,
                                          String report, String format, String language) throws Exception {
        MockHttpServletRequestBuilder r = get(path).param("lang", language);
        String unit = role.getKey().startsWith("xa") || role.getKey().equals("chutich") ? String.valueOf(commune) : String.valueOf(province);
        for (Map.Entry<String, Class<?>> p : params.entrySet()) {
            String v = switch (p.getKey()) {
                case "unit", "unitId" -> unit;
                case "communeId" -> String.valueOf(commune);
                case "year", "listYear" -> "2026";
                case "report" -> p.getValue() == String.class ? (report.isEmpty() ? null : report) : first("report");
                case "format" -> format.isEmpty() ? null : format;
                case "round", "roundId" -> first("round");
                case "household", "householdId" -> first("household");
                case "villageId" -> first("village");
                case "plan" -> first("plan");
                case "period" -> "2021-2025";
                default -> null;
            };
            if (v != null) {
                r.param(p.getKey(), v);
            }
        }
        try {
            return mvc.perform(r.with(user(role.getValue()))).andReturn().getResponse();
        } catch (jakarta.servlet.ServletException e) {
            // a wrong id tried while filling a path may fail (the endpoint walks own those errors); a page with its
            // own values, or one language of a page the other answered, must not
            if (!path.matches(".*/\\d+(/.*)?") || !report.isEmpty() || !format.isEmpty() || "en".equals(language)) {
                failures.put(path + "?lang=" + language + (format.isEmpty() ? "" : "&format=" + format)
                        + (report.isEmpty() ? "" : "&report=" + report) + " as " + role.getKey(), String.valueOf(e.getRootCause()));
            }
            return null;
        }
    }

    private String first(String name) {
        List<String> values = pool.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, Class<?>> params(GetRoutes.Route route) {
        Map<String, Class<?>> params = new LinkedHashMap<>();
        for (MethodParameter p : route.handler().getMethodParameters()) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp != null) {
                String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
                params.put(name, p.getParameterType());
            }
        }
        return params;
    }

    /** The paths of a pattern, its variables filled from the pool: the values whose name the path names first. */
    private List<String> paths(GetRoutes.Route route, String pattern, List<String> variables) {
        if (variables.isEmpty()) {
            return List.of(pattern);
        }
        List<List<String>> choices = new ArrayList<>();
        for (String variable : variables) {
            List<String> candidates = candidates(route, pattern, variable);
            if (candidates.isEmpty()) {
                return List.of();
            }
            choices.add(candidates);
        }
        List<String> out = new ArrayList<>();
        if (choices.size() == 1) {
            choices.get(0).forEach(v -> out.add(fill(pattern, List.of(v))));
        } else if (choices.size() == 2) {
            for (String a : choices.get(0)) {
                for (String b : choices.get(1)) {
                    out.add(fill(pattern, List.of(a, b)));
                }
            }
        }
        return out;
    }

    private List<String> candidates(GetRoutes.Route route, String pattern, String variable) {
        boolean numeric = false;
        for (MethodParameter p : route.handler().getMethodParameters()) {
            PathVariable pv = p.getParameterAnnotation(PathVariable.class);
            if (pv != null) {
                String name = !pv.name().isEmpty() ? pv.name() : !pv.value().isEmpty() ? pv.value() : p.getParameterName();
                Class<?> type = p.getParameterType();
                if (variable.equals(name)) {
                    numeric = type == long.class || type == Long.class || type == int.class || type == Integer.class;
                }
            }
        }
        // the segment before the variable ("/plans/{id}" → plan) or the variable's own name ("{householdId}")
        String before = pattern.substring(0, pattern.indexOf("{" + variable)).replaceAll("/$", "");
        String segment = before.substring(before.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String own = variable.replace("Id", "").toLowerCase(Locale.ROOT);
        List<String> first = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : pool.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            boolean named = !own.equals("id") && key.startsWith(own) || !segment.isEmpty() && segment.startsWith(key)
                    || key.equals("standard") && segment.contains("standard") || key.equals("policy") && segment.contains("polic")
                    || key.equals("village") && segment.contains("village") || key.equals("commune") && segment.contains("unit");
            for (String v : e.getValue()) {
                boolean isNumber = v.chars().allMatch(Character::isDigit);
                if (numeric && !isNumber) {
                    continue;
                }
                (named ? first : rest).add(v);
            }
        }
        List<String> all = new ArrayList<>(new LinkedHashSet<>(first));
        rest.stream().filter(v -> !all.contains(v)).forEach(all::add);
        return all;
    }

    private static String fill(String pattern, List<String> values) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(values.get(i++)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String kind(MockHttpServletResponse r) throws IOException {
        String type = String.valueOf(r.getContentType()).toLowerCase(Locale.ROOT);
        byte[] body = r.getContentAsByteArray();
        if (body.length > 4 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F') {
            return "pdf";
        }
        if (body.length > 4 && body[0] == 'P' && body[1] == 'K') {
            String entries = new String(body, StandardCharsets.ISO_8859_1);
            return entries.contains("word/document.xml") ? "docx" : entries.contains("xl/workbook.xml") ? "xlsx" : "zip";
        }
        if (type.contains("text/html")) {
            return "html";
        }
        if (type.contains("csv")) {
            return "csv";
        }
        if (type.contains("json")) {
            return "json";
        }
        return type.isEmpty() ? "other" : type.replaceAll(";.*", "");
    }

    private List<ReaderConventions.Offence> check(MockHttpServletResponse r, String kind, boolean vietnamese, String pattern)
            throws Exception {
        boolean codes = CODES_ALLOWED.contains(pattern);
        return switch (kind) {
            case "html" -> rules.check(visibleText(r.getContentAsString(StandardCharsets.UTF_8)), vietnamese, codes, true);
            case "xlsx" -> xlsx(r.getContentAsByteArray(), vietnamese, codes);
            case "csv" -> csv(r.getContentAsString(StandardCharsets.UTF_8));
            // official documents are written in Vietnamese whatever the reader's language
            case "pdf" -> document(pdfText(r.getContentAsByteArray()), vietnamese, codes);
            case "docx" -> document(docxText(r.getContentAsByteArray()), vietnamese, codes);
            default -> List.of();
        };
    }

    /** The text a reader sees: text nodes, one line per block or cell; scripts and styles left out. */
    /**
     * An official document: one printed as the Vietnamese form whatever the reader's language (the cost table, with
     * the national motto in Vietnamese) follows the Vietnamese conventions throughout.
     */
    private List<ReaderConventions.Offence> document(String text, boolean vietnamese, boolean codes) {
        return rules.check(text, vietnamese || text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), codes, false);
    }

    static String visibleText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, template, noscript, [hidden]").remove();
        // records shown as they were written at the time (a household's classification explained in the words of
        // the review that decided it): kept in Vietnamese
        doc.select(STORED_RECORDS).remove();
        StringBuilder sb = new StringBuilder();
        Set<String> inline = Set.of("a", "span", "b", "i", "em", "strong", "small", "abbr", "code", "label", "sup", "sub", "mark", "time");
        doc.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.text());
                } else if (node instanceof Element e && !inline.contains(e.tagName())) {
                    sb.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && !inline.contains(e.tagName())) {
                    sb.append('\n');
                }
            }
        });
        return sb.toString().replaceAll("[ \\t\\u00A0]+", " ").replaceAll("\\n\\s*\\n+", "\n");
    }

    private List<ReaderConventions.Offence> xlsx(byte[] body, boolean vietnamese, boolean codes) throws IOException {
        List<ReaderConventions.Offence> found = new ArrayList<>();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            for (Sheet sheet : book) {
                Map<Integer, String> headers = headers(sheet);
                // a column that holds codes (I, II, 1.1, a) as well as numbers is a column of codes
                Set<Integer> codeColumns = new HashSet<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().strip()
                                .matches("[IVXLC]+\\.?|\\d+(\\.\\d+)+\\.?|[a-zđ]\\)?")) {
                            codeColumns.add(cell.getColumnIndex());
                        }
                    }
                }
                StringBuilder text = new StringBuilder();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String where = sheet.getSheetName() + "!" + cell.getAddress().formatAsString();
                        String header = headers.getOrDefault(cell.getColumnIndex(), "");
                        if (cell.getCellType() == CellType.STRING) {
                            String v = cell.getStringCellValue().strip();
                            text.append(v).append('\n');
                            if (numberAsText(v) && !codeColumns.contains(cell.getColumnIndex())
                                    && !header.matches("(?iu).*(mã|code|stt|\\bno\\.|số hiệu|cccd|điện thoại|phone|số quyết định|number|ký hiệu|năm|year).*")) {
                                found.add(new ReaderConventions.Offence("number stored as text", where + " (" + header + ") " + v));
                            }
                        } else if (cell.getCellType() == CellType.NUMERIC || cell.getCellType() == CellType.FORMULA
                                && cell.getCachedFormulaResultType() == CellType.NUMERIC) {
                            double value = cell.getNumericCellValue();
                            String format = cell.getCellStyle().getDataFormatString();
                            if (header.matches("(?iu).*\\b(năm|year)\\b.*") && value >= 1900 && value <= 2100
                                    && format.contains(",")) {
                                found.add(new ReaderConventions.Offence("year with a thousands separator", where + " " + format));
                            }
                            if (value != Math.rint(value) && "General".equals(format)) {
                                found.add(new ReaderConventions.Offence("decimal without a number format", where + " " + value));
                            }
                        }
                    }
                }
                found.addAll(rules.check(text.toString(), vietnamese, codes, false).stream()
                        .map(o -> new ReaderConventions.Offence(o.rule(), sheet.getSheetName() + ": " + o.snippet())).toList());
            }
        }
        return found;
    }

    /**
     * The header of each column: the texts of the column in the rows above the first row with a number (the title
     * rows, the group headers and the column headers), joined.
     */
    private static Map<Integer, String> headers(Sheet sheet) {
        Map<Integer, String> headers = new TreeMap<>();
        for (Row row : sheet) {
            boolean numbers = false;
            for (Cell cell : row) {
                numbers |= cell.getCellType() == CellType.NUMERIC;
            }
            if (numbers) {
                break;
            }
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isBlank()) {
                    headers.merge(cell.getColumnIndex(), cell.getStringCellValue().strip(), (a, b) -> a + " / " + b);
                }
            }
        }
        return headers;
    }

    /** A number a reader would sum, written as text: digits with separators or a decimal, no leading zero. */
    static boolean numberAsText(String v) {
        return v.matches("-?(?:[1-9]\\d{0,2}(?:[.,]\\d{3})+|[1-9]\\d*|0)(?:[.,]\\d+)?\\s?%?") && !v.matches("0\\d+");
    }

    /** CSV keeps machine formats: no grouped numbers, comma decimals or dd/MM/yyyy dates. */
    private static List<ReaderConventions.Offence> csv(String body) throws IOException {
        List<ReaderConventions.Offence> found = new ArrayList<>();
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(text.lines().findFirst().orElse("").contains(";") ? ';' : ',').get();
        for (CSVRecord record : format.parse(new StringReader(text))) {
            for (String v : record) {
                String s = v.strip();
                if (s.matches("-?\\d{1,3}(\\.\\d{3})+,\\d+|-?\\d+,\\d+|-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
                    found.add(new ReaderConventions.Offence("CSV number not in machine format", "line " + record.getRecordNumber() + ": " + s));
                } else if (s.matches("\\d{2}/\\d{2}/\\d{4}")) {
                    found.add(new ReaderConventions.Offence("CSV date not ISO", "line " + record.getRecordNumber() + ": " + s));
                }
            }
        }
        return found;
    }

    static String pdfText(byte[] body) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(body)) {
            var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                sb.append(extractor.getTextFromPage(page)).append('\n');
            }
        }
        return sb.toString();
    }

    static String docxText(byte[] body) throws IOException {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(body));
             var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }
}
