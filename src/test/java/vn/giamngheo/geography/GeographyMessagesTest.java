package vn.giamngheo.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GeographyMessagesTest {

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(
                GeographyMessagesTest.class.getResourceAsStream("/i18n/" + name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyEnglishLabelHasAVietnameseTranslationAndBack() throws IOException {
        Properties en = bundle("geography.properties");
        Properties vi = bundle("geography_vi.properties");
        assertThat(vi.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(vi.stringPropertyNames()).allSatisfy(k -> assertThat(vi.getProperty(k)).isNotBlank());
    }

    @Test
    void everyGeographyKeyUsedInTheTemplatesExists() throws IOException {
        Properties en = bundle("geography.properties");
        Pattern key = Pattern.compile("#\\{(geography\\.[a-z.-]+)");
        for (String template : Stream.of("units.html", "unit.html").toList()) {
            String html = new String(GeographyMessagesTest.class
                    .getResourceAsStream("/templates/geography/" + template).readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = key.matcher(html);
            while (m.find()) {
                String k = m.group(1);
                if (!k.endsWith(".")) { // keys built from a value: #{|geography.level.${...}|}
                    assertThat(en.stringPropertyNames()).as(template).contains(k);
                }
            }
        }
    }

    @Test
    void everyVillageErrorReasonHasALabel() throws IOException {
        Properties en = bundle("geography.properties");
        assertThat(Stream.of("name.blank", "name.too-long", "name.duplicate", "kind.unknown", "commune.unknown",
                "commune.not-commune", "commune.not-current"))
                .allSatisfy(reason -> assertThat(en.getProperty("geography.village.error." + reason)).isNotBlank());
    }
}
