package vn.giamngheo.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The registry's rules for one household and its members. Reports every problem, not just the first.
 * Rules that need the database (identity numbers held elsewhere, communes on a date) are asked through
 * {@link Lookups}.
 */
final class HouseholdValidator {

    interface Lookups {
        boolean identityNumberTakenElsewhere(String idNumber, Long householdId);
    }

    private final LocalDate today;
    private final Lookups lookups;
    private final List<FieldProblem> problems = new ArrayList<>();

    HouseholdValidator(LocalDate today, Lookups lookups) {
        this.today = today;
        this.lookups = lookups;
    }

    /** Checks the form; {@code householdId} is null for a new household. Returns all problems found. */
    List<FieldProblem> validate(HouseholdForm f, Long householdId) {
        problems.clear();
        required("householdCode", f.getHouseholdCode(), 40);
        if (f.getCommuneCode() == null || !f.getCommuneCode().strip().matches("\\d{5}")) {
            add("communeCode", "validation.commune-code", f.getCommuneCode());
        }
        if (f.getArea() != null && !f.getArea().isBlank() && !HouseholdCodes.AREAS.contains(f.getArea())) {
            add("area", "validation.code-list", f.getArea(), String.join(", ", HouseholdCodes.AREAS));
        }
        if (f.getAddress() != null && f.getAddress().length() > 500) {
            add("address", "validation.too-long", "…", 500);
        }
        if (f.getIncomePerCapita() == null && f.getB1Score() == null) {
            add("incomePerCapita", "validation.income-or-b1", null);
        }
        if (f.getIncomePerCapita() != null && f.getIncomePerCapita() < 0) {
            add("incomePerCapita", "validation.not-negative", String.valueOf(f.getIncomePerCapita()));
        }
        if (f.getB1Score() != null && f.getB1Score().signum() < 0) {
            add("b1Score", "validation.not-negative", f.getB1Score().toPlainString());
        }
        inList("housingQuality", f.getHousingQuality(), HouseholdCodes.HOUSING_QUALITY);
        inList("waterSource", f.getWaterSource(), HouseholdCodes.WATER_SOURCES);
        inList("toilet", f.getToilet(), HouseholdCodes.TOILETS);
        BigDecimal floor = f.getFloorAreaM2();
        if (floor == null) {
            add("floorAreaM2", "validation.required", null);
        } else if (floor.signum() < 0 || floor.compareTo(BigDecimal.valueOf(100_000)) > 0) {
            add("floorAreaM2", "validation.range", floor.toPlainString(), 0, 100_000);
        }
        answered("internetUse", f.getInternetUse());
        f.getInfoDevices().forEach(d -> inList("infoDevices", d, HouseholdCodes.INFO_DEVICES));
        f.getCauses().forEach(c -> inList("causes", c, HouseholdCodes.CAUSES));
        validateMembers(f.keptMembers(), householdId);
        return List.copyOf(problems);
    }

    private void validateMembers(List<MemberForm> members, Long householdId) {
        if (members.isEmpty()) {
            add("members", "validation.no-members", null);
            return;
        }
        long heads = members.stream().filter(m -> "head".equals(m.getRelation())).count();
        if (heads != 1) {
            add("members", "validation.one-head", String.valueOf(heads));
        }
        Set<Integer> numbers = new HashSet<>();
        Set<String> idNumbers = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            MemberForm m = members.get(i);
            String p = "members[" + i + "].";
            if (m.getMemberNo() == null || m.getMemberNo() < 1 || m.getMemberNo() > 99) {
                add(p + "memberNo", "validation.range", String.valueOf(m.getMemberNo()), 1, 99);
            } else if (!numbers.add(m.getMemberNo())) {
                add(p + "memberNo", "validation.duplicate-member-no", String.valueOf(m.getMemberNo()));
            }
            required(p + "fullName", m.getFullName(), 200);
            validateIdNumber(p, m.getIdNumber(), idNumbers, householdId);
            validateBirthDate(p, m.getBirthDate());
            inList(p + "sex", m.getSex(), HouseholdCodes.SEXES);
            inList(p + "relation", m.getRelation(), HouseholdCodes.RELATIONS);
            inList(p + "employment", m.getEmployment(), HouseholdCodes.EMPLOYMENT);
            inList(p + "education", m.getEducation(), HouseholdCodes.EDUCATION);
            if (m.getDisability() != null && !m.getDisability().isBlank()) {
                inList(p + "disability", m.getDisability(), HouseholdCodes.DISABILITY);
            }
            required(p + "ethnicity", m.getEthnicity(), 60);
            answered(p + "workingCapacity", m.getWorkingCapacity());
            answered(p + "healthInsurance", m.getHealthInsurance());
            answered(p + "inSchool", m.getInSchool());
        }
    }

    private void validateIdNumber(String p, String idNumber, Set<String> seen, Long householdId) {
        if (idNumber == null || idNumber.isBlank()) {
            return;
        }
        String n = idNumber.strip();
        if (!n.matches("\\d{12}")) {
            add(p + "idNumber", "validation.id-number", idNumber);
        } else if (!seen.add(n)) {
            add(p + "idNumber", "validation.id-number-duplicate", idNumber);
        } else if (lookups.identityNumberTakenElsewhere(n, householdId)) {
            add(p + "idNumber", "validation.id-number-taken", idNumber);
        }
    }

    private void validateBirthDate(String p, String birthDate) {
        if (birthDate == null || birthDate.isBlank()) {
            add(p + "birthDate", "validation.required", null);
        } else if (!BirthDateText.valid(birthDate)) {
            add(p + "birthDate", "validation.birth-date", birthDate);
        } else {
            BirthDateText parsed = BirthDateText.parse(birthDate);
            boolean future = parsed.yearOnly() ? parsed.date().getYear() > today.getYear() : parsed.date().isAfter(today);
            if (future) {
                add(p + "birthDate", "validation.birth-date-future", birthDate);
            } else if (parsed.date().getYear() < today.getYear() - 130) {
                add(p + "birthDate", "validation.birth-date-too-old", birthDate);
            }
        }
    }

    private void required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, "validation.required", value);
        } else if (value.length() > maxLength) {
            add(field, "validation.too-long", value.substring(0, Math.min(value.length(), 40)) + "…", maxLength);
        }
    }

    /** A yes/no fact the exchange format requires: yes or no, never left unanswered. */
    private void answered(String field, Boolean value) {
        if (value == null) {
            add(field, "validation.required", null);
        }
    }

    private void inList(String field, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            add(field, "validation.required", value);
        } else if (!allowed.contains(value)) {
            add(field, "validation.code-list", value, String.join(", ", allowed));
        }
    }

    private void add(String field, String key, String value, Object... args) {
        List<Object> all = new ArrayList<>();
        all.add(value == null ? "" : value);
        all.addAll(List.of(args));
        problems.add(new FieldProblem(field, key, all, value));
    }
}
