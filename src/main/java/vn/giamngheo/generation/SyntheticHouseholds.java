package vn.giamngheo.generation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import vn.giamngheo.exchange.BirthDate;
import vn.giamngheo.exchange.Disability;
import vn.giamngheo.exchange.Education;
import vn.giamngheo.exchange.Employment;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdRecord;
import vn.giamngheo.exchange.HousingQuality;
import vn.giamngheo.exchange.InfoDevice;
import vn.giamngheo.exchange.MemberRecord;
import vn.giamngheo.exchange.PovertyCause;
import vn.giamngheo.exchange.Relation;
import vn.giamngheo.exchange.Sex;
import vn.giamngheo.exchange.Toilet;
import vn.giamngheo.exchange.WaterSource;

/**
 * A seeded, reproducible source of realistic households in the exchange format: Vietnamese names, family
 * structures, ages, incomes around the poverty lines and living conditions varied enough that classification
 * finds poor, near-poor and non-poor households. Each household draws a hardship in [0, 1) (higher for
 * ethnic-minority households, lower in urban areas) plus a {@code hardshipShift} that lets a caller calibrate
 * the share of poor households of a region. Identity numbers are 12 digits from {@code identityStart} on,
 * one more per adult, so two generators with disjoint ranges never collide.
 */
public final class SyntheticHouseholds {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Ma", "Nông", "Lục", "Hà", "Triệu", "Sùng", "Giàng", "Lò", "Vàng", "Hứa", "Quan"};
    private static final String[] MALE = {"Văn An", "Văn Bình", "Đức Cường", "Văn Dũng", "Minh Đức", "Văn Hải", "Quang Huy",
            "Văn Khánh", "Văn Long", "Văn Nam", "Văn Phúc", "Minh Quân", "Văn Sơn", "Văn Thắng", "Văn Tuấn", "Xuân Việt",
            "A Páo", "Seo Lử", "Văn Chiến", "Đình Hùng"};
    private static final String[] FEMALE = {"Thị Anh", "Thị Bích", "Thị Chi", "Thị Dung", "Thị Hà", "Thị Hằng", "Thị Hoa",
            "Thị Hương", "Thị Lan", "Thị Liên", "Thị Mai", "Thị Nga", "Thị Ngọc", "Thị Phương", "Thị Quỳnh", "Thị Thảo",
            "Thị Thu", "Thị Trang", "Thị Vân", "Thị Yến", "Thị Mỷ", "Thị Dở"};
    private static final String[] MINORITIES = {"Tày", "Dao", "H'Mông", "Nùng", "Sán Chay", "Giáy", "Thái", "Mường"};

    private final Random random;
    private final LocalDate today;
    private long identitySerial;

    /**
     * @param identityStart the first identity number handed out is {@code identityStart + 1}; the numbers must
     *                      stay below 10^12
     */
    public SyntheticHouseholds(long seed, LocalDate today, long identityStart) {
        this.random = new Random(seed);
        this.today = today;
        this.identitySerial = identityStart;
    }

    /** The last identity number handed out. */
    public long lastIdentityNumber() {
        return identitySerial;
    }

