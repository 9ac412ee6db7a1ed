package vn.giamngheo.field.standard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import vn.giamngheo.exchange.Coded;
import vn.giamngheo.exchange.Columns;
import vn.giamngheo.exchange.Labels;
import vn.giamngheo.standard.rules.ExplanationRenderer;
import vn.giamngheo.standard.rules.IncomeBasis;
import vn.giamngheo.standard.rules.IndicatorPolicies;
import vn.giamngheo.standard.rules.Parameter;
import vn.giamngheo.standard.rules.PoorKind;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * A poverty standard as the field app's classifier reads it (exchange-format, "The poverty standard for the field
 * app"). Everything a rule decides with comes from here: {@code parameters} (name → value, exactly as the registry
 * holds them, read by the same names as the Java rules), {@code codeLists} (each coded column's codes in the order of the exchange format, which is the
 * order the rules sort by, with the Vietnamese label the reader also accepts), {@code messages} (the classification
 * bundle in {@code vi} and {@code en}: MessageFormat templates) and {@code numberFormats} (each language's decimal
 * and grouping separators, Vietnamese 1.234,5). {@code version} is the stored version of the standard; {@code etag}
 * changes whenever any part of the document does (a new version, or new wording after an upgrade).
 *
 * @param version the stored version (a new one for every parameter changed through the registry)
 * @param indicators the standard's indicators in its order, each with its dimension and whether a rule exists
 * @param thresholds the lines, bands and thresholds per area, for display (the classifier reads {@code parameters})
 * @param sources each parameter's unit, legal source and confidence mark
 * @param codes the words the classifier answers with: statuses, poor kinds, income bases
 * @param yesNo the spellings of yes and no the exchange reader accepts (compared folded: case, accents, spaces)
 */
