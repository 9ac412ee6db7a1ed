package vn.giamngheo.demo;

import java.time.LocalDate;
import vn.giamngheo.generation.SyntheticHouseholds;
import vn.giamngheo.household.ExchangeMapping;
import vn.giamngheo.household.HouseholdForm;

/**
 * The demonstration households: {@link SyntheticHouseholds} (the same seeded source the {@code generate}
 * command uses at national scale) as registry forms. {@code minorityShare} is the share of ethnic-minority
 * households.
 */
public final class HouseholdGenerator {

    private final SyntheticHouseholds source;
    private final double minorityShare;

    public HouseholdGenerator(long seed, double minorityShare, LocalDate today, long identityPrefix) {
        this.source = new SyntheticHouseholds(seed, today, identityPrefix * 1_000_000L);
        this.minorityShare = minorityShare;
    }

    public HouseholdForm next(String communeCode, String householdCode, boolean urban) {
<<<<<<< HEAD
        HouseholdForm f = new HouseholdForm();
        f.setHouseholdCode(householdCode);
        f.setCommuneCode(communeCode);
        boolean minority = random.nextDouble() < (urban ? minorityShare / 3 : minorityShare);
        double hardship = random.nextDouble() * (minority ? 1.0 : 0.75) + (urban ? -0.15 : 0);
        f.setIncomePerCapita(income(hardship, urban));
        f.setHousingQuality(pick(hardship, "durable", "semi_durable", "less_durable", "makeshift"));
        f.setWaterSource(hardship > 0.75 && random.nextBoolean() ? pickAny("unprotected_dug_well", "surface_water", "unprotected_spring")
                : pickAny("piped", "drilled_well", "protected_dug_well", "rain_water"));
        f.setToilet(hardship > 0.7 && random.nextBoolean() ? pickAny("pit_without_slab", "none", "hanging")
                : pickAny("septic", "semi_septic", "pour_flush", "double_vault"));
        f.setInternetUse(random.nextDouble() > hardship * 0.9);
        f.setTelephoneUse(random.nextDouble() > hardship * 0.5);
        if (random.nextDouble() > hardship * 0.8) {
            f.getInfoDevices().add("tv");
        }
        if (random.nextDouble() > 0.3 + hardship * 0.4) {
            f.getInfoDevices().add("smartphone");
        }
        f.setLoudspeakerReach(random.nextDouble() > 0.3);
        f.setWasteTreatment(random.nextDouble() > hardship * 0.7);
        f.setAddress((urban ? "Tổ " : "Thôn ") + (1 + random.nextInt(12)));
        List<MemberForm> members = family(minority, hardship);
        f.setMembers(new ArrayList<>(members));
        double perPerson = 6 + random.nextGaussian() * 3 + (1 - hardship) * 14;
        f.setFloorAreaM2(BigDecimal.valueOf(Math.max(4, Math.round(perPerson * members.size() * 10) / 10.0)));
        if (hardship > 0.6) {
            f.getCauses().add(pickAny("lack_capital", "lack_land", "lack_skills", "illness", "many_dependants", "no_job"));
        }
        return f;
    }

    private long income(double hardship, boolean urban) {
        double median = urban ? 4_200_000 : 2_900_000;
        double value = median * Math.exp(random.nextGaussian() * 0.45 - hardship * 1.1);
        return Math.max(300_000, Math.round(value / 10_000) * 10_000);
    }

