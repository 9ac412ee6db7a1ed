package vn.giamngheo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every label comes from a message key, and every key exists in English and in Vietnamese. */
class MessageKeysTest {

    private static final String[] BUNDLES = {"messages", "geography", "classification", "planning", "exchange", "analysis", "standard", "setting", "movement"};

    @ParameterizedTest
    @ValueSource(strings = {"messages", "geography", "classification", "planning", "exchange", "analysis", "standard", "setting", "movement"})
    void everyBundleHasTheSameKeysInBothLanguages(String bundle) throws IOException {
        assertThat(keys(bundle + "_vi")).isEqualTo(keys(bundle));
    }

    @Test
    void everyKeyUsedInATemplateExistsInBothLanguages() throws IOException {
        Set<String> english = new HashSet<>();
        Set<String> vietnamese = new HashSet<>();
        for (String b : BUNDLES) {
            english.addAll(keys(b));
            vietnamese.addAll(keys(b + "_vi"));
        }
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");
        Pattern prefixKey = Pattern.compile("#\\{'([a-zA-Z][\\w.-]*\\.)' \\+");
        Set<String> used = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path t : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(t, StandardCharsets.UTF_8);
                Matcher m = literalKey.matcher(html);
                while (m.find()) {
                    used.add(m.group(1));
                }
                Matcher p = prefixKey.matcher(html);
                while (p.find()) {
                    prefixes.add(p.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(english).containsAll(used);
        assertThat(vietnamese).containsAll(used);
        for (String prefix : prefixes) {
            assertThat(english).as("keys starting with %s", prefix).anyMatch(k -> k.startsWith(prefix));
        }
    }

    @Test
    void everyCodeOfTheRegisterHasALabel() throws IOException {
        Set<String> vi = keys("messages_vi");
        Set<String> en = keys("messages");
        java.util.Map<String, java.util.List<String>> lists = java.util.Map.of(
                "housing.", vn.giamngheo.household.HouseholdCodes.HOUSING_QUALITY,
                "water.", vn.giamngheo.household.HouseholdCodes.WATER_SOURCES,
                "toilet.", vn.giamngheo.household.HouseholdCodes.TOILETS,
                "device.", vn.giamngheo.household.HouseholdCodes.INFO_DEVICES,
                "cause.", vn.giamngheo.household.HouseholdCodes.CAUSES,
                "relation.", vn.giamngheo.household.HouseholdCodes.RELATIONS,
                "employment.", vn.giamngheo.household.HouseholdCodes.EMPLOYMENT,
                "education.", vn.giamngheo.household.HouseholdCodes.EDUCATION,
                "disability.", vn.giamngheo.household.HouseholdCodes.DISABILITY,
                "sex.", vn.giamngheo.household.HouseholdCodes.SEXES);
        lists.forEach((prefix, codes) -> codes.forEach(code -> {
            assertThat(en).contains(prefix + code);
            assertThat(vi).contains(prefix + code);
        }));
    }

    private static Set<String> keys(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageKeysTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as("bundle %s", name).isNotNull();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p.stringPropertyNames();
    }
}
