package vn.giamngheo.household.importing;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link FirstLoadTest}'s comparisons, row for row and in the catalogue, with the provinces loaded into their detached
 * partitions inside the move's transaction, one after the other ({@code giamngheo.import.build-connections=0}: V58's
 * path, as before h25) instead of built aside on several connections and swapped in (V73).
 */
@Tag("database")
@SpringBootTest(properties = "giamngheo.import.build-connections=0")
class FirstLoadInTheMoveTest extends FirstLoadTest {

    /**
     * Not a test here (overridden without {@code @Test}, so JUnit does not run it rather than skipping it): V58's path
     * builds nothing aside, so there is no time between a build and its swap.
     */
    @Override
    void aProvinceThatGetsAHouseholdBetweenItsBuildAndTheSwapTakesTheOrdinaryMove() {
    }
}