    private List<MemberForm> family(boolean minority, double hardship) {
        String family = FAMILY[random.nextInt(minority ? FAMILY.length : 13)];
        String ethnicity = minority ? MINORITIES[random.nextInt(MINORITIES.length)] : "Kinh";
        List<MemberForm> members = new ArrayList<>();
        boolean headMale = random.nextDouble() < 0.78;
        int headAge = 24 + random.nextInt(50);
        members.add(member(1, family, headMale, headAge, "head", ethnicity, hardship));
        int no = 2;
        if (random.nextDouble() < 0.8) {
            members.add(member(no++, FAMILY[random.nextInt(FAMILY.length)], !headMale, Math.max(18, headAge - 3 + random.nextInt(7)),
                    "spouse", ethnicity, hardship));
        }
        int children = random.nextInt(hardship > 0.6 ? 5 : 3);
        for (int i = 0; i < children && headAge > 22; i++) {
            int age = Math.max(0, Math.min(headAge - 18, random.nextInt(Math.max(1, headAge - 18))));
            members.add(member(no++, family, random.nextBoolean(), age, "child", ethnicity, hardship));
        }
        if (random.nextDouble() < 0.2) {
            members.add(member(no, family, random.nextBoolean(), Math.min(99, headAge + 22 + random.nextInt(10)), "parent", ethnicity, hardship));
        }
        return members;
    }

    private MemberForm member(int no, String family, boolean male, int age, String relation, String ethnicity, double hardship) {
        MemberForm m = new MemberForm();
        m.setMemberNo(no);
        m.setFullName(family + " " + (male ? MALE : FEMALE)[random.nextInt(male ? MALE.length : FEMALE.length)]);
        m.setSex(male ? "male" : "female");
        m.setRelation(relation);
        m.setEthnicity(ethnicity);
        LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
        m.setBirthDate(random.nextDouble() < 0.05 ? String.valueOf(birth.getYear()) : birth.toString());
        if (age >= 14 && random.nextDouble() < 0.9) {
            m.setIdNumber(String.format("%012d", ++identitySerial));
        }
        boolean child = age < 16;
        boolean elderly = age >= 62;
        m.setWorkingCapacity(!child && !elderly && random.nextDouble() > 0.05 + hardship * 0.05);
        m.setDisability(random.nextDouble() < 0.03 ? pickAny("mild", "severe") : "none");
        m.setHealthInsurance(random.nextDouble() > 0.08 + hardship * 0.1);
        m.setInSchool(age >= 3 && age < 18 && random.nextDouble() > hardship * 0.15);
        m.setSchoolLevelAppropriate(age >= 3 && age < 16 ? m.isInSchool() && random.nextDouble() > hardship * 0.1 : null);
        m.setMalnourished(child ? random.nextDouble() < hardship * 0.15 : null);
        if (age == 16 || age == 17) {
            // children a review with an earlier reference date (the demonstration's review of 2025) still counts as
            // children: their facts are known too (derived, no further draws, so the generated data stays the same)
            m.setSchoolLevelAppropriate(m.isInSchool());
            m.setMalnourished(false);
        }
        m.setEducation(education(age, hardship));
        m.setEmployment(child ? (m.isInSchool() ? "student" : "not_working")
                : elderly ? "not_working"
                : m.isInSchool() ? "student"
                : pickAny(hardship > 0.6 ? new String[] {"self_employed", "wage_no_contract", "unemployed", "self_employed"}
                        : new String[] {"self_employed", "wage_with_contract", "wage_with_contract", "wage_no_contract"}));
        m.setMeritPerson(random.nextDouble() < 0.01);
        return m;
    }

    private String education(int age, double hardship) {
        if (age < 6) {
            return "none";
        }
        if (age < 11) {
            return "primary";
        }
        double r = random.nextDouble() + hardship * 0.4;
        if (age < 16) {
            return r > 1.0 ? "primary" : "lower_secondary";
        }
        return r > 1.1 ? "primary" : r > 0.8 ? "lower_secondary" : r > 0.4 ? "upper_secondary"
                : pickAny("vocational_elementary", "vocational_intermediate", "college", "university");
    }

    private String pick(double hardship, String... ordered) {
        int index = (int) Math.min(ordered.length - 1, Math.max(0, Math.floor((hardship + random.nextGaussian() * 0.15) * ordered.length)));
        return ordered[index];
    }

    private String pickAny(String... values) {
        return values[random.nextInt(values.length)];
=======
        return ExchangeMapping.toForm(source.next(communeCode, householdCode, urban, minorityShare, 0), null);
>>>>>>> scale
    }
}