public record FieldStandardDocument(String code, int version, String name, String kind, String provinceCode,
        LocalDate validFrom, LocalDate validTo, String ruleShape, List<IndicatorView> indicators,
        Map<String, Map<String, String>> thresholds, Map<String, String> parameters,
        Map<String, ParameterSource> sources, Map<String, List<CodeView>> codeLists,
        Map<String, Map<String, String>> messages, Map<String, NumberFormatView> numberFormats,
        Map<String, Map<String, String>> codes, Map<String, List<String>> yesNo, String etag) {

    /** The languages of the explanation: Vietnamese first, English second. */
    public static final Map<String, Locale> LANGUAGES = Map.of("vi", ExplanationRenderer.VIETNAMESE, "en", Locale.ENGLISH);

    /** {@code RowReader.yesNo}: the spellings of yes and no in a cell, compared folded. */
    static final Map<String, List<String>> YES_NO = java.util.Collections.unmodifiableMap(new TreeMap<>(Map.of(
            "yes", List.of("yes", "có", "true", "1"), "no", List.of("no", "không", "false", "0"))));

    /** One indicator of the standard, its dimension ({@code dimension.<code>}) and whether a rule decides it. */
    public record IndicatorView(String code, String dimension, boolean ruled) {
    }

    /** Where a parameter's value comes from. */
    public record ParameterSource(String unit, String legalSource, String confidence) {
    }

    /** A value of a code list: its code and the Vietnamese label the exchange reader also accepts. */
    public record CodeView(String code, String label) {
    }

    /** A language's number symbols, as Java's {@code DecimalFormatSymbols} of the locale has them. */
    public record NumberFormatView(String decimalSeparator, String groupingSeparator) {
    }

    /** What identifies a stored standard besides its parameters. */
    public record Identity(String code, int version, String name, String kind, String provinceCode, LocalDate validFrom,
            LocalDate validTo) {
    }

    /** The document of a standard; pure (no database): the national catalogue's standards build it in tests too. */
    public static FieldStandardDocument of(Identity id, PovertyStandard standard) {
        Map<String, String> parameters = new TreeMap<>();
        Map<String, ParameterSource> sources = new TreeMap<>();
        for (Parameter p : standard.allParameters()) {
            parameters.put(p.name(), p.value());
            sources.put(p.name(), new ParameterSource(p.unit(), p.legalSource(), p.confidence().mark()));
        }
        List<IndicatorView> indicators = new ArrayList<>();
        for (String indicator : standard.parameter("indicators").map(Parameter::asList).orElse(List.of())) {
            indicators.add(new IndicatorView(indicator, parameters.get("dimension." + indicator),
                    IndicatorPolicies.policyFor(indicator).isPresent()));
        }
        Map<String, Map<String, String>> thresholds = new LinkedHashMap<>();
        for (String area : List.of("rural", "urban")) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String name : List.of("income_line", "upper_line", "average_lower", "average_upper", "b1_threshold")) {
                standard.parameter(name + "_" + area).ifPresent(p -> values.put(name, p.value()));
            }
            thresholds.put(area, values);
        }
        standard.parameter("deprivation_threshold")
                .ifPresent(p -> thresholds.put("all", Map.of("deprivation_threshold", p.value())));
        Map<String, List<CodeView>> codeLists = new TreeMap<>();
        Columns.CODED.forEach((column, type) -> {
            List<CodeView> values = new ArrayList<>();
            for (Coded constant : type.getEnumConstants()) {
                values.add(new CodeView(constant.code(), Labels.label(constant)));
            }
            codeLists.put(column, values);
        });
        Map<String, Map<String, String>> messages = new TreeMap<>();
        Map<String, NumberFormatView> numberFormats = new TreeMap<>();
        LANGUAGES.forEach((language, locale) -> {
            messages.put(language, templates(locale));
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
            numberFormats.put(language, new NumberFormatView(String.valueOf(symbols.getDecimalSeparator()),
                    String.valueOf(symbols.getGroupingSeparator())));
        });
        Map<String, Map<String, String>> codes = new LinkedHashMap<>();
        codes.put("status", words(PovertyStatus.values(), PovertyStatus::code));
        codes.put("poorKind", words(PoorKind.values(), PoorKind::code));
        codes.put("incomeBasis", words(IncomeBasis.values(), IncomeBasis::code));
        String ruleShape = standard.parameter("rule_shape").map(Parameter::value).orElse(null);
        FieldStandardDocument unsigned = new FieldStandardDocument(id.code(), id.version(), id.name(), id.kind(),
                id.provinceCode(), id.validFrom(), id.validTo(), ruleShape, indicators, thresholds, parameters, sources,
                codeLists, messages, numberFormats, codes, YES_NO, null);
        return unsigned.withEtag(etag(unsigned));
    }

    private FieldStandardDocument withEtag(String value) {
        return new FieldStandardDocument(code, version, name, kind, provinceCode, validFrom, validTo, ruleShape, indicators,
                thresholds, parameters, sources, codeLists, messages, numberFormats, codes, yesNo, value);
    }

    private static <E extends Enum<E>> Map<String, String> words(E[] values, java.util.function.Function<E, String> code) {
        Map<String, String> words = new LinkedHashMap<>();
        for (E value : values) {
            words.put(value.name(), code.apply(value));
        }
        return words;
    }

    /** Every template of the classification bundle in the language, as the renderer reads them (no fallback). */
    static Map<String, String> templates(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(ExplanationRenderer.BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> templates = new TreeMap<>();
        for (String key : bundle.keySet()) {
            templates.put(key, bundle.getString(key));
        }
        return templates;
    }

    /**
     * A strong ETag of the whole document: the code, the stored version and a digest of the parameters, code
     * lists and templates (the same version after an upgrade that changed a wording gets a new tag).
     */
    static String etag(FieldStandardDocument d) {
        String content = d.code + '\n' + d.version + '\n' + d.ruleShape + '\n' + d.parameters + '\n' + d.codeLists + '\n'
                + d.messages + '\n' + d.numberFormats + '\n' + d.codes + '\n' + d.yesNo + '\n' + d.indicators;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return d.code + "-v" + d.version + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