    /** One household of a commune; {@code minorityShare} is the share of ethnic-minority households (rural). */
    public HouseholdData next(String communeCode, String householdCode, boolean urban, double minorityShare,
                              double hardshipShift) {
        boolean minority = random.nextDouble() < (urban ? minorityShare / 3 : minorityShare);
        double hardship = random.nextDouble() * (minority ? 1.0 : 0.75) + (urban ? -0.15 : 0) + hardshipShift;
        long income = income(hardship, urban);
        HousingQuality housing = pick(hardship, HousingQuality.values());
        WaterSource water = hardship > 0.75 && random.nextBoolean()
                ? pickAny(WaterSource.UNPROTECTED_DUG_WELL, WaterSource.SURFACE_WATER, WaterSource.UNPROTECTED_SPRING)
                : pickAny(WaterSource.PIPED, WaterSource.DRILLED_WELL, WaterSource.PROTECTED_DUG_WELL, WaterSource.RAIN_WATER);
        Toilet toilet = hardship > 0.7 && random.nextBoolean()
                ? pickAny(Toilet.PIT_WITHOUT_SLAB, Toilet.NONE, Toilet.HANGING)
                : pickAny(Toilet.SEPTIC, Toilet.SEMI_SEPTIC, Toilet.POUR_FLUSH, Toilet.DOUBLE_VAULT);
        boolean internet = random.nextDouble() > hardship * 0.9;
        boolean telephone = random.nextDouble() > hardship * 0.5;
        Set<InfoDevice> devices = EnumSet.noneOf(InfoDevice.class);
        if (random.nextDouble() > hardship * 0.8) {
            devices.add(InfoDevice.TV);
        }
        if (random.nextDouble() > 0.3 + hardship * 0.4) {
            devices.add(InfoDevice.SMARTPHONE);
        }
        boolean loudspeaker = random.nextDouble() > 0.3;
        boolean waste = random.nextDouble() > hardship * 0.7;
        String address = (urban ? "Tổ " : "Thôn ") + (1 + random.nextInt(12));
        List<MemberRecord> members = family(communeCode, householdCode, minority, hardship);
        double perPerson = 6 + random.nextGaussian() * 3 + (1 - hardship) * 14;
        BigDecimal floor = BigDecimal.valueOf(Math.max(4, Math.round(perPerson * members.size() * 10) / 10.0));
        Set<PovertyCause> causes = EnumSet.noneOf(PovertyCause.class);
        if (hardship > 0.6) {
            causes.add(pickAny(PovertyCause.LACK_CAPITAL, PovertyCause.LACK_LAND, PovertyCause.LACK_SKILLS,
                    PovertyCause.ILLNESS, PovertyCause.MANY_DEPENDANTS, PovertyCause.NO_JOB));
        }
        HouseholdRecord record = new HouseholdRecord(householdCode, communeCode, null, null, address, null, income, null,
                housing, floor, water, toilet, internet, telephone, devices, loudspeaker, waste, causes, null, null, null);
        return new HouseholdData(record, members);
    }

    private long income(double hardship, boolean urban) {
        double median = urban ? 4_200_000 : 2_900_000;
        double value = median * Math.exp(random.nextGaussian() * 0.45 - hardship * 1.1);
        return Math.max(300_000, Math.round(value / 10_000) * 10_000);
    }

    private List<MemberRecord> family(String commune, String household, boolean minority, double hardship) {
        String family = FAMILY[random.nextInt(minority ? FAMILY.length : 13)];
        String ethnicity = minority ? MINORITIES[random.nextInt(MINORITIES.length)] : "Kinh";
        List<MemberRecord> members = new ArrayList<>();
        boolean headMale = random.nextDouble() < 0.78;
        int headAge = 24 + random.nextInt(50);
        Person p = new Person(commune, household, ethnicity, hardship);
        members.add(member(p, 1, family, headMale, headAge, Relation.HEAD));
        int no = 2;
        if (random.nextDouble() < 0.8) {
            members.add(member(p, no++, FAMILY[random.nextInt(FAMILY.length)], !headMale,
                    Math.max(18, headAge - 3 + random.nextInt(7)), Relation.SPOUSE));
        }
        int children = random.nextInt(hardship > 0.6 ? 5 : 3);
        for (int i = 0; i < children && headAge > 22; i++) {
            int age = Math.max(0, Math.min(headAge - 18, random.nextInt(Math.max(1, headAge - 18))));
            members.add(member(p, no++, family, random.nextBoolean(), age, Relation.CHILD));
        }
        if (random.nextDouble() < 0.2) {
            members.add(member(p, no, family, random.nextBoolean(), Math.min(99, headAge + 22 + random.nextInt(10)),
                    Relation.PARENT));
        }
        return members;
    }

    private record Person(String commune, String household, String ethnicity, double hardship) {
    }

