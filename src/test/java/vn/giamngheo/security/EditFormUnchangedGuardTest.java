package vn.giamngheo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.giamngheo.demo.DemoAdditions;

/**
 * Every edit form saved unchanged changes nothing (the developers' guide: "save an edit form unchanged and check
 * nothing changed"). On the demonstration data, each role's pages are reached by following the links of the
 * application from its start page; every POST form on them that carries the version it was read at (an edit of a
 * stored thing, see {@link EditVersionGuardTest}) and shows at least one field already filled in is submitted as a
 * browser would submit it untouched, in Vietnamese and in English. The content of every table is fingerprinted before
 * and after, leaving out what a save may legitimately touch (the version, the time and author of the last change,
 * the audit trail): a number that loses its decimals when read back in the reader's convention, a date shifted by a
 * day, a box unticked or a choice that is not among the options changes the fingerprint and fails here; so does a
 * form the server refuses as it was shown (a 4xx or 5xx answer). Every edit handler of the pages (discovered from the
 * request mappings, see {@link PostRoutes}) must have been reached this way in both languages, or be named in
 * {@link #NOT_REACHED} with the reason: a new edit form no page leads to fails here.
 */
@Tag("database")
@Tag("own-database")
@SpringBootTest(properties = {"giamngheo.demo.enabled=true", "giamngheo.demo.households=240",
        "giamngheo.demo.province=08", "giamngheo.test.isolated=editforms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditFormUnchangedGuardTest {

    /** Links that are files, streams or leave the session: not pages to follow. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            ".*(\\.(xlsx|csv|pdf|docx|zip|json|js|css|png|svg|ico|webmanifest)(\\?.*)?$|^/logout|^/api/|/events|/download|/field/sw).*");

    /** Columns a save may set without changing what is stored: the version and the last change's time and author. */
    static final Set<String> BOOKKEEPING_COLUMNS = Set.of("version", "updated_at", "updated_by", "modified_at",
            "modified_by", "changed_at", "changed_by", "last_modified");

    /** Tables that record that something was done (the audit trail, reads of personal data), not what is stored. */
    static final Pattern TRAIL_TABLES = Pattern.compile("audit.*|.*_audit|personal_data_read.*|flyway_schema_history|spring_session.*|.*_job.*|report_cache.*|login.*");

    /**
     * Forms that add a new thing beside the stored ones although they carry the version of what they belong to, with
     * the reason: refused when sent as shown is their validation, not a lost edit.
     */
    static final Map<String, String> ADDS = Map.of("/support/policies/{code}/shares",
            "adds a split of funding sources from a day; shown with the latest split when there is one, with only the"
                    + " policy's first day when there is none");

    /**
     * Edit handlers (see {@link PostRoutes}) no page of the demonstration shows a form for, with the reason; printed on
     * every run. Every other edit handler must be reached by the crawl and saved unchanged in each language.
     */
    static final Map<String, String> NOT_REACHED = Map.of("/field/conflicts/{changeId}",
            "a conflict exists only when a device's change meets a newer edit of the same household (FieldSyncTest makes"
                    + " one); the demonstration has none");

    /**
     * Edit handlers whose save stores what the form shows but does not hold, with the tables it writes and the reason:
     * a change there is the save's purpose, not a lost edit; a change to any other table still fails.
     */
    static final Map<String, Map<String, String>> SAVE_STORES = Map.of("/monitoring/reports/{id}/values",
            Map.of("monitoring_report_value", "the computed indicators are taken from the register and the budget when"
                    + " the report is saved (monitoring.report.computed-note, MonitoringReports.fill): a report never"
                    + " saved holds none, its first save stores them"));

    /** Pages of a kind followed at most this many times (a household's page stands for every household's). */
    private static final int PER_KIND = 2;

    /** Edit forms saved from one kind of page, in each language (the parameters page has one form per parameter). */
    private static final int PER_PAGE = 4;

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts users;

    @Autowired RequestMappingHandlerMapping mappings;

    MockMvc mvc;
    PostRoutes routes;
    List<String> roles;
    List<String> unlinked;
    List<String> tables;

    record Submission(String role, String language, String page, String action, String handler, int status,
                      List<String> changed, List<String> audited,
                      String refusal) {
        @Override
        public String toString() {
            return "POST " + action + " (form on " + page + ", " + role + ", " + language + "): " + status
                    + (changed.isEmpty() ? "" : " changed " + changed) + (audited.isEmpty() ? "" : " audited " + audited)
                    + (refusal.isEmpty() ? "" : " refused: " + refusal);
        }
    }

    @BeforeAll
    void setUp() {
        routes = new PostRoutes(mappings);
        // what the demonstration does not hold yet: a livelihood model, a monitoring report, a task report (and its
        // agency officer, who is followed too)
        DemoAdditions.Added added = DemoAdditions.add(context);
        roles = new ArrayList<>(List.of("xa", "chutich", "tinh", "bo", "admin"));
        added.taskOfficer().ifPresent(roles::add);
        // pages no link leads to (docs/domain.md names their address): followed from the start
        unlinked = jdbc.sql("SELECT '/field/rounds/' || id || '/assignments' FROM review_round WHERE commune_id = :c"
                + " ORDER BY review_year DESC, id LIMIT 1").param("c", added.commune()).query(String.class).list();
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        tables = jdbc.sql("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                        ORDER BY c.relname""").query(String.class).list().stream()
                .filter(t -> !TRAIL_TABLES.matcher(t).matches()).toList();
    }

    @Test
    void everyEditFormSavedUnchangedChangesNothing() throws Exception {
        List<Submission> submissions = new ArrayList<>();
        Set<String> formsSeen = new LinkedHashSet<>();
        Map<String, String> skipped = new TreeMap<>();
        Map<String, Integer> perPage = new HashMap<>();
        Set<String> reached = new LinkedHashSet<>();
        long started = System.nanoTime();
        for (String role : roles) {
            CurrentUser who = users.findByUsername(role).orElseThrow();
            for (String page : crawl(who)) {
                for (String language : List.of("vi", "en")) {
                    Document doc = page(page, who, language);
                    if (doc == null) {
                        continue;
                    }
                    List<Element> forms = doc.select("form");
                    for (int i = 0; i < forms.size(); i++) {
                        Element form = forms.get(i);
                        String action = action(form, page);
                        String key = kind(action) + " on " + kind(page);
                        String handler = action == null ? null : routes.editHandler(action);
                        if (action == null || !isEditForm(form) && (handler == null || !canBeSent(form)) || page.matches(".*/new(\\?.*)?$")) {
                            if (action != null && "post".equalsIgnoreCase(form.attr("method")) && !action.equals("/logout")) {
                                skipped.putIfAbsent(key, isVersioned(form) ? "no field filled in: an action, not an edit"
                                        : "no version: not an edit of a stored thing");
                            }
                            continue;
                        }
                        boolean firstOfItsHandler = handler != null && !reached.contains(handler + " " + language);
                        if (!formsSeen.add(key + " " + language)
                                || perPage.merge(kind(page) + " " + language, 1, Integer::sum) > PER_PAGE && !firstOfItsHandler) {
                            continue; // one form of a kind stands for the others, in each language
                        }
                        if (handler != null) {
                            reached.add(handler + " " + language);
                        }
                        // read again just before: a form submitted earlier on the page moved its version on
                        Element fresh = page(page, who, language).select("form").get(i);
                        Map<String, List<String>> fields = fields(fresh);
                        String before = fingerprint();
                        long auditedBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_log").query(Long.class).single();
                        MockHttpServletRequestBuilder request = post(URI.create(action)).with(user(who)).with(csrf())
                                .cookie(new Cookie("giamngheo-lang", language))
                                .contentType("application/x-www-form-urlencoded").characterEncoding(StandardCharsets.UTF_8);
                        fields.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
                        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
                        String after = fingerprint();
                        List<String> audited = audited(auditedBefore);
                        submissions.add(new Submission(role, language, page, action, handler, r.getStatus(),
                                difference(before, after), audited, refusal(r)));
                    }
                }
            }
        }
        submissions.forEach(s -> System.out.println("  saved unchanged: " + s));
        skipped.forEach((form, why) -> System.out.println("  not submitted: " + form + ": " + why));
        ADDS.forEach((form, why) -> System.out.println("  refusal allowed: " + form + ": " + why));
        SAVE_STORES.forEach((form, why) -> System.out.println("  change allowed: " + form + ": " + why));
        List<String> bad = submissions.stream().filter(s -> s.status() >= 400
                        || !(s.handler() == null ? Map.of() : SAVE_STORES.getOrDefault(s.handler(), Map.of())).keySet()
                        .containsAll(s.changed())
                        || s.audited().stream().anyMatch(a -> !a.endsWith(VERSION_ONLY)) && !SAVE_STORES.containsKey(s.handler())
                        || !s.refusal().isEmpty() && !ADDS.containsKey(kind(s.action()).replaceAll("\\?.*", "")))
                .map(Submission::toString).toList();
        System.out.printf("EditFormUnchangedGuard: %d edit forms saved unchanged, %d other forms left, %d bad, %d s%n",
                submissions.size(), skipped.size(), bad.size(), (System.nanoTime() - started) / 1_000_000_000);
        Set<String> unreached = new TreeSet<>();
        for (String handler : routes.editHandlers()) {
            for (String language : List.of("vi", "en")) {
                if (!reached.contains(handler + " " + language) && !NOT_REACHED.containsKey(handler)) {
                    unreached.add("POST " + handler + " (" + language + ")");
                }
            }
        }
        routes.versionedActions().forEach(a -> System.out.println("  versioned action, not an edit: POST " + a));
        NOT_REACHED.forEach((handler, why) -> System.out.println("  not reached: POST " + handler + ": " + why));
        unreached.forEach(h -> System.out.println("  NO FORM SAVED TO: " + h));
        assertThat(submissions.stream().map(s -> kind(s.action())).distinct().count())
                .as("kinds of edit forms found").isGreaterThanOrEqualTo(8);
        assertThat(bad).as("edit forms that changed something or were refused when saved unchanged").isEmpty();
        assertThat(unreached).as("edit handlers no form of the application was saved unchanged to (reach them, or"
                + " say in NOT_REACHED why they cannot be)").isEmpty();
        assertThat(NOT_REACHED.keySet().stream().filter(h -> reached.contains(h + " vi")).toList())
                .as("edit handlers said not to be reached that were (take them off NOT_REACHED)").isEmpty();
        assertThat(NOT_REACHED.keySet()).as("NOT_REACHED names edit handlers").isSubsetOf(routes.editHandlers());
    }

    /** The pages a role reaches from its start page by following links, at most {@link #PER_KIND} of each kind. */
    private List<String> crawl(CurrentUser who) throws Exception {
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        // and every page without a path variable, for the pages reached through a form rather than a link
        GetRoutes.of(context).stream().map(GetRoutes.Route::pattern)
                .filter(p -> !p.contains("{") && !p.contains("*") && !p.startsWith("/error") && !NOT_A_PAGE.matcher(p).matches())
                .forEach(queue::add);
        queue.addAll(unlinked);
        Map<String, Integer> kinds = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>(queue);
        List<String> pages = new ArrayList<>();
        while (!queue.isEmpty() && pages.size() < 500) {
            String path = queue.poll();
            Document doc = page(path, who, "vi");
            if (doc == null) {
                continue;
            }
            pages.add(path);
            List<String> links = new ArrayList<>();
            doc.select("a[href], [hx-get]").forEach(a -> links.add(a.hasAttr("href") ? a.attr("href") : a.attr("hx-get")));
            doc.select("form").forEach(form -> links.add(query(form, path))); // a choice made in a form, left as shown
            for (String link : links) {
                String href = link == null ? "" : link.replaceAll("#.*", "");
                if (!href.startsWith("/") || href.startsWith("//") || NOT_A_PAGE.matcher(href).matches()
                        || href.contains("lang=") || !seen.add(href)) {
                    continue;
                }
                if (kinds.merge(kind(href), 1, Integer::sum) <= PER_KIND) {
                    queue.add(href);
                }
            }
        }
        System.out.println("  pages crawled as " + who.getUsername() + ": " + pages.size() + (queue.isEmpty() ? "" : ", more left"));
        return pages;
    }

    /** The address a GET form sends the browser to when sent untouched (null for a form that POSTs). */
    static String query(Element form, String page) {
        if (form.hasAttr("hx-post") || "post".equalsIgnoreCase(form.attr("method"))) {
            return null;
        }
        String action = form.attr("action").isEmpty() ? page.replaceAll("\\?.*", "") : form.attr("action");
        String query = fields(form).entrySet().stream().flatMap(e -> e.getValue().stream()
                        .map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? action : action + "?" + query;
    }

    private Document page(String path, CurrentUser who, String language) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(URI.create(path)).with(user(who))
                .cookie(new Cookie("giamngheo-lang", language))).andReturn().getResponse();
        String type = r.getContentType();
        if (r.getStatus() != 200 || type == null || !type.startsWith("text/html")) {
            return null;
        }
        return Jsoup.parse(r.getContentAsString(StandardCharsets.UTF_8), "http://localhost" + path);
    }

    /** A path with its numbers and query values taken out: the pages of one kind. */
    static String kind(String path) {
        return path == null ? "" : path.replaceAll("\\d+", "{n}").replaceAll("/[A-Z][A-Z0-9_]+", "/{code}")
                .replaceAll("=[^&]*", "=");
    }

    private static String action(Element form, String page) {
        String action = form.hasAttr("hx-post") ? form.attr("hx-post") : form.attr("action");
        if (!form.hasAttr("hx-post") && !"post".equalsIgnoreCase(form.attr("method"))) {
            return null;
        }
        if (action.isEmpty()) {
            return page;
        }
        return action.startsWith("/") ? action : null;
    }

    private static boolean isVersioned(Element form) {
        return !form.select("input[name=version], input[name$=.version], input[name$=Version]").isEmpty();
    }

    /**
     * A versioned POST form with a button to send it that shows at least one visible field already filled in: an
     * edit, not an action.
     */
    static boolean isEditForm(Element form) {
        if (!isVersioned(form) || !canBeSent(form)) {
            return false; // not an edit, or one the reader may only look at (no button to send it)
        }
        for (Element field : form.select("input, select, textarea")) {
            String type = field.attr("type").toLowerCase();
            if (type.equals("hidden") || type.equals("submit") || type.equals("button") || type.equals("file")
                    || field.hasAttr("disabled")) {
                continue;
            }
            if (field.tagName().equals("select") ? !field.select("option[selected]").isEmpty()
                    : field.tagName().equals("textarea") ? !field.wholeText().isBlank()
                    : type.equals("checkbox") || type.equals("radio") ? field.hasAttr("checked")
                    : !field.attr("value").isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** A form with a button to send it (without one, the reader may only look at it). */
    static boolean canBeSent(Element form) {
        return !form.select("button:not([type]), button[type=submit], input[type=submit], input[type=image]").isEmpty();
    }

    /** What a browser sends for the form untouched (with its first submit button, as pressing Enter does). */
    static Map<String, List<String>> fields(Element form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        boolean submitter = false;
        for (Element field : form.select("input, select, textarea, button")) {
            String name = field.attr("name");
            String type = field.attr("type").toLowerCase();
            boolean button = field.tagName().equals("button") ? !type.equals("button") && !type.equals("reset")
                    : type.equals("submit") || type.equals("image");
            if (button && name.isEmpty() && !submitter) {
                submitter = true; // the form's default button sends no name of its own
            }
            if (name.isEmpty() || field.hasAttr("disabled") || type.equals("file") || type.equals("reset")) {
                continue;
            }
            switch (field.tagName()) {
                case "select" -> {
                    List<Element> chosen = field.select("option[selected]");
                    if (chosen.isEmpty() && !field.hasAttr("multiple") && !field.select("option").isEmpty()) {
                        chosen = List.of(field.select("option").first());
                    }
                    chosen.forEach(o -> add(fields, name, o.hasAttr("value") ? o.attr("value") : o.text()));
                }
                case "textarea" -> add(fields, name, field.wholeText().replaceFirst("^\n", ""));
                case "button" -> {
                    if (!submitter && !type.equals("button")) {
                        submitter = true;
                        add(fields, name, field.attr("value"));
                    }
                }
                default -> {
                    if (type.equals("submit") || type.equals("image")) {
                        if (!submitter) {
                            submitter = true;
                            add(fields, name, field.attr("value"));
                        }
                    } else if (type.equals("checkbox") || type.equals("radio")) {
                        if (field.hasAttr("checked")) {
                            add(fields, name, field.hasAttr("value") ? field.attr("value") : "on");
                        }
                    } else {
                        add(fields, name, field.attr("value"));
                    }
                }
            }
        }
        return fields;
    }

    private static void add(Map<String, List<String>> fields, String name, String value) {
        fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    /** One line per table: its name and a digest of its rows without the bookkeeping columns. */
    private String fingerprint() {
        StringBuilder all = new StringBuilder();
        String dropped = BOOKKEEPING_COLUMNS.stream().map(c -> " - '" + c + "'").reduce("", String::concat);
        for (String table : tables) {
            String digest = jdbc.sql("SELECT coalesce(md5(string_agg(d, '' ORDER BY d)), '-') FROM (SELECT md5((to_jsonb(t)"
                    + dropped + ")::text) AS d FROM \"" + table + "\" t) x").query(String.class).single();
            all.append(table).append('=').append(digest).append('\n');
        }
        return all.toString();
    }

    /** How the audit trail tells a row whose save moved only the version and the time of the last change on. */
    static final String VERSION_ONLY = ": version only";

    /**
     * The audit rows written since {@code after}: the entity, and whether its row changed beyond the bookkeeping
     * columns (a save that moves only the version on is tolerated: its audit row shows no change; see ADR 0002).
     */
    private List<String> audited(long after) {
        String dropped = BOOKKEEPING_COLUMNS.stream().map(c -> " - '" + c + "'").reduce("", String::concat);
        return jdbc.sql("SELECT entity || CASE WHEN action = 'UPDATE' AND (before_value" + dropped + ") = (after_value"
                        + dropped + ") THEN '" + VERSION_ONLY + "' ELSE ': ' || action END FROM audit_log WHERE id > :id ORDER BY id")
                .param("id", after).query(String.class).list();
    }

    /** What a page answered to a form it refused: its error messages (a 200 that shows the form again). */
    static String refusal(MockHttpServletResponse r) throws java.io.UnsupportedEncodingException {
        String type = r.getContentType();
        if (r.getStatus() != 200 || type == null || !type.startsWith("text/html")) {
            return "";
        }
        return Jsoup.parse(r.getContentAsString(StandardCharsets.UTF_8)).select(".error, .problems, .alert").stream()
                .map(Element::text).filter(t -> !t.isBlank()).distinct().reduce((a, b) -> a + " | " + b).orElse("");
    }

    private static List<String> difference(String before, String after) {
        Set<String> a = new LinkedHashSet<>(before.lines().toList());
        List<String> changed = new ArrayList<>();
        after.lines().filter(l -> !a.contains(l)).forEach(l -> changed.add(l.substring(0, l.indexOf('='))));
        return changed;
    }

    @Test
    void theGuardTellsAnEditFromAnAction() {
        Element edit = Jsoup.parse("""
                <form method="post" action="/x/1"><input type="hidden" name="version" value="3">
                <input name="amount" value="1.234,5"><select name="kind"><option value="a">A</option>
                <option value="b" selected>B</option></select><input type="checkbox" name="on" checked>
                <textarea name="note">
                ghi chú</textarea><button name="save" value="1">Lưu</button><button name="other" value="2">Khác</button></form>""")
                .selectFirst("form");
        Element action = Jsoup.parse("""
                <form method="post" action="/x/1/approve"><input type="hidden" name="version" value="3">
                <textarea name="reason"></textarea><button>Duyệt</button></form>""").selectFirst("form");
        assertThat(isEditForm(edit)).isTrue();
        assertThat(isEditForm(action)).isFalse();
        assertThat(fields(edit)).containsEntry("amount", List.of("1.234,5")).containsEntry("kind", List.of("b"))
                .containsEntry("on", List.of("on")).containsEntry("note", List.of("ghi chú"))
                .containsEntry("save", List.of("1")).doesNotContainKey("other").containsEntry("version", List.of("3"));
        Element defaultFirst = Jsoup.parse("""
                <form method="post" action="/x/1"><input type="hidden" name="version" value="3"><button></button>
                <input name="amount" value="1"><button name="addMember" value="1">+</button></form>""").selectFirst("form");
        assertThat(fields(defaultFirst)).doesNotContainKey("addMember");
        assertThat(query(Jsoup.parse("""
                <form action="/programme/goals"><select name="province"><option value="01">Hà Nội</option>
                <option value="08" selected>Tuyên Quang</option></select><input name="year" value="2026">
                <button>Xem</button></form>""").selectFirst("form"), "/programme/goals")).isEqualTo("/programme/goals?province=08&year=2026");
        assertThat(query(action, "/x/1")).isNull();
        assertThat(routes.editHandler("/households/3?x=1")).isEqualTo("/households/{id}");
        assertThat(routes.editHandler("/households/3/delete")).isNull();
        assertThat(routes.editHandler("/plans/3/targets")).isEqualTo("/plans/{id}/targets");
        assertThat(kind("/plans/12/targets?year=2026")).isEqualTo("/plans/{n}/targets?year=");
        assertThat(kind("/support/policies/BHYT_POOR?province=08")).isEqualTo("/support/policies/{code}?province=");
    }
}
