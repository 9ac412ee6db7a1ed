package vn.giamngheo.field;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * The field app's shell and what its scripts need from the server besides the sync API: the texts and the
 * questionnaire in the user's language, who is logged in (with the CSRF token for the sync), and the list of static
 * files the service worker keeps for offline use.
 */
@Controller
class FieldAppController {

    /** The app's static files, relative to {@code static/}; the service worker itself and licences are not kept. */
    private static final String STATIC = "classpath:static/field/**";

    private final MessageSource messages;
    private final FieldQuestionnaire questionnaire;
    private final List<String> textKeys;
    private volatile String precache;

    FieldAppController(MessageSource messages, FieldQuestionnaire questionnaire) {
        this.messages = messages;
        this.questionnaire = questionnaire;
        this.textKeys = keys("/i18n/field.properties");
    }

    /** The app's address without its slash: the service worker's scope is {@code /field/}. */
    @GetMapping("/field")
    String root() {
        return "redirect:/field/";
    }

    /** The app's shell; everything else is drawn by its scripts from what is stored on the device. */
    @GetMapping("/field/")
    String app() {
        CurrentUsers.require();
        return "field/app";
    }

    /**
     * Back to the app after logging in again: the app sends an expired session here, the login page brings the user
     * back, and the queue goes on.
     */
    @GetMapping("/field/relogin")
    String relogin() {
        CurrentUsers.require();
        return "redirect:/field/";
    }

    /** The app's texts and questionnaire in the user's language, who is logged in, and the CSRF token for the sync. */
    @GetMapping(value = "/field/app/session", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> session(Locale locale, CsrfToken csrf) {
        CurrentUser user = CurrentUsers.require();
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : textKeys) {
            texts.put(key.substring("field.app.".length()), messages.getMessage(key, null, key, locale));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("language", locale.getLanguage().equals("en") ? "en" : "vi");
        answer.put("user", Map.of("username", user.getUsername(), "fullName", user.getFullName(),
                "seesIdentityNumbers", user.seesIdentityNumbers()));
        answer.put("csrf", Map.of("header", csrf.getHeaderName(), "parameter", csrf.getParameterName(), "token", csrf.getToken()));
        answer.put("texts", texts);
        answer.put("questions", questionnaire.questions(locale));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
    }

    /**
     * The service worker's precache list: every static file of the app with a hash of its content as revision, so a
     * new build replaces exactly the files that changed.
     */
    @GetMapping(value = "/field/app/precache.js", produces = "text/javascript")
    @ResponseBody
    ResponseEntity<String> precache() {
        String list = precache;
        if (list == null) {
            list = precacheList();
            precache = list;
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(list);
    }

    private static String precacheList() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(STATIC);
            List<String> entries = new ArrayList<>();
            for (Resource resource : resources) {
                if (!resource.isReadable()) {
                    continue;
                }
                String url = resource.getURL().toString();
                String path = url.substring(url.lastIndexOf("/static/field/") + "/static".length());
                if (path.equals("/field/sw.js") || path.endsWith("/LICENSE") || path.endsWith("/")) {
                    continue;
                }
                try (InputStream in = resource.getInputStream()) {
                    byte[] hash = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
                    entries.add("{url:'" + path + "',revision:'" + HexFormat.of().formatHex(hash, 0, 8) + "'}");
                }
            }
            entries.sort(null);
            return "self.FIELD_PRECACHE = [\n" + String.join(",\n", entries) + "\n];\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> keys(String bundle) {
        Properties properties = new Properties();
        try (InputStream in = FieldAppController.class.getResourceAsStream(bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(new TreeSet<>(properties.stringPropertyNames())).stream()
                .filter(k -> k.startsWith("field.app.")).toList();
    }
}
