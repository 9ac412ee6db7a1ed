package vn.giamngheo.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled Liberation Serif draws every letter the documents can print: the whole Vietnamese alphabet (each
 * vowel with each tone, upper and lower case, composed) and every letter of the demonstration data (names of
 * people in the demo generator, every unit of the geography files, the Vietnamese messages), in its four faces.
 */
class PdfFontsTest {

    private static final String VOWELS = "aăâeêioôơuưy";
    /** No tone, grave, hook above, tilde, acute, dot below. */
    private static final String[] TONES = {"", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"};

    static Stream<String> vietnameseAlphabet() {
        Set<String> letters = new TreeSet<>(List.of("đ", "Đ"));
        for (char v : VOWELS.toCharArray()) {
            for (String tone : TONES) {
                String lower = Normalizer.normalize(v + tone, Normalizer.Form.NFC);
                assertThat(lower).as("composed " + v + tone).hasSize(1);
                letters.add(lower);
                letters.add(lower.toUpperCase(Text.VIETNAMESE));
            }
        }
        for (char c = 'a'; c <= 'z'; c++) {
            letters.add(String.valueOf(c));
            letters.add(String.valueOf(Character.toUpperCase(c)));
        }
        assertThat(letters).hasSize(2 + 2 * VOWELS.length() * TONES.length + 2 * 26 - 2 * 6);
        return letters.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vietnameseAlphabet")
    void everyVietnameseLetterHasAGlyphInEveryFace(String letter) {
        assertThat(PdfFonts.covers(letter)).as("U+%04X %s", letter.codePointAt(0), letter).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"src/main/java/vn/giamngheo/demo", "src/main/resources/geography", "src/main/resources/generation",
            "src/main/resources/i18n", "src/main/resources/classification"})
    void everyLetterAndSignOfTheDemonstrationDataIsDrawn(String folder) throws IOException {
        Set<String> missing = new TreeSet<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".properties")
                    || f.toString().endsWith("_vi.properties") || f.getFileName().toString().startsWith("document")).toList()) {
                String text = Normalizer.normalize(Files.readString(f, StandardCharsets.UTF_8), Normalizer.Form.NFC);
                for (int c : text.codePoints().filter(c -> c > 0x7f && (Character.isLetter(c) || documentSign(c))).toArray()) {
                    checked++;
                    if (!PdfFonts.covers(Character.toString(c))) {
                        missing.add(String.format("U+%04X %s in %s", c, Character.toString(c), f));
                    }
                }
            }
        }
        assertThat(checked).as("non-ASCII letters read from " + folder).isPositive();
        assertThat(missing).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
            "LiberationSerif-BoldItalic.ttf", "LICENSE-LiberationSerif.txt"})
    void theFontAndItsLicenceAreBundled(String file) throws IOException {
        try (var in = PdfFontsTest.class.getResourceAsStream("/fonts/" + file)) {
            assertThat(in).as(file).isNotNull();
            assertThat(in.readAllBytes().length).isGreaterThan(1_000);
        }
    }

    /** Signs printed in documents: dashes, ellipsis, quotes, the non-breaking space, degree, per cent signs. */
    private static boolean documentSign(int c) {
        return "–—…‘’“”\u00a0°×".indexOf(c) >= 0;
    }
}
