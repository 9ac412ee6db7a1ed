package vn.giamngheo.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The translations of the exchange problem codes (i18n/exchange*.properties), without Spring. */
class ExchangeMessagesTest {

    private static final String BASE = "i18n/exchange";
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The codes created by the validators of vn.giamngheo.household.importing, each with args = List.of(value). */
    private static final List<String> IMPORT_CODES = List.of("exchange.commune-unknown",
            "exchange.commune-outside-scope", "exchange.household-registered", "exchange.id-number-registered");

    /** Sample arguments per code, one array per kind of call site (same types and order as the code). */
    private static final Map<String, List<Object[]>> SAMPLES = Map.ofEntries(
            Map.entry(ExchangeProblem.MISSING_COLUMN, List.<Object[]>of(new Object[] {"household_code"})),
            Map.entry(ExchangeProblem.UNKNOWN_COLUMN, List.<Object[]>of(new Object[] {"ghi_chu"})),
            Map.entry(ExchangeProblem.REQUIRED_VALUE, List.<Object[]>of(new Object[] {"full_name"})),
            Map.entry(ExchangeProblem.INVALID_VALUE, List.<Object[]>of(
                    new Object[] {Labels.accepted(Relation.class)}, new Object[] {RowReader.YES_NO})),
            Map.entry(ExchangeProblem.INVALID_NUMBER, List.<Object[]>of(
                    new Object[] {Long.MIN_VALUE}, new Object[] {0L}, new Object[] {0}, new Object[] {1000L})),
            Map.entry(ExchangeProblem.INVALID_DATE, List.<Object[]>of(
                    new Object[] {"DD/MM/YYYY, YYYY-MM-DD"}, new Object[] {"DD/MM/YYYY, YYYY-MM-DD, YYYY"})),
            Map.entry(ExchangeProblem.DUPLICATE_COLUMN, List.<Object[]>of(
                    new Object[] {"water_source", "Nguồn nước sinh hoạt", 11})),
            Map.entry(ExchangeProblem.FUTURE_BIRTH_DATE, List.<Object[]>of(new Object[] {LocalDate.of(2025, 7, 1)})),
            Map.entry(ExchangeProblem.INVALID_MEMBER_NO, List.<Object[]>of(new Object[] {})),
            Map.entry(ExchangeProblem.DUPLICATE_MEMBER_NO, List.<Object[]>of(new Object[] {"HG-0012"})),
            Map.entry(ExchangeProblem.INVALID_ID_NUMBER, List.<Object[]>of(new Object[] {})),
            Map.entry(ExchangeProblem.DUPLICATE_ID_NUMBER, List.<Object[]>of(new Object[] {1234})),
            Map.entry(ExchangeProblem.HEAD_COUNT, List.<Object[]>of(
                    new Object[] {"HG-0012", 0}, new Object[] {"HG-0012", 2})),
            Map.entry(ExchangeProblem.UNKNOWN_HOUSEHOLD, List.<Object[]>of(
                    new Object[] {"HG-0012", "00004", "households.csv"})),
            Map.entry(ExchangeProblem.NO_MEMBERS, List.<Object[]>of(new Object[] {"members.xlsx"})),
            Map.entry(ExchangeProblem.NO_INCOME_BASIS, List.<Object[]>of(new Object[] {})),
            Map.entry(ExchangeProblem.DUPLICATE_HOUSEHOLD, List.<Object[]>of(new Object[] {"HG-0012", 1500})),
            Map.entry(ExchangeProblem.INVALID_COMMUNE_CODE, List.<Object[]>of(new Object[] {})),
            Map.entry(ExchangeProblem.UNREADABLE_FILE, List.<Object[]>of(
                    new Object[] {"empty"}, new Object[] {"households"}, new Object[] {"null"},
                    new Object[] {"Invalid char between encapsulated token and delimiter"})),
            Map.entry(ExchangeProblem.NOT_UTF8, List.<Object[]>of(new Object[] {})),
            Map.entry(ExchangeProblem.TOO_MANY_ROWS, List.<Object[]>of(new Object[] {50000})),
            Map.entry(ExchangeProblem.TOO_LONG, List.<Object[]>of(new Object[] {1048576, 200})),
            Map.entry("exchange.commune-unknown", List.<Object[]>of(new Object[] {"99999"})),
            Map.entry("exchange.commune-outside-scope", List.<Object[]>of(new Object[] {"00004"})),
            Map.entry("exchange.household-registered", List.<Object[]>of(new Object[] {"HG-0012"})),
            Map.entry("exchange.id-number-registered", List.<Object[]>of(new Object[] {"001085012345"})));