    private MemberRecord member(Person p, int no, String family, boolean male, int age, Relation relation) {
        double hardship = p.hardship();
        String name = family + " " + (male ? MALE : FEMALE)[random.nextInt(male ? MALE.length : FEMALE.length)];
        LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
        BirthDate birthDate = random.nextDouble() < 0.05 ? BirthDate.yearOnly(birth.getYear()) : BirthDate.of(birth);
        String idNumber = null;
        if (age >= 14 && random.nextDouble() < 0.9) {
            idNumber = twelveDigits(++identitySerial);
        }
        boolean child = age < 16;
        boolean elderly = age >= 62;
        boolean working = !child && !elderly && random.nextDouble() > 0.05 + hardship * 0.05;
        Disability disability = random.nextDouble() < 0.03 ? pickAny(Disability.MILD, Disability.SEVERE) : Disability.NONE;
        boolean insured = random.nextDouble() > 0.08 + hardship * 0.1;
        boolean inSchool = age >= 3 && age < 18 && random.nextDouble() > hardship * 0.15;
        Boolean levelAppropriate = age >= 3 && age < 16 ? inSchool && random.nextDouble() > hardship * 0.1 : null;
        Boolean malnourished = child ? random.nextDouble() < hardship * 0.15 : null;
        if (age == 16 || age == 17) {
            // children a review with an earlier reference date (the demonstration's review of 2025) still counts as
            // children: their facts are known too (derived, no further draws, so the generated data stays the same)
            levelAppropriate = inSchool;
            malnourished = false;
        }
        Education education = education(age, hardship);
        Employment employment = child ? (inSchool ? Employment.STUDENT : Employment.NOT_WORKING)
                : elderly ? Employment.NOT_WORKING
                : inSchool ? Employment.STUDENT
                : pickAny(hardship > 0.6
                        ? new Employment[] {Employment.SELF_EMPLOYED, Employment.WAGE_NO_CONTRACT, Employment.UNEMPLOYED, Employment.SELF_EMPLOYED}
                        : new Employment[] {Employment.SELF_EMPLOYED, Employment.WAGE_WITH_CONTRACT, Employment.WAGE_WITH_CONTRACT, Employment.WAGE_NO_CONTRACT});
        boolean merit = random.nextDouble() < 0.01;
        return new MemberRecord(p.household(), p.commune(), no, name, idNumber, birthDate, male ? Sex.MALE : Sex.FEMALE,
                p.ethnicity(), relation, employment, working, disability, null, insured, malnourished, education, inSchool,
                levelAppropriate, null, merit);
    }

    private static String twelveDigits(long n) {
        String s = Long.toString(n);
        return s.length() >= 12 ? s : "000000000000".substring(s.length()) + s;
    }

    private Education education(int age, double hardship) {
        if (age < 6) {
            return Education.NONE;
        }
        if (age < 11) {
            return Education.PRIMARY;
        }
        double r = random.nextDouble() + hardship * 0.4;
        if (age < 16) {
            return r > 1.0 ? Education.PRIMARY : Education.LOWER_SECONDARY;
        }
        return r > 1.1 ? Education.PRIMARY : r > 0.8 ? Education.LOWER_SECONDARY : r > 0.4 ? Education.UPPER_SECONDARY
                : pickAny(Education.VOCATIONAL_ELEMENTARY, Education.VOCATIONAL_INTERMEDIATE, Education.COLLEGE, Education.UNIVERSITY);
    }

    private <T> T pick(double hardship, T[] ordered) {
        int index = (int) Math.min(ordered.length - 1,
                Math.max(0, Math.floor((hardship + random.nextGaussian() * 0.15) * ordered.length)));
        return ordered[index];
    }

    @SafeVarargs
    private <T> T pickAny(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** The same household placed in a village (the exchange format's village column, by name). */
    public static HouseholdData inVillage(HouseholdData d, String village) {
        return inVillage(d, village, d.household().address());
    }

    /** The same household placed in a village, at an address of that village. */
    public static HouseholdData inVillage(HouseholdData d, String village, String address) {
        HouseholdRecord r = d.household();
        return new HouseholdData(new HouseholdRecord(r.householdCode(), r.communeCode(), village, r.area(), address,
                r.referenceDate(), r.incomePerCapita(), r.b1Score(), r.housingQuality(), r.floorAreaM2(), r.waterSource(),
                r.toilet(), r.internetUse(), r.telephoneUse(), r.infoDevices(), r.loudspeakerReach(), r.wasteTreatment(),
                r.causes(), r.ethnicMinority(), r.meritHousehold(), r.socialProtection()), d.members());
    }
}
