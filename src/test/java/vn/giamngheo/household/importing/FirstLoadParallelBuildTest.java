package vn.giamngheo.household.importing;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link FirstLoadTest}'s comparisons, row for row and in the catalogue, with the first load's keys and indexes built
 * by a parallel worker ({@code giamngheo.import.index-build-workers=1}, ADR 0013 amendment h24): the same rows, every
 * index valid, every constraint validated, a failure rolled back as before.
 */
@Tag("database")
@SpringBootTest(properties = "giamngheo.import.index-build-workers=1")
class FirstLoadParallelBuildTest extends FirstLoadTest {
}
