package vn.giamngheo.field.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giamngheo.exchange.Columns;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdFileReader;
import vn.giamngheo.exchange.HouseholdFileWriter;
import vn.giamngheo.exchange.ReadResult;
import vn.giamngheo.exchange.Table;
import vn.giamngheo.household.ExchangeMapping;
import vn.giamngheo.household.Household;
import vn.giamngheo.household.Member;

/**
 * The field app's household JSON: {@code {"household": {…}, "members": [{…}]}} whose keys are the column names of
 * exchange-format §1 and whose values are the texts a CSV of that format holds. Written by the exchange writer and
 * read back by the exchange reader (the same checks as a file), never mapped by hand.
 */
final class HouseholdJson {

    static final String HOUSEHOLDS_TABLE = "household";
    static final String MEMBERS_TABLE = "members";

    private static final HouseholdFileWriter WRITER = new HouseholdFileWriter();

    private HouseholdJson() {
    }

    /** The household as the user may see it (identity numbers masked unless their role sees them). */
    static Map<String, Object> of(Household h, boolean seesIdentityNumbers) {
        HouseholdData data = ExchangeMapping.toData(h.visibleTo(seesIdentityNumbers));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("household", WRITER.householdCells(data));
        json.put("members", WRITER.memberCells(data));
        return json;
    }

    /**
     * The household the device sent, laid over the stored one: a column the device left out keeps its stored text,
     * a member it left out (when it sent no {@code members}) stays; a member it sent keeps the stored texts of the
     * columns it left out; a masked identity number that matches the stored member's is that number.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> overlay(Map<String, Object> sent, Household stored) {
        Map<String, Object> base = of(stored, true);
        Map<String, String> household = new LinkedHashMap<>((Map<String, String>) base.get("household"));
        Object sentHousehold = sent == null ? null : sent.get("household");
        if (sentHousehold instanceof Map<?, ?> m) {
            m.forEach((k, v) -> household.put(String.valueOf(k), text(v)));
        }
        List<Map<String, String>> storedMembers = (List<Map<String, String>>) base.get("members");
        List<Map<String, String>> members = new ArrayList<>();
        Object sentMembers = sent == null ? null : sent.get("members");
        if (sentMembers instanceof List<?> list) {
            for (Object item : list) {
                Map<String, String> member = new LinkedHashMap<>();
                if (item instanceof Map<?, ?> m) {
                    String no = text(m.get("member_no"));
                    storedMembers.stream().filter(s -> s.get("member_no").equals(no)).findFirst().ifPresent(member::putAll);
                    m.forEach((k, v) -> member.put(String.valueOf(k), text(v)));
                    String id = member.get("id_number");
                    if (id != null && id.startsWith("********")) {
                        stored.members().stream()
                                .filter(s -> String.valueOf(s.memberNo()).equals(no) && id.equals(s.maskedIdNumber()))
                                .map(Member::idNumber).findFirst().ifPresent(n -> member.put("id_number", n));
                    }
                }
                members.add(member);
            }
        } else {
            members.addAll(storedMembers);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("household", household);
        json.put("members", members);
        return json;
    }

    /**
     * Reads household JSON with the exchange reader: the household as a one-row {@code household} table, the members
     * as the {@code members} table (their household and commune codes those of the household).
     */
    @SuppressWarnings("unchecked")
    static ReadResult read(Map<String, Object> json, LocalDate today) {
        Map<String, String> household = json.get("household") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
        List<Map<String, String>> members = json.get("members") instanceof List<?> l ? (List<Map<String, String>>) l : List.of();
        List<String> householdHeader = header(Columns.HOUSEHOLDS, List.of(household));
        List<String> memberHeader = header(Columns.MEMBERS, members);
        Table households = new Table(HOUSEHOLDS_TABLE, householdHeader, List.of(row(2, householdHeader, household, household)));
        List<Table.Row> memberRows = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            memberRows.add(row(i + 2, memberHeader, members.get(i), household));
        }
        return new HouseholdFileReader(today).read(households, new Table(MEMBERS_TABLE, memberHeader, memberRows));
    }

    /** The columns of the format, then any other key sent (the reader warns about it and ignores it). */
    private static List<String> header(List<String> columns, List<Map<String, String>> rows) {
        List<String> header = new ArrayList<>(columns);
        for (Map<String, String> row : rows) {
            row.keySet().stream().filter(k -> !header.contains(k)).forEach(header::add);
        }
        return header;
    }

    private static Table.Row row(int line, List<String> header, Map<String, String> values, Map<String, String> household) {
        List<String> cells = new ArrayList<>(header.size());
        for (String column : header) {
            String value = values.get(column);
            if (values != household && ("household_code".equals(column) || "commune_code".equals(column))) {
                value = household.get(column);
            }
            cells.add(value == null ? "" : value);
        }
        return new Table.Row(line, cells);
    }

    /** A JSON value as the text a CSV cell holds (a device may send numbers and booleans as such). */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(value);
    }

    /**
     * The household JSON flattened to {@code household.<column>} and {@code members.<member_no>.<column>} → text,
     * for comparing two sides field by field.
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> flatten(Map<String, Object> json) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (json.get("household") instanceof Map<?, ?> h) {
            for (String column : Columns.HOUSEHOLDS) {
                flat.put("household." + column, text(h.get(column)));
            }
        }
        if (json.get("members") instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> m = (Map<String, Object>) item;
                String no = text(m.get("member_no"));
                for (String column : Columns.MEMBERS) {
                    if (!"household_code".equals(column) && !"commune_code".equals(column)) {
                        flat.put("members." + no + "." + column, text(m.get(column)));
                    }
                }
            }
        }
        return flat;
    }

    /** The household JSON of a flattened one (members with no text at all are left out). */
    static Map<String, Object> unflatten(Map<String, String> flat) {
        Map<String, String> household = new LinkedHashMap<>();
        Map<String, Map<String, String>> members = new java.util.TreeMap<>(java.util.Comparator.comparingInt(HouseholdJson::number).thenComparing(java.util.Comparator.<String>naturalOrder()));
        flat.forEach((key, value) -> {
            if (key.startsWith("household.")) {
                household.put(key.substring("household.".length()), value);
            } else if (key.startsWith("members.")) {
                String rest = key.substring("members.".length());
                int dot = rest.indexOf('.');
                members.computeIfAbsent(rest.substring(0, dot), k -> new LinkedHashMap<>()).put(rest.substring(dot + 1), value);
            }
        });
        List<Map<String, String>> kept = members.entrySet().stream()
                .filter(e -> e.getValue().entrySet().stream().anyMatch(c -> !"member_no".equals(c.getKey()) && !c.getValue().isEmpty()))
                .map(e -> {
                    Map<String, String> m = new LinkedHashMap<>(e.getValue());
                    m.put("member_no", e.getKey());
                    return m;
                }).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("household", household);
        json.put("members", kept);
        return json;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
