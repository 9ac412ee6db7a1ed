package vn.giamngheo.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The area condition is written in one place, {@link AreaFilter}: no other main source spells a path prefix
 * ({@code path LIKE}, {@code LIKE x.path || '%'}, {@code starts_with}), the optional province of a national user
 * ({@code CAST(:province AS text) IS NULL OR …}) or the LIKE escaping of a path (of a search text it is no area). It scans the Java sources, where
 * every query is written, and the SQL migrations, so that a new function or view does not bring a copy back;
 * the migrations that are history (their checksums are fixed) may keep the shape constraint of V1 only.
 */
class AreaKernelGuardTest {

    static final Path JAVA = Path.of("src/main/java");
    static final Path SQL = Path.of("src/main/resources/db");

    /** The kernel, where the conditions are written. */
    static final Set<String> KERNEL = Set.of("vn/giamngheo/geography/AreaFilter.java");

    /** Spellings of an area condition, with why they are one. */
    static final Map<String, Pattern> SPELLINGS = Map.of(
            "a path prefix (path LIKE …)", Pattern.compile("(?i)\\bpath\\s+(not\\s+)?i?like\\b"),
            "a path prefix between two units (LIKE u.path || '%')",
            Pattern.compile("(?i)\\blike\\s+[a-z_]*\\.?path\\s*\\|\\|"),
            "a path prefix (starts_with)", Pattern.compile("(?i)\\bstarts_with\\s*\\("),
            "the optional province of a national user", Pattern.compile("(?i)cast\\s*\\(\\s*:\\w+\\s+as\\s+text\\s*\\)\\s+is\\s+null\\s+or\\s+\\w*\\.?province_code"),
            "the LIKE escaping of a path", Pattern.compile("(?i)path\\(?\\)?\\s*\\.replace\\("),
            "a LIKE pattern built from a path", Pattern.compile("(?i)path\\(?\\)?\\s*\\+\\s*\"%\""));

    /** The history that cannot change: V1's check that a path ends with the unit's id. */
    static final Set<String> ALLOWED = Set.of(
            "migration/V1__create_geography.sql: CONSTRAINT admin_unit_path_ends_with_id CHECK (path LIKE '%/' || id::text || '/'),");

    @Test
    void noAreaConditionOutsideTheKernel() {
        List<String> found = new ArrayList<>();
        found.addAll(scan(JAVA, ".java"));
        found.addAll(scan(SQL, ".sql"));
        assertThat(found)
                .as("write area conditions with vn.giamngheo.geography.AreaFilter (and resolve units with AreaUnits)")
                .isEmpty();
    }

    @Test
    void theGuardSeesEachSpelling() {
        List<String> violations = List.of(
                "WHERE c.path LIKE :pattern",
                "AND NOT (c.path LIKE :pattern)",
                "JOIN admin_unit c ON c.level = 'commune' AND c.path LIKE u.path || '%'",
                "WHERE starts_with(c.path, :p)",
                "WHERE (CAST(:province AS text) IS NULL OR b.province_code = :province)",
                "return path.replace(\"\\\\\", \"\\\\\\\\\").replace(\"%\", \"\\\\%\").replace(\"_\", \"\\\\_\") + \"%\";",
                ".param(\"prefix\", root.path() + \"%\")");
        for (String line : violations) {
            assertThat(SPELLINGS.values().stream().anyMatch(p -> p.matcher(line).find())).as(line).isTrue();
        }
        assertThat(SPELLINGS.values().stream().anyMatch(p -> p.matcher("WHERE h.household_code ILIKE :prefix").find()))
                .isFalse();
    }

    private static List<String> scan(Path root, String extension) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(extension)).sorted().toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (KERNEL.contains(name)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (ALLOWED.contains(name + ": " + line.strip())) {
                        continue;
                    }
                    for (Map.Entry<String, Pattern> spelling : SPELLINGS.entrySet()) {
                        if (spelling.getValue().matcher(line).find()) {
                            found.add(name + ":" + (i + 1) + " " + spelling.getKey() + ": " + line.strip());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
