package vn.giamngheo.standard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ClassificationBundlesTest {

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = ClassificationBundlesTest.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void englishAndVietnameseBundlesHaveExactlyTheSameKeys() throws Exception {
        assertThat(load("classification_vi.properties").stringPropertyNames())
                .isEqualTo(load("classification.properties").stringPropertyNames());
    }

    @Test
    void everyKeyUsedInTheCodeIsInTheBundle() throws Exception {
        Properties english = load("classification.properties");
        Pattern key = Pattern.compile("\"(classification\\.[a-z0-9_.-]+[a-z0-9_])\"");
        try (var files = Files.walk(Path.of("src/main/java/vn/giamngheo/standard")).filter(Files::isRegularFile)) {
            for (Path file : files.toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    assertThat(english).as(file.getFileName() + " uses " + m.group(1)).containsKey(m.group(1));
                }
            }
        }
        for (String indicator : new String[] {"employment", "waste_treatment", "information_assets"}) {
            assertThat(english).containsKey("classification.indicator." + indicator);
        }
    }
}
