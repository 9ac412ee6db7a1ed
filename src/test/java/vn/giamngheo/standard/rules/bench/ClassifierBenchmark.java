package vn.giamngheo.standard.rules.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;
import vn.giamngheo.standard.rules.PovertyClassifier;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.standard.rules.StandardCatalog;
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
 * Households classified per second on one thread (score = households/s). Run with
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main ClassifierBenchmark -wi 2 -i 3 -f 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class ClassifierBenchmark {

    private static final int HOUSEHOLDS = 10_000;
    private static final LocalDate REFERENCE = LocalDate.of(2026, 10, 1);

    @Param({"QD59_2015", "ND07_2021", "ND351_2025"})
    public String standardCode;

    private final PovertyClassifier classifier = new PovertyClassifier();
    private PovertyStandard standard;
    private List<HouseholdData> households;

    @Setup
    public void setUp() {
        standard = StandardCatalog.national().standard(standardCode).orElseThrow();
        Random random = new Random(7);
        households = new ArrayList<>(HOUSEHOLDS);
        for (int i = 0; i < HOUSEHOLDS; i++) {
            households.add(household(random, "H" + i));
        }
    }

    private static HouseholdData household(Random r, String code) {
        HouseholdRecord h = new HouseholdRecord(code, "00004", null, r.nextBoolean() ? Area.URBAN : Area.RURAL, null,
                null, (long) r.nextInt(3_500_000), null, HousingQuality.values()[r.nextInt(4)],
                BigDecimal.valueOf(10 + r.nextInt(90)), WaterSource.values()[r.nextInt(11)], Toilet.values()[r.nextInt(11)],
                r.nextBoolean(), r.nextBoolean(), r.nextBoolean() ? Set.of(InfoDevice.TV) : Set.of(), r.nextBoolean(),
                r.nextBoolean(), Set.of(), null, null, null);
        int size = 1 + r.nextInt(6);
        List<MemberRecord> members = new ArrayList<>();
        for (int m = 1; m <= size; m++) {
            members.add(new MemberRecord(code, "00004", m, "Thành viên " + m, null,
                    BirthDate.of(REFERENCE.minusDays(r.nextInt(80 * 365))), r.nextBoolean() ? Sex.MALE : Sex.FEMALE,
                    "Kinh", m == 1 ? Relation.HEAD : Relation.CHILD, Employment.values()[r.nextInt(6)], r.nextBoolean(),
                    Disability.values()[r.nextInt(4)], false, r.nextInt(10) > 0, r.nextInt(10) == 0,
                    Education.values()[r.nextInt(8)], r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), false));
        }
        return new HouseholdData(h, members);
    }

    @Benchmark
    @OperationsPerInvocation(HOUSEHOLDS)
    public void classify(Blackhole blackhole) {
        for (HouseholdData data : households) {
            blackhole.consume(classifier.classify(data, standard, REFERENCE));
        }
    }
}
