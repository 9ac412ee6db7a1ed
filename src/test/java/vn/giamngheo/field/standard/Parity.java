package vn.giamngheo.field.standard;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.JsonNode;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.Columns;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileReader;
import vn.giamngheo.exchange.ReadResult;
import vn.giamngheo.standard.rules.Classification;
import vn.giamngheo.standard.rules.ExplanationRenderer;
import vn.giamngheo.standard.rules.IndicatorResult;
import vn.giamngheo.standard.rules.MissingFactException;
import vn.giamngheo.standard.rules.MissingParameterException;
import vn.giamngheo.standard.rules.PovertyClassifier;
import vn.giamngheo.standard.rules.PovertyStandard;

/**
 * Classifies the same households with the Java classifier (read through the exchange reader, as the server reads a
 * captured household) and with {@code classifier.js}, and lists every difference: status, kind, each indicator's
 * result and evidence, and every explanation line in Vietnamese and English; or, where a fact is missing, the fact
 * and the member.
 */
final class Parity {

    private static final ExplanationRenderer VI = new ExplanationRenderer(ExplanationRenderer.VIETNAMESE);
    private static final ExplanationRenderer EN = new ExplanationRenderer(Locale.ENGLISH);

    private static final Map<String, String> PLACEHOLDER = Map.ofEntries(Map.entry("member_no", "1"),
            Map.entry("full_name", "x"), Map.entry("birth_date", "1980"), Map.entry("sex", "male"),
            Map.entry("ethnicity", "Kinh"), Map.entry("relation", "head"), Map.entry("employment", "self_employed"),
            Map.entry("working_capacity", "yes"), Map.entry("health_insurance", "yes"), Map.entry("education", "none"),
            Map.entry("in_school", "no"));

    /** A standard with its document and its cases. */
    record Suite(PovertyStandard standard, FieldStandardDocument document, List<ParityCases.Case> cases) {
    }

    /** What was compared. */
    record Outcome(int cases, int errors, Map<String, Integer> statuses, List<String> differences) {
    }

    private Parity() {
    }

