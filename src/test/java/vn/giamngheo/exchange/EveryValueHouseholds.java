package vn.giamngheo.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Households that together hold every value of every code list, every yes/no (and empty) in every column, exact
 * birth dates and bare years, both income bases, text a spreadsheet would take for a formula: for round trips.
 */
final class EveryValueHouseholds {

    private EveryValueHouseholds() {
    }

    static List<HouseholdData> generate(int count) {
        List<HouseholdData> data = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = "EV" + i;
            String commune = i % 2 == 0 ? "00004" : "00008";
            HouseholdRecord h = new HouseholdRecord(code, commune, i % 5 == 0 ? null : "Thôn " + (1 + i % 3),
                    pick(Area.values(), i, true), i % 7 == 0 ? "=Số " + i : i % 3 == 0 ? null : "Số " + i + ", đường Láng",
                    i % 4 == 0 ? LocalDate.of(2026, 1 + i % 12, 1 + i % 28) : null,
                    i % 3 == 2 ? null : 1_000_000L + 10_000L * i, i % 3 == 2 || i % 6 == 0 ? new BigDecimal("12" + i % 10 + ".5") : null,
                    HousingQuality.values()[i % HousingQuality.values().length], new BigDecimal(20 + i + ".25"),
                    WaterSource.values()[i % WaterSource.values().length], Toilet.values()[i % Toilet.values().length],
                    i % 2 == 0, yesNoOrNothing(i), subset(InfoDevice.class, i), yesNoOrNothing(i + 1),
                    yesNoOrNothing(i + 2), subset(PovertyCause.class, i * 7 + 3), yesNoOrNothing(i + 3),
                    yesNoOrNothing(i + 4), yesNoOrNothing(i + 5));
            List<MemberRecord> members = new ArrayList<>();
            int size = 1 + i % 4;
            for (int n = 1; n <= size; n++) {
                int k = i + n;
                Relation relation = n == 1 ? Relation.HEAD : Relation.values()[1 + k % (Relation.values().length - 1)];
                BirthDate born = k % 3 == 0 ? BirthDate.yearOnly(1940 + k % 80)
                        : BirthDate.of(LocalDate.of(1940 + k % 80, 1 + k % 12, 1 + k % 28));
                members.add(new MemberRecord(code, commune, n, "Nguyễn Thị " + k, k % 4 == 0 ? String.format("%012d", 1_000_000L + k * 10L + n) : null,
                        born, Sex.values()[k % 2], k % 5 == 0 ? "Thái" : "Kinh", relation,
                        Employment.values()[k % Employment.values().length], k % 2 == 1,
                        pick(Disability.values(), k, true), yesNoOrNothing(k), k % 3 != 0, yesNoOrNothing(k + 1),
                        Education.values()[k % Education.values().length], k % 4 == 1, yesNoOrNothing(k + 2),
                        yesNoOrNothing(k + 3), yesNoOrNothing(k + 4)));
            }
            data.add(new HouseholdData(h, members));
        }
        return data;
    }

    private static <E> E pick(E[] values, int i, boolean orNothing) {
        int n = values.length + (orNothing ? 1 : 0);
        return i % n == values.length ? null : values[i % n];
    }

    private static Boolean yesNoOrNothing(int i) {
        return switch (i % 3) {
            case 0 -> Boolean.TRUE;
            case 1 -> Boolean.FALSE;
            default -> null;
        };
    }

    /** One, two or no values, moving through the whole list as {@code i} grows. */
    private static <E extends Enum<E>> Set<E> subset(Class<E> type, int i) {
        E[] values = type.getEnumConstants();
        Set<E> set = EnumSet.noneOf(type);
        if (i % 4 != 3) {
            set.add(values[i % values.length]);
        }
        if (i % 4 == 1) {
            set.add(values[(i + 2) % values.length]);
        }
        return set;
    }
}
