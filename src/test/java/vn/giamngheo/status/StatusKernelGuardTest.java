package vn.giamngheo.status;

import vn.giamngheo.status.rules.PovertyStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The status kernel is the only reader of {@code household_status} and the only speller of the status words
 * (issue 18 point 2). Scans the main sources, comments left out.
 */
class StatusKernelGuardTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String KERNEL = "vn/giamngheo/status/";

    /**
     * The one place outside the kernel that names the table: the commune chair's decision writes the lists (INSERT)
     * and a higher level's return revokes them (UPDATE). It reads nothing from it (previous statuses come from
     * {@code status_of}).
     */
    private static final String WRITER = "vn/giamngheo/review/ReviewDecisions.java";
    private static final Pattern WRITE = Pattern.compile("(?i)(INSERT\\s+INTO|UPDATE)\\s+household_status\\b");

    private static final Pattern TABLE = Pattern.compile("\\bhousehold_status\\b");
    /** A status word quoted as a Java string or an SQL literal: "poor", 'near_poor', … */
    private static final Pattern WORD = Pattern.compile("([\"'])(poor|near_poor|average|not_poor)\\1");
    /** Not a status word: a column label read or bound by name ({@code rs.getLong("poor")}, {@code .param("poor", …)}). */
    private static final Pattern LABEL = Pattern.compile("(get\\w*|param|put)\\(\\s*$");

    @Test
    void onlyTheKernelReadsTheDecidedListsTable() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : javaFiles()) {
            String name = relative(file);
            if (name.startsWith(KERNEL)) {
                continue;
            }
            String code = withoutComments(Files.readString(file));
            Matcher m = TABLE.matcher(code);
            while (m.find()) {
                if (name.equals(WRITER) && writes(code, m.start())) {
                    continue;
                }
                offences.add(name + ":" + line(code, m.start()));
            }
        }
        assertThat(offences).as("household_status read outside vn.giamngheo.status: use status_in_force, status_of, "
                + "decided_status, status_history or DecidedLists").isEmpty();
    }

    @Test
    void onlyPovertyStatusSpellsTheStatusWords() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : javaFiles()) {
            String name = relative(file);
            if (name.equals(KERNEL + "rules/PovertyStatus.java")) {
                continue;
            }
            String code = withoutComments(Files.readString(file));
            Matcher m = WORD.matcher(code);
            while (m.find()) {
                if (LABEL.matcher(code.substring(Math.max(0, m.start() - 30), m.start())).find()) {
                    continue;
                }
                offences.add(name + ":" + line(code, m.start()) + " " + m.group());
            }
        }
        assertThat(offences).as("status words spelled outside PovertyStatus: use PovertyStatus (code(), literal(), "
                + "sql(\"… {poor} …\"))").isEmpty();
    }

    /** Lines are kept (comments become blanks) so that offences name the right line. */
    static String withoutComments(String java) {
        StringBuilder out = new StringBuilder(java.length());
        int i = 0;
        boolean inString = false;
        boolean inTextBlock = false;
        boolean inChar = false;
        while (i < java.length()) {
            char c = java.charAt(i);
            if (inTextBlock) {
                if (java.startsWith("\"\"\"", i) && java.charAt(i - 1) != '\\') {
                    inTextBlock = false;
                    out.append("\"\"\"");
                    i += 3;
                    continue;
                }
            } else if (inString || inChar) {
                if (c == '\\') {
                    out.append(c).append(java.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if ((inString && c == '"') || (inChar && c == '\'')) {
                    inString = false;
                    inChar = false;
                }
            } else if (java.startsWith("\"\"\"", i)) {
                inTextBlock = true;
                out.append("\"\"\"");
                i += 3;
                continue;
            } else if (c == '"') {
                inString = true;
            } else if (c == '\'') {
                inChar = true;
            } else if (java.startsWith("//", i)) {
                while (i < java.length() && java.charAt(i) != '\n') {
                    i++;
                }
                continue;
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                end = end < 0 ? java.length() : end + 2;
                for (int k = i; k < end; k++) {
                    out.append(java.charAt(k) == '\n' ? '\n' : ' ');
                }
                i = end;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean writes(String code, int at) {
        int from = Math.max(0, at - 40);
        Matcher w = WRITE.matcher(code.substring(from, Math.min(code.length(), at + "household_status".length())));
        return w.find() && from + w.end() == at + "household_status".length();
    }

    private static int line(String code, int at) {
        int n = 1;
        for (int i = 0; i < at; i++) {
            if (code.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String relative(Path file) {
        return SOURCES.relativize(file).toString().replace('\\', '/');
    }
}
