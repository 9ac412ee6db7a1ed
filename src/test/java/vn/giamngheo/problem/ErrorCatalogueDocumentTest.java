package vn.giamngheo.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalogue is sound (codes unique and numbered GN-nnnn, every entry's message in English and Vietnamese) and
 * {@code docs/errors.md} is what it says. When an entry changes, run this test with {@code -Dgiamngheo.docs.write=true}
 * to write the document again, and commit it.
 */
class ErrorCatalogueDocumentTest {

    static final Path DOCUMENT = Path.of("docs/errors.md");

    @Test
    void codesAreUniqueNumbered() {
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).collect(Collectors.toSet());
        assertThat(codes).hasSize(ErrorCode.values().length);
        assertThat(codes).allMatch(c -> c.matches("GN-[1-9]\\d{3}"));
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::status)).allMatch(s -> s >= 400 && s < 600);
    }

    @Test
    void everyEntryHasItsMessageInBothLanguages() throws IOException {
        Properties en = bundle("i18n/messages.properties");
        Properties vi = bundle("i18n/messages_vi.properties");
        for (ErrorCode c : ErrorCode.values()) {
            assertThat(en.getProperty(c.messageKey())).as(c + " in English").isNotBlank();
            assertThat(vi.getProperty(c.messageKey())).as(c + " in Vietnamese").isNotBlank();
            assertThat(en.getProperty("problem.status." + c.status())).as("title of " + c.status()).isNotBlank();
            assertThat(vi.getProperty("problem.status." + c.status())).as("title of " + c.status()).isNotBlank();
        }
    }

    @Test
    void theDocumentIsUpToDate() throws IOException {
        String expected = document();
        if (Boolean.getBoolean("giamngheo.docs.write")) {
            Files.writeString(DOCUMENT, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOCUMENT)).as(DOCUMENT + " exists (write it with -Dgiamngheo.docs.write=true)").isTrue();
        assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
                .as(DOCUMENT + " is out of date: run ErrorCatalogueDocumentTest with -Dgiamngheo.docs.write=true")
                .isEqualTo(expected);
    }

    static String document() throws IOException {
        Properties en = bundle("i18n/messages.properties");
        Properties vi = bundle("i18n/messages_vi.properties");
        StringBuilder md = new StringBuilder();
        md.append("# Error catalogue\n\n")
          .append("<!-- written by ErrorCatalogueDocumentTest from vn.giamngheo.problem.ErrorCode: do not edit by hand -->\n\n")
          .append("Every error answer of the API (`/api/v1/...`) is RFC 9457 problem details, media type\n")
          .append("`application/problem+json`, with the members\n\n")
          .append("- `type`: `urn:giamngheo:problem:<code>`, the entry of this catalogue;\n")
          .append("- `title`: the HTTP status in words, `detail`: the entry's message, both in the user's language\n")
          .append("  (`?lang=` or the language cookie of the application, else the first of Vietnamese and English in\n")
          .append("  `Accept-Language`, else Vietnamese);\n")
          .append("- `status`: the HTTP status, `instance`: `urn:giamngheo:occurrence:<uuid>`, this occurrence (the server's\n")
          .append("  log names it with the request's method, path and code; the path is not echoed, it may carry what was sent);\n")
          .append("- `code`: the stable number of the entry, a string `GN-nnnn` (`GN-1nnn` errors of the web edge, any\n")
          .append("  endpoint; `GN-2nnn` and above errors of a module). A code is never reused for another meaning;\n")
          .append("- `message`: the module's own sentence as the error bodies before problem details carried it, `error`:\n")
          .append("  the entry's message or the module's short word (both kept for existing clients), and what a module\n")
          .append("  adds: `problems` (a list with `field`, `line`,\n")
          .append("  `value`, `code` and `message` where they apply), `current` / `currentVersion` on a 409 of an edit.\n\n")
          .append("No answer quotes a class name, an exception or a file path of the server. The pages show the same\n")
          .append("code and message on the one error page. The `{0}`, `{1}` in a message are its arguments.\n\n")
          .append("| Code | HTTP status | Name | Message (English) | Message (Vietnamese) |\n")
          .append("|---|---|---|---|---|\n");
        for (ErrorCode c : ErrorCode.values()) {
            md.append("| ").append(c.code()).append(" | ").append(c.status()).append(' ')
              .append(en.getProperty("problem.status." + c.status(), "")).append(" | `").append(c.name()).append("` | ")
              .append(cell(en.getProperty(c.messageKey(), ""))).append(" | ").append(cell(vi.getProperty(c.messageKey(), "")))
              .append(" |\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static Properties bundle(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ErrorCatalogueDocumentTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