    static Outcome check(List<Suite> suites) throws Exception {
        Map<String, FieldStandardDocument> documents = new LinkedHashMap<>();
        List<Map<String, Object>> input = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        int errors = 0;
        for (Suite suite : suites) {
            documents.put(suite.document().code(), suite.document());
            Map<String, HouseholdData> read = read(suite.cases());
            for (ParityCases.Case c : suite.cases()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", suite.document().code() + " " + c.id());
                json.put("standard", suite.document().code());
                json.put("reference", c.reference().toString());
                json.put("communeArea", c.communeArea());
                json.put("household", c.household());
                json.put("members", c.members());
                input.add(json);
                String java = java(read.get(c.household().get("household_code")), suite.standard(), c.reference(),
                        c.communeArea());
                if (java.startsWith("error")) {
                    errors++;
                }
                statuses.merge(java.lines().findFirst().orElse(""), 1, Integer::sum);
                expected.add(java);
            }
        }
        JsonNode results = JsClassifier.run(documents, input);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            String js = js(results.get(i));
            if (!js.equals(expected.get(i))) {
                differences.add(input.get(i).get("id") + "\n--- Java:\n" + expected.get(i) + "\n--- classifier.js:\n" + js);
            }
        }
        return new Outcome(input.size(), errors, statuses, differences);
    }

    /** The cases read by the exchange reader, by household code; a case the reader refuses is a broken generator. */
    private static Map<String, HouseholdData> read(List<ParityCases.Case> cases) {
        ByteArrayOutputStream households = new ByteArrayOutputStream();
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        try (CSVPrinter h = new CSVPrinter(new java.io.OutputStreamWriter(households, StandardCharsets.UTF_8), CSVFormat.RFC4180);
                CSVPrinter m = new CSVPrinter(new java.io.OutputStreamWriter(members, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            h.printRecord(Columns.HOUSEHOLDS);
            m.printRecord(Columns.MEMBERS);
            for (ParityCases.Case c : cases) {
                h.printRecord(Columns.HOUSEHOLDS.stream().map(col -> c.household().getOrDefault(col, "")).toList());
                for (Map<String, String> member : c.members()) {
                    m.printRecord(Columns.MEMBERS.stream().map(col -> member.getOrDefault(col, "")).toList());
                }
                if (c.members().isEmpty()) {
                    // the reader wants a member; the classifier also meets households left empty (a split): one
                    // placeholder is read and dropped again below
                    m.printRecord(Columns.MEMBERS.stream().map(col -> PLACEHOLDER.getOrDefault(col, c.household()
                            .getOrDefault(col, ""))).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReadResult result = new HouseholdFileReader(LocalDate.of(2100, 1, 1)).read("households.csv",
                new ByteArrayInputStream(households.toByteArray()), "members.csv",
                new ByteArrayInputStream(members.toByteArray()));
        if (!result.errors().isEmpty()) {
            throw new IllegalStateException("the exchange reader refuses generated cases: " + result.errors().subList(0,
                    Math.min(5, result.errors().size())));
        }
        Map<String, HouseholdData> byCode = new LinkedHashMap<>();
        Map<String, ParityCases.Case> empty = new LinkedHashMap<>();
        cases.stream().filter(c -> c.members().isEmpty()).forEach(c -> empty.put(c.household().get("household_code"), c));
        result.households().forEach(d -> byCode.put(d.code(), empty.containsKey(d.code())
                ? new HouseholdData(d.household(), List.of()) : d));
        return byCode;
    }

    private static String java(HouseholdData data, PovertyStandard standard, LocalDate reference, String communeArea) {
        try {
            Classification c = new PovertyClassifier().classify(data, standard, reference,
                    communeArea == null ? null : Area.valueOf(communeArea.toUpperCase(Locale.ROOT)));
            StringBuilder s = new StringBuilder(c.status().code()).append('\n')
                    .append("kind ").append(c.poorKind() == null ? null : c.poorKind().code())
                    .append(" basis ").append(c.incomeBasis().code()).append(" below ").append(c.belowLine())
                    .append(" count ").append(c.deprivationCount()).append(" social protection ")
                    .append(c.socialProtection()).append('\n');
            for (IndicatorResult r : c.indicators()) {
                s.append(r.indicator()).append(' ').append(r.deprived()).append(": ").append(VI.render(r.evidence()))
                        .append(" | ").append(EN.render(r.evidence())).append('\n');
            }
            VI.render(c.explanation()).forEach(line -> s.append("vi ").append(line).append('\n'));
            EN.render(c.explanation()).forEach(line -> s.append("en ").append(line).append('\n'));
            return s.toString();
        } catch (MissingParameterException e) {
            // a data error of the standard, not of the household: the device names the parameter too
            return "error parameter " + e.getMessage().substring(e.getMessage().lastIndexOf(' ') + 1);
        } catch (MissingFactException e) {
            return "error " + e.field() + " member " + e.memberNo() + " (" + VI.fieldName(e.field()) + " | "
                    + EN.fieldName(e.field()) + ")";
        }
    }

    private static String js(JsonNode result) {
        JsonNode vi = result.get("vi");
        JsonNode en = result.get("en");
        if (vi.has("error") && "parameter".equals(vi.get("error").get("reason").asString())) {
            return "error parameter " + vi.get("error").get("field").asString();
        }
        if (vi.has("error")) {
            JsonNode e = vi.get("error");
            return "error " + e.get("field").asString() + " member " + (e.get("memberNo").isNull() ? "null"
                    : e.get("memberNo").asString()) + " (" + e.get("name").asString() + " | "
                    + en.get("error").get("name").asString() + ")";
        }
        StringBuilder s = new StringBuilder(vi.get("status").asString()).append('\n')
                .append("kind ").append(vi.get("kind").isNull() ? null : vi.get("kind").asString())
                .append(" basis ").append(vi.get("incomeBasis").asString()).append(" below ")
                .append(vi.get("belowLine").asBoolean()).append(" count ").append(vi.get("deprivationCount").asInt())
                .append(" social protection ").append(vi.get("socialProtection").asBoolean()).append('\n');
        for (int i = 0; i < vi.get("indicators").size(); i++) {
            JsonNode r = vi.get("indicators").get(i);
            s.append(r.get("code").asString()).append(' ').append(r.get("deprived").asBoolean()).append(": ")
                    .append(r.get("evidence").asString()).append(" | ")
                    .append(en.get("indicators").get(i).get("evidence").asString()).append('\n');
        }
        vi.get("lines").forEach(line -> s.append("vi ").append(line.asString()).append('\n'));
        en.get("lines").forEach(line -> s.append("en ").append(line.asString()).append('\n'));
        return s.toString();
    }
}
