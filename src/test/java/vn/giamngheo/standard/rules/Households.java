package vn.giamngheo.standard.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.BirthDate;
import vn.giamngheo.exchange.Disability;
import vn.giamngheo.exchange.Education;
import vn.giamngheo.exchange.Employment;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.exchange.HouseholdRecord;
import vn.giamngheo.exchange.HousingQuality;
import vn.giamngheo.exchange.InfoDevice;
import vn.giamngheo.exchange.MemberRecord;
import vn.giamngheo.exchange.Relation;
import vn.giamngheo.exchange.Sex;
import vn.giamngheo.exchange.Toilet;
import vn.giamngheo.exchange.WaterSource;

/**
 * Test households built from facts: by default deprived on nothing under any standard (two insured adults
 * with contracts and upper-secondary education, a durable 100 m² house, piped water, septic toilet, internet,
 * phone, TV, loudspeakers, waste collected). Household-level deprivations can be switched on one by one.
 */
final class Households {

    static final LocalDate REFERENCE = LocalDate.of(2026, 10, 1);
    static final PovertyStandard QD59 = StandardCatalog.national().standard("QD59_2015").orElseThrow();
    static final PovertyStandard ND07 = StandardCatalog.national().standard("ND07_2021").orElseThrow();
    static final PovertyStandard ND351 = StandardCatalog.national().standard("ND351_2025").orElseThrow();

    /** Household-level deprivations valid under all three standards, in the order they are switched on. */
    static final List<UnaryOperator<HouseholdRecord>> DEPRIVATIONS = List.of(
            h -> household(h).housing(HousingQuality.MAKESHIFT).build(),
            h -> household(h).water(WaterSource.SURFACE_WATER).build(),
            h -> household(h).toilet(Toilet.HANGING).build(),
            h -> household(h).internet(false).telephone(false).build(),
            h -> household(h).floor(new BigDecimal("1")).build());

    private Households() {
    }

    static HouseholdEdit household(HouseholdRecord h) {
        return new HouseholdEdit(h);
    }

    static HouseholdRecord baseHousehold(Area area, Long income, BigDecimal b1) {
        return new HouseholdRecord("H1", "00004", "Thôn 1", area, null, null, income, b1, HousingQuality.DURABLE,
                new BigDecimal("100"), WaterSource.PIPED, Toilet.SEPTIC, true, true, Set.of(InfoDevice.TV), true, true,
                Set.of(), null, null, null);
    }

    static MemberRecord adult(int no, String name, LocalDate born, Sex sex) {
        return new MemberRecord("H1", "00004", no, name, null, BirthDate.of(born), sex, "Kinh",
                no == 1 ? Relation.HEAD : Relation.OTHER, Employment.WAGE_WITH_CONTRACT, true, Disability.NONE, false,
                true, null, Education.UPPER_SECONDARY, false, null, false, false);
    }

    static List<MemberRecord> twoAdults() {
        return List.of(adult(1, "Nguyễn Văn An", LocalDate.of(1980, 1, 1), Sex.MALE),
                adult(2, "Trần Thị Bình", LocalDate.of(1982, 1, 1), Sex.FEMALE));
    }

    static HouseholdData withIncome(Area area, long income, int deprivations) {
        return deprived(new HouseholdData(baseHousehold(area, income, null), twoAdults()), deprivations);
    }

    static HouseholdData withB1(Area area, BigDecimal b1, int deprivations) {
        return deprived(new HouseholdData(baseHousehold(area, null, b1), twoAdults()), deprivations);
    }

    static HouseholdData deprived(HouseholdData data, int deprivations) {
        HouseholdRecord h = data.household();
        for (int i = 0; i < deprivations; i++) {
            h = DEPRIVATIONS.get(i).apply(h);
        }
        return new HouseholdData(h, data.members());
    }

    static HouseholdData withMembers(HouseholdData data, List<MemberRecord> members) {
        return new HouseholdData(data.household(), members);
    }

    static List<MemberRecord> replaced(List<MemberRecord> members, int index, MemberRecord member) {
        List<MemberRecord> copy = new ArrayList<>(members);
        if (index < copy.size()) {
            copy.set(index, member);
        } else {
            copy.add(member);
        }
        return copy;
    }
}
