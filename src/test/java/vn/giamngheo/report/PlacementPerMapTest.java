package vn.giamngheo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giamngheo.report.rules.Place;
import vn.giamngheo.report.rules.Placement;
import vn.giamngheo.report.rules.Unit;
import vn.giamngheo.report.rules.UnitMap;

/**
 * Issue 26 point 4: the placement through the crosswalk is made once per map version and date and shared by the
 * requests (also with the report cache off, as it holds no figure), and a new map (the catalogue changed) gets a
 * new placement whose answers follow the new map.
 */
class PlacementPerMapTest {

    static final LocalDate OLD = LocalDate.of(2025, 6, 30);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    /** Province 1; commune 10 ended 2025-06-30 and became commune 20 (both in province 1). */
    static UnitMap map(boolean merged) {
        Unit province = new Unit(1, "01", Unit.PROVINCE, "Tỉnh", null, "01", null, LocalDate.of(2000, 1, 1), null, "/1/");
        Unit old = new Unit(10, "00010", Unit.COMMUNE, "Xã cũ", 1L, "01", "rural", LocalDate.of(2000, 1, 1),
                merged ? OLD : null, "/1/10/");
        Unit merger = new Unit(20, "00020", Unit.COMMUNE, "Xã mới", 1L, "01", "rural", OLD.plusDays(1), null, "/1/20/");
        return new UnitMap(List.of(province, old, merger), merged ? List.<long[]>of(new long[] {10, 20}) : List.of());
    }

    @Test
    void onePlacementPerMapAndDateSharedByTheRequestsWithTheCacheOnOrOff() {
        for (boolean enabled : new boolean[] {true, false}) {
            ReportCache cache = new ReportCache(enabled);
            UnitMap map = map(true);
            Placement first = cache.placement(map, TODAY);
            assertThat(cache.placement(map, TODAY)).as("cache enabled " + enabled).isSameAs(first);
            assertThat(cache.placement(map, OLD)).isNotSameAs(first);
            assertThat(first.place(10, null, null)).isSameAs(first.place(10, null, null));
            assertThat(first.place(10, null, null).communeId()).isEqualTo(20L);
            assertThat(first.place(10, null, null).how()).isEqualTo(Place.Method.SUCCESSOR);
        }
    }

    @Test
    void aNewMapGetsANewPlacementThatFollowsIt() {
        ReportCache cache = new ReportCache(true);
        UnitMap before = map(false);
        Placement p = cache.placement(before, TODAY);
        assertThat(p.place(10, null, null).communeId()).isEqualTo(10L);
        UnitMap after = map(true);
        Placement q = cache.placement(after, TODAY);
        assertThat(q).isNotSameAs(p);
        assertThat(q.place(10, null, null).communeId()).isEqualTo(20L);
        assertThat(cache.placement(after, TODAY)).isSameAs(q);
    }
}
