package vn.giamngheo.household;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.giamngheo.demo.HouseholdGenerator;
import vn.giamngheo.exchange.HouseholdData;

/** Generated households in the exchange format, for tests outside this package (no Spring, no database). */
public final class GeneratedHouseholds {

    private GeneratedHouseholds() {
    }

    /**
     * {@code count} households spread over the communes, coded {@code prefix + i}; identity numbers start at
     * {@code identityPrefix * 1_000_000}.
     */
    public static List<HouseholdData> generate(int count, long seed, long identityPrefix, List<String> communes,
            String prefix) {
        HouseholdGenerator generator = new HouseholdGenerator(seed, 0.5, LocalDate.of(2026, 11, 1), identityPrefix);
        List<HouseholdData> data = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String commune = communes.get(i % communes.size());
            data.add(ExchangeMapping.toData(generator.next(commune, prefix + i, false), "Bản " + (1 + i % 4)));
        }
        return data;
    }

    /** A generated household (a form, e.g. of {@link HouseholdGenerator}) in the exchange format, in the named village. */
    public static HouseholdData toData(HouseholdForm form, String villageName) {
        return ExchangeMapping.toData(form, villageName);
    }
}
