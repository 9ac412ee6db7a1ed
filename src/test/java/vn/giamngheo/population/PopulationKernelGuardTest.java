package vn.giamngheo.population;

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
 * The population groups kernel is the only writer of the groups' predicates (issue 23 point 2): no other main
 * source tests in SQL a household's ethnic-minority flag, a head's sex, a member's disability or a member's age
 * from the birth date — they ask {@link PopulationGroup#predicate} (or {@link PopulationGroups}). Scans the main
 * sources, comments left out. The register's own editing and import code (package {@code household}, the exchange
 * format, the register's pages) reads and writes these columns as data, not as a group: listed below.
 */
class PopulationKernelGuardTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String KERNEL = "vn/giamngheo/population/";

    /**
     * Written before the kernel, each reading one household's ethnic-minority flag with the same fallback on the
     * head's ethnicity as {@link PopulationGroup#ETHNIC_MINORITY} (a column of one household, not a group's filter);
     * to move onto the kernel by their owners. No new entry.
     */
    private static final java.util.Set<String> EARLIER = java.util.Set.of(
            "vn/giamngheo/escape/EscapeHouseholds.java",
            "vn/giamngheo/livelihood/LivelihoodModels.java",
            "vn/giamngheo/review/RoundHouseholds.java");

    /** A group predicate written in SQL: a head's sex, a disability tested, an age computed from a birth date in SQL. */
    private static final Pattern PREDICATE = Pattern.compile("(?i)("
            + "relation\\s*=\\s*'head'[^;\"]{0,80}sex\\s*=|sex\\s*=\\s*'female'[^;\"]{0,80}relation\\s*=\\s*'head'"
            + "|disability\\s+IN\\s*\\(\\s*'mild'|disability\\s*(<>|!=)\\s*'none'|disability\\s+IS\\s+DISTINCT"
            + "|birth_date\\s*\\+\\s*(make_)?interval|age\\s*\\([^)]*birth_date|birth_date\\s*(<=|>=|<|>)\\s*[^\\n]{0,40}interval"
            + "|ethnic_minority\\s+IS\\s+TRUE|coalesce\\s*\\(\\s*\\w+\\.ethnic_minority"
            + ")");

    @Test
    void onlyTheKernelWritesTheGroupsPredicates() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = SOURCES.relativize(file).toString().replace('\\', '/');
                if (name.startsWith(KERNEL) || EARLIER.contains(name)) {
                    continue;
                }
                String code = withoutComments(Files.readString(file));
                Matcher m = PREDICATE.matcher(code);
                while (m.find()) {
                    offences.add(name + ": " + m.group());
                }
            }
        }
        assertThat(offences).as("population group predicates written outside vn.giamngheo.population: use "
                + "PopulationGroup.predicate or PopulationGroups.predicate").isEmpty();
    }

    /** Block comments (Javadoc) and line comments blanked (a line comment's text after {@code //} outside strings is rare enough). */
    static String withoutComments(String java) {
        String noBlocks = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL).matcher(java).replaceAll(" ");
        return noBlocks.replaceAll("(?m)^\\s*//.*$", "");
    }

    @Test
    void theGuardSeesAPredicate() {
        assertThat(PREDICATE.matcher("WHERE m.relation = 'head' AND m.sex = 'female'").find()).isTrue();
        assertThat(PREDICATE.matcher("m.birth_date + interval '60 years' <= DATE '2025-12-31'").find()).isTrue();
        assertThat(PREDICATE.matcher("x.disability IN ('mild', 'severe')").find()).isTrue();
        assertThat(PREDICATE.matcher("date_part('year', age(:d, m.birth_date))").find()).isTrue();
        assertThat(PREDICATE.matcher("SELECT full_name, birth_date FROM household_member").find()).isFalse();
    }
}
