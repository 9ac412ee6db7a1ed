package vn.giamngheo.plan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import vn.giamngheo.plan.rules.TargetAllocation.Basis;
import vn.giamngheo.plan.rules.TargetAllocation.Unit;

class TargetAllocationTest {

    /** The ten communes of Mường Khương (households, poor at the start of the year): 10.058 and 3.581. */
    static final List<Unit> MUONG_KHUONG = List.of(
            new Unit("02839", 1718, 439), new Unit("02842", 1102, 339), new Unit("02845", 874, 410),
            new Unit("02848", 612, 320), new Unit("02851", 689, 321), new Unit("02854", 1346, 286),
            new Unit("02857", 733, 365), new Unit("02860", 956, 459), new Unit("02863", 801, 394),
            new Unit("02866", 1227, 248));

    @ParameterizedTest(name = "target {0} by {1}")
    @CsvSource({"0, POOR", "1, POOR", "9, POOR", "627, POOR", "3580, POOR", "3581, POOR",
            "0, HOUSEHOLDS", "1, HOUSEHOLDS", "627, HOUSEHOLDS", "3000, HOUSEHOLDS", "3581, HOUSEHOLDS"})
    void theSharesAlwaysAddUpToTheTargetAndNeverExceedAUnitsPoorHouseholds(long target, Basis basis) {
        var allocation = TargetAllocation.allocate(target, basis, MUONG_KHUONG);

        assertThat(allocation.shares().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(target);
        for (Unit u : MUONG_KHUONG) {
            assertThat(allocation.share(u.code())).isBetween(0L, u.poor());
        }
    }

    @ParameterizedTest(name = "target {0}")
    @CsvSource({"1", "9", "10", "11", "627", "1790", "3580"})
    void eachShareIsWithinOneHouseholdOfItsExactQuota(long target) {
        var allocation = TargetAllocation.allocate(target, Basis.POOR, MUONG_KHUONG);

        long totalPoor = MUONG_KHUONG.stream().mapToLong(Unit::poor).sum();
        for (Unit u : MUONG_KHUONG) {
            BigDecimal quota = BigDecimal.valueOf(target * u.poor()).divide(BigDecimal.valueOf(totalPoor),
                    MathContext.DECIMAL64);
            BigDecimal share = BigDecimal.valueOf(allocation.share(u.code()));
            assertThat(share.subtract(quota).abs()).isLessThan(BigDecimal.ONE);
        }
    }

    @ParameterizedTest
    @EnumSource(Basis.class)
    void theSameUnitsInAnyOrderGetTheSameShares(Basis basis) {
        Map<String, Long> reference = TargetAllocation.allocate(627, basis, MUONG_KHUONG).shares();
        Random random = new Random(20261122);
        for (int i = 0; i < 20; i++) {
            List<Unit> shuffled = new ArrayList<>(MUONG_KHUONG);
            Collections.shuffle(shuffled, random);

            assertThat(TargetAllocation.allocate(627, basis, shuffled).shares()).isEqualTo(reference);
        }
    }

    @ParameterizedTest(name = "{0}: target {1} over poor {2} gives {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                   | target | poor of units A,B,C,... | expected shares
            target 0 gives nothing                   | 0      | 5,7,9                   | 0,0,0
            a unit without poor gets nothing         | 4      | 0,6,2                   | 0,3,1
            a unit without poor gets nothing even on a tie | 1 | 0,0,3                | 0,0,1
            all-equal bases: the smaller codes win the tie | 5 | 4,4,4,4,4,4,4,4,4,4 | 1,1,1,1,1,0,0,0,0,0
            all-equal bases and an exact share       | 20     | 4,4,4,4,4,4,4,4,4,4     | 2,2,2,2,2,2,2,2,2,2
            the larger remainder wins first          | 3      | 1,3,6                   | 0,1,2
            remainders 0.9 and 0.6 beat 0.5          | 3      | 2,3,5                   | 1,1,1
            on equal remainders the larger base wins | 2      | 1,3                     | 0,2
            the whole poor count                     | 15     | 4,5,6                   | 4,5,6
            one household short of everything        | 14     | 4,5,6                   | 4,5,5
            """)
    void fairnessEdgeCasesByThePoorCount(String rule, long target, String poor, String expected) {
        List<Long> bases = Arrays.stream(poor.split(",")).map(Long::valueOf).toList();
        List<Unit> units = IntStream.range(0, bases.size())
                .mapToObj(i -> new Unit(String.valueOf((char) ('A' + i)), 1000, bases.get(i))).toList();

        var allocation = TargetAllocation.allocate(target, Basis.POOR, units);

        assertThat(units.stream().map(u -> String.valueOf(allocation.share(u.code())))
                .collect(Collectors.joining(","))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "target {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # X: 1000 households, 10 poor; Y: 100 households, 90 poor; Z: 900 households, 300 poor
            # 50 by households: X's quota 25 is over its 10 poor, so X gets 10 and Y, Z share 40 by 100:900
            50  | 10,4,36
            # 400 = all poor: everyone gets its poor count
            400 | 10,90,300
            # 20 by households: X's quota 10 is exactly its cap, not over it
            20  | 10,1,9
            """)
    void byHouseholdsNoUnitGetsMoreThanItsPoorAndTheRestIsShared(long target, String expected) {
        List<Unit> units = List.of(new Unit("X", 1000, 10), new Unit("Y", 100, 90), new Unit("Z", 900, 300));

        var allocation = TargetAllocation.allocate(target, Basis.HOUSEHOLDS, units);

        assertThat(allocation.share("X") + "," + allocation.share("Y") + "," + allocation.share("Z"))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "target {0} by {1}")
    @CsvSource({"3582, POOR", "3582, HOUSEHOLDS", "10058, HOUSEHOLDS", "-1, POOR"})
    void aTargetBeyondThePoorHouseholdsIsRefusedWithTheReason(long target, Basis basis) {
        assertThatIllegalArgumentException().isThrownBy(() -> TargetAllocation.allocate(target, basis, MUONG_KHUONG))
                .withMessageContaining(String.valueOf(target));
    }
}
