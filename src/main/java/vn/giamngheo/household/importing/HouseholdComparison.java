package vn.giamngheo.household.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import vn.giamngheo.exchange.BirthDate;
import vn.giamngheo.exchange.Coded;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdRecord;
import vn.giamngheo.exchange.MemberRecord;
import vn.giamngheo.household.importing.ImportPlan.FieldChange;
import vn.giamngheo.household.importing.ImportPlan.Shown;

/**
 * The differences between a household of an update file and the registered household, field by field in the
 * columns of the exchange format, each value as people read it (codes as their labels' message keys, yes/no,
 * numbers, dates): household fields first, then members by member number (a new member is one change). Members
 * registered but absent from the file are not changes: {@link #absentMembers} lists them (they stay).
 */
final class HouseholdComparison {

    private HouseholdComparison() {
    }

    /** One compared column: its name, the message-key prefix of its codes (null: not coded), its value. */
    private record Column<T>(String name, Function<T, Object> value, String codes) {
    }

    private static final List<Column<HouseholdRecord>> HOUSEHOLD = List.of(
            new Column<>("village", r -> VillageNames.key(r.village()).isEmpty() ? null : r.village().strip(), null),
            new Column<>("area", HouseholdRecord::area, "area"),
            new Column<>("address", r -> blankToNull(r.address()), null),
            new Column<>("reference_date", HouseholdRecord::referenceDate, null),
            new Column<>("income_per_capita", HouseholdRecord::incomePerCapita, null),
            new Column<>("b1_score", HouseholdRecord::b1Score, null),
            new Column<>("housing_quality", HouseholdRecord::housingQuality, "housing"),
            new Column<>("floor_area_m2", HouseholdRecord::floorAreaM2, null),
            new Column<>("water_source", HouseholdRecord::waterSource, "water"),
            new Column<>("toilet", HouseholdRecord::toilet, "toilet"),
            new Column<>("internet_use", HouseholdRecord::internetUse, null),
            new Column<>("telephone_use", HouseholdRecord::telephoneUse, null),
            new Column<>("info_devices", HouseholdRecord::infoDevices, "device"),
            new Column<>("loudspeaker_reach", HouseholdRecord::loudspeakerReach, null),
            new Column<>("waste_treatment", HouseholdRecord::wasteTreatment, null),
            new Column<>("causes", HouseholdRecord::causes, "cause"),
            new Column<>("ethnic_minority", HouseholdRecord::ethnicMinority, null),
            new Column<>("merit_household", HouseholdRecord::meritHousehold, null),
            new Column<>("social_protection", HouseholdRecord::socialProtection, null));

    private static final List<Column<MemberRecord>> MEMBER = List.of(
            new Column<>("full_name", m -> m.fullName().strip(), null),
            new Column<>("id_number", m -> blankToNull(m.idNumber()), null),
            new Column<>("birth_date", MemberRecord::birthDate, null),
            new Column<>("sex", MemberRecord::sex, "sex"),
            new Column<>("ethnicity", m -> blankToNull(m.ethnicity()), null),
            new Column<>("relation", MemberRecord::relation, "relation"),
            new Column<>("employment", MemberRecord::employment, "employment"),
            new Column<>("working_capacity", MemberRecord::workingCapacity, null),
            new Column<>("disability", MemberRecord::disability, "disability"),
            new Column<>("monthly_social_allowance", MemberRecord::monthlySocialAllowance, null),
            new Column<>("health_insurance", MemberRecord::healthInsurance, null),
            new Column<>("malnourished", MemberRecord::malnourished, null),
            new Column<>("education", MemberRecord::education, "education"),
            new Column<>("in_school", MemberRecord::inSchool, null),
            new Column<>("school_level_appropriate", MemberRecord::schoolLevelAppropriate, null),
            new Column<>("sick_untreated", MemberRecord::sickUntreated, null),
            new Column<>("merit_person", MemberRecord::meritPerson, null));

    /** The changes from {@code stored} to {@code file}, in column order, members by number. */
    static List<FieldChange> changes(HouseholdData file, HouseholdData stored) {
        List<FieldChange> changes = new ArrayList<>();
        compare(null, HOUSEHOLD, file.household(), stored.household(), changes);
        Map<Integer, MemberRecord> before = byNumber(stored.members());
        for (MemberRecord m : file.members()) {
            MemberRecord was = before.get(m.memberNo());
            if (was == null) {
                changes.add(new FieldChange(m.memberNo(), "member", Shown.NONE, Shown.text(m.fullName().strip())));
            } else {
                compare(m.memberNo(), MEMBER, m, was, changes);
            }
        }
        return changes;
    }

    /** The registered members the file leaves out (never deleted by an import). */
    static List<MemberRecord> absentMembers(HouseholdData file, HouseholdData stored) {
        Map<Integer, MemberRecord> inFile = byNumber(file.members());
        return stored.members().stream().filter(m -> !inFile.containsKey(m.memberNo())).toList();
    }

    private static <T> void compare(Integer memberNo, List<Column<T>> columns, T file, T stored, List<FieldChange> changes) {
        for (Column<T> c : columns) {
            Object after = c.value().apply(file);
            Object before = c.value().apply(stored);
            if (!same(c.name(), after, before)) {
                changes.add(new FieldChange(memberNo, c.name(), shown(c, before), shown(c, after)));
            }
        }
    }

    private static boolean same(String column, Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if ("village".equals(column) && a instanceof String x && b instanceof String y) {
            return VillageNames.key(x).equals(VillageNames.key(y));
        }
        if (a instanceof Collection<?> x && b instanceof Collection<?> y) {
            return x.size() == y.size() && x.containsAll(y);
        }
        return Objects.equals(a, b);
    }

    private static <T> Shown shown(Column<T> column, Object value) {
        if (value == null) {
            return Shown.NONE;
        }
        if (value instanceof Boolean b) {
            return Shown.keys(List.of(b ? "yes" : "no"));
        }
        if (value instanceof Coded code) {
            return Shown.keys(List.of(column.codes() + "." + code.code()));
        }
        if (value instanceof Collection<?> codes) {
            return Shown.keys(codes.stream().map(c -> column.codes() + "." + ((Coded) c).code()).sorted().toList());
        }
        if (value instanceof Number n) {
            return Shown.number(n);
        }
        if (value instanceof java.time.LocalDate d) {
            return Shown.date(d);
        }
        if (value instanceof BirthDate birth) {
            return birth.isYearOnly() ? Shown.text(String.valueOf(birth.year())) : Shown.date(birth.assumedDate());
        }
        if ("id_number".equals(column.name())) {
            String s = value.toString();
            return Shown.text(s.length() <= 4 ? s : "********" + s.substring(s.length() - 4));
        }
        return Shown.text(value.toString());
    }

    private static Map<Integer, MemberRecord> byNumber(List<MemberRecord> members) {
        Map<Integer, MemberRecord> map = new LinkedHashMap<>();
        members.forEach(m -> map.put(m.memberNo(), m));
        return map;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
