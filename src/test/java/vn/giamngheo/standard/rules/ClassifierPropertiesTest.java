package vn.giamngheo.standard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.giamngheo.standard.rules.Households.REFERENCE;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.giamngheo.exchange.Area;
import vn.giamngheo.exchange.HouseholdData;
import vn.giamngheo.status.rules.PovertyStatus;

/** Monotonicity over random households (seeded, so a failure can be replayed). */
class ClassifierPropertiesTest {

    private static final Map<PovertyStatus, Integer> SEVERITY = Map.of(PovertyStatus.POOR, 3, PovertyStatus.NEAR_POOR, 2,
            PovertyStatus.AVERAGE, 1, PovertyStatus.NOT_POOR, 0);
    private final PovertyClassifier classifier = new PovertyClassifier();

    private static HouseholdData random(Random random, long income, int deprivations) {
        Area area = random.nextBoolean() ? Area.URBAN : Area.RURAL;
        return Households.withIncome(area, income, deprivations);
    }

    private int severity(HouseholdData data, PovertyStandard standard) {
        return SEVERITY.get(classifier.classify(data, standard, REFERENCE).status());
    }

    @ParameterizedTest(name = "{0}: more income never makes a household poorer")
    @ValueSource(strings = {"QD59_2015", "ND07_2021", "ND351_2025"})
    void moreIncomeNeverMakesAHouseholdPoorer(String code) {
        PovertyStandard standard = StandardCatalog.national().standard(code).orElseThrow();
        Random random = new Random(20261001L);
        for (int i = 0; i < 2_000; i++) {
            long income = random.nextInt(4_000_000);
            long more = income + 1 + random.nextInt(1_000_000);
            int deprivations = random.nextInt(Households.DEPRIVATIONS.size() + 1);
            long seed = random.nextLong();
            HouseholdData poorer = random(new Random(seed), income, deprivations);
            HouseholdData richer = random(new Random(seed), more, deprivations);

            assertThat(severity(richer, standard)).as("income %d -> %d, %d deprivations", income, more, deprivations)
                    .isLessThanOrEqualTo(severity(poorer, standard));
        }
    }

    @ParameterizedTest(name = "{0}: one more deprivation never lifts a household out of poverty")
    @ValueSource(strings = {"QD59_2015", "ND07_2021", "ND351_2025"})
    void oneMoreDeprivationNeverLiftsAHouseholdOutOfPoverty(String code) {
        PovertyStandard standard = StandardCatalog.national().standard(code).orElseThrow();
        Random random = new Random(42L);
        for (int i = 0; i < 2_000; i++) {
            long income = random.nextInt(4_000_000);
            int deprivations = random.nextInt(Households.DEPRIVATIONS.size());
            long seed = random.nextLong();
            HouseholdData fewer = random(new Random(seed), income, deprivations);
            HouseholdData more = random(new Random(seed), income, deprivations + 1);

            assertThat(severity(more, standard)).as("income %d, %d -> %d deprivations", income, deprivations,
                    deprivations + 1).isGreaterThanOrEqualTo(severity(fewer, standard));
        }
    }
}
