package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.report.rules.Placement;
import vn.giamngheo.report.rules.Results;
import vn.giamngheo.report.rules.Selection;
import vn.giamngheo.report.rules.UnitMap;

/** The report cache's bounded map: least recently used out first, bounded by entries and by weight. */
class ReportCacheLruTest {

    static final ReportCache.Version V = new ReportCache.Version("epoch", 1);

    @Test
    void theLeastRecentlyUsedEntryLeavesFirst() {
        ReportCache.Lru<String, List<Integer>> lru = new ReportCache.Lru<>(3, 100, List::size);
        lru.put("a", List.of(1));
        lru.put("b", List.of(2));
        lru.put("c", List.of(3));
        assertThat(lru.get("a")).containsExactly(1); // a used: b is now the eldest
        lru.put("d", List.of(4));
        assertThat(lru.size()).isEqualTo(3);
        assertThat(lru.get("b")).isNull();
        assertThat(lru.get("a")).isNotNull();
        assertThat(lru.get("c")).isNotNull();
        assertThat(lru.get("d")).isNotNull();
    }

    @Test
    void boundedByWeightAndAnEntryHeavierThanAllIsNotKept() {
        ReportCache.Lru<String, List<Integer>> lru = new ReportCache.Lru<>(10, 5, List::size);
        lru.put("a", List.of(1, 2));
        lru.put("b", List.of(1, 2));
        assertThat(lru.weight()).isEqualTo(4);
        lru.put("c", List.of(1, 2)); // 6 > 5: a leaves
        assertThat(lru.get("a")).isNull();
        assertThat(lru.weight()).isEqualTo(4);
        lru.put("big", List.of(1, 2, 3, 4, 5, 6));
        assertThat(lru.get("big")).isNull();
        assertThat(lru.size()).isEqualTo(2);
        lru.put("five", List.of(1, 2, 3, 4, 5)); // exactly the bound: everything else leaves
        assertThat(lru.size()).isEqualTo(1);
        assertThat(lru.weight()).isEqualTo(5);
        lru.put("five", List.of(1)); // replaced: its old weight is given back
        assertThat(lru.weight()).isEqualTo(1);
    }

    @Test
    void theResultsOfAnOldMapGoWhenTheMapChanges() {
        ReportCache cache = new ReportCache(true);
        UnitMap a = new UnitMap(List.of(), List.of());
        UnitMap b = new UnitMap(List.of(), List.of());
        Results empty = Results.of(a, new Placement(a, LocalDate.of(2026, 12, 31)), new Selection(a, null), List.of());
        cache.results(new ReportCache.ResultsKey(null, 2026, LocalDate.of(2026, 12, 31), null, a, V), () -> empty);
        cache.results(new ReportCache.ResultsKey(null, 2025, LocalDate.of(2026, 12, 31), null, a, V), () -> empty);
        assertThat(cache.resultsHeld()).isEqualTo(2);
        cache.results(new ReportCache.ResultsKey(null, 2026, LocalDate.of(2026, 12, 31), null, b, V), () -> empty);
        assertThat(cache.resultsHeld()).isEqualTo(1);
        assertThat(cache.stats()).isEqualTo(new ReportCache.Stats(0, 3));
        cache.results(new ReportCache.ResultsKey(null, 2026, LocalDate.of(2026, 12, 31), null, b, V), () -> empty);
        assertThat(cache.stats()).isEqualTo(new ReportCache.Stats(1, 3));
    }

    @Test
    void theSameSumInAnotherEpochIsAnotherKey() {
        ReportCache cache = new ReportCache(true);
        int[] computed = new int[1];
        for (String epoch : List.of("start 1", "start 1", "start 2 (after a failover)")) {
            cache.groups(new ReportCache.GroupsKey(null, 2026, "cause", new ReportCache.Version(epoch, 7)), () -> {
                computed[0]++;
                return List.of();
            });
        }
        assertThat(computed[0]).isEqualTo(2);
        assertThat(cache.stats()).isEqualTo(new ReportCache.Stats(1, 2));
    }
}