    static Set<String> codes() {
        Set<String> codes = new TreeSet<>(IMPORT_CODES);
        for (Field field : ExchangeProblem.class.getFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                try {
                    String value = (String) field.get(null);
                    if (value.startsWith("exchange.")) {
                        codes.add(value);
                    }
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return codes;
    }

    static Stream<Locale> locales() {
        return Stream.of(Locale.ROOT, VI);
    }

    private static Properties file(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ExchangeMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    private static ResourceBundle bundle(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BASE, locale, NO_FALLBACK);
        assertThat(bundle.getLocale()).isEqualTo(locale);
        return bundle;
    }

    @Test
    void bothFilesHaveTheSameKeys() throws IOException {
        // Compared file by file: ResourceBundle.keySet() of the Vietnamese bundle includes its English parent's keys.
        assertThat(file(BASE + "_vi.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(file(BASE + ".properties").stringPropertyNames());
        assertThat(bundle(VI).keySet()).containsExactlyInAnyOrderElementsOf(bundle(Locale.ROOT).keySet());
    }

    @Test
    void everyCodeHasAMessageInBothFiles() throws IOException {
        Set<String> codes = codes();
        assertThat(codes).hasSizeGreaterThanOrEqualTo(20 + IMPORT_CODES.size()).contains(ExchangeProblem.INVALID_VALUE);
        assertThat(file(BASE + ".properties").stringPropertyNames()).containsAll(codes);
        assertThat(file(BASE + "_vi.properties").stringPropertyNames()).containsAll(codes);
        assertThat(SAMPLES.keySet()).as("sample arguments for every code").containsExactlyInAnyOrderElementsOf(codes);
    }

    @ParameterizedTest
    @MethodSource("locales")
    void everyMessageFormatsWithItsArguments(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        for (String code : codes()) {
            String pattern = bundle.getString(code);
            assertThat(pattern.replace("''", "")).as(code + ": a single quote must be doubled").doesNotContain("'");
            for (Object[] args : SAMPLES.get(code)) {
                MessageFormat format = new MessageFormat(pattern, locale);
                assertThat(format.getFormatsByArgumentIndex()).as(code + ": placeholders " + pattern)
                        .hasSize(args.length);
                String message = format.format(args);
                assertThat(message).as(code + " " + Arrays.toString(args))
                        .isNotBlank().doesNotContain("{").doesNotContain("}");
                if (args.length == 0) {
                    // Spring's MessageSource returns messages without arguments as they are, unformatted.
                    assertThat(pattern).as(code).doesNotContain("'").isEqualTo(message);
                }
            }
        }
    }

    @Test
    void choicesAndNumbersReadNaturally() {
        ResourceBundle en = bundle(Locale.ROOT);
        ResourceBundle vi = bundle(VI);
        assertThat(MessageFormat.format(en.getString(ExchangeProblem.INVALID_NUMBER), Long.MIN_VALUE))
                .isEqualTo("Not a valid number; it must be a whole number.");
        assertThat(new MessageFormat(vi.getString(ExchangeProblem.INVALID_NUMBER), VI).format(new Object[] {0L}))
                .contains("số không âm").contains("12.5");
        assertThat(new MessageFormat(vi.getString(ExchangeProblem.DUPLICATE_HOUSEHOLD), VI)
                .format(new Object[] {"HG-0012", 1500})).isEqualTo("Hộ HG-0012 đã có ở dòng 1500 (cùng xã).");
        assertThat(new MessageFormat(vi.getString(ExchangeProblem.TOO_MANY_ROWS), VI).format(new Object[] {50000}))
                .isEqualTo("Tệp có hơn 50.000 dòng.");
        assertThat(new MessageFormat(vi.getString(ExchangeProblem.INVALID_VALUE), VI)
                .format(new Object[] {"yes, no"})).isEqualTo(
                        "Giá trị không hợp lệ; chỉ được ghi một trong các giá trị: yes, no.");
        assertThat(codes().stream().map(vi::getString).collect(Collectors.joining()))
                .as("Vietnamese text read as UTF-8").contains("không").doesNotContain("Ã");
    }
}
