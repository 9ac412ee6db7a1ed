package vn.giamngheo.report;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.giamngheo.report.rules.Coverage;
import vn.giamngheo.report.rules.Results;
import vn.giamngheo.report.rules.StatusGroup;
import vn.giamngheo.report.rules.UnitMap;

/**
 * The computed parts of reports that depend only on the aggregates, the map and the request — never on parameters
 * or standards (bands, dimensions are applied to them afterwards): the {@link Results} of a unit, year and map
 * date, and the code groups (deprivations, causes) of provinces and a year. Every entry is keyed by the version
 * key of the provinces' aggregates ({@code report_version}, V25), which each request reads from the database
 * before it reads any aggregate ({@link ReportUnits#read}): a change committed by anyone, on any connection or
 * application instance, makes the key strictly larger, so an entry is never served after a change — reports
 * stay as fresh as without the cache. Entries of older keys are never asked for again and age out.
 * <p>
 * Bounded (least recently used first out; the groups also by their number of rows) and switched off with
 * {@code giamngheo.report.cache.enabled=false}. The cached values are immutable.
 */
@Component
class ReportCache {

    static final int RESULTS_ENTRIES = 256;
    static final int GROUP_ENTRIES = 64;
    /** Rows of code groups held in all (a few hundred bytes each): a province's are tens of thousands, the country's more. */
    static final long GROUP_ROWS = 200_000;

    /**
     * The version key of the aggregates of some provinces: the sum of their {@code report_version} rows, within an
     * epoch of the database (its server's start time and the version tables' identities), so that a database that
     * went back in time — a failover to a standby that had not received the last commits, a point-in-time
     * recovery, the tables made again — cannot reach an earlier sum again with other figures.
     */
    record Version(String epoch, long sum) {
    }

    /**
     * The results of a unit (null: the country) for a year on the map of a date; {@code map} by identity;
     * {@code group}: the population group counted (its code; {@code all} for every household).
     */
    record ResultsKey(Set<String> provinces, int year, LocalDate unitsDate, Long unitId, UnitMap map, Version version,
                      String group) {

        ResultsKey(Set<String> provinces, int year, LocalDate unitsDate, Long unitId, UnitMap map, Version version) {
            this(provinces, year, unitsDate, unitId, map, version, "all");
        }
    }

    /** The code groups ({@code deprived} or {@code cause}) of provinces (null: all) for a year and a population group. */
    record GroupsKey(Set<String> provinces, int year, String kind, Version version, String group) {

        GroupsKey(Set<String> provinces, int year, String kind, Version version) {
            this(provinces, year, kind, version, "all");
        }
    }

    /**
     * The recognised lists of provinces (null: all). Every decision and revocation writes {@code household_status}
     * rows, which move the aggregates (a status row always starts a segment of its own) and so the version key.
     */
    record ListsKey(Set<String> provinces, Version version) {
    }

    /** How often a value was found (hits) or computed (misses) since the start. */
    record Stats(long hits, long misses) {
    }

    private final boolean enabled;
    private final Lru<ResultsKey, Results> results = new Lru<>(RESULTS_ENTRIES, Long.MAX_VALUE, r -> 1);
    private final Lru<GroupsKey, List<StatusGroup>> groups = new Lru<>(GROUP_ENTRIES, GROUP_ROWS, List::size);
    private final Lru<ListsKey, List<Coverage.ListRow>> lists = new Lru<>(GROUP_ENTRIES, GROUP_ROWS, List::size);
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    /** The map of the latest results asked for: when the catalogue changes, the results of the old map go at once. */
    private UnitMap lastMap;
    /** The placements through the crosswalk of the current map, one per date (issue 26 point 4). */
    private final java.util.Map<LocalDate, vn.giamngheo.report.rules.Placement> placements = new java.util.HashMap<>();

    ReportCache(@Value("${giamngheo.report.cache.enabled:true}") boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    /**
     * The placement onto the units of a date for this map: made once per map version (the map instance changes
     * with the catalogue's fingerprint, ReportUnits) and shared by every request, report and year until the map
     * changes; kept also with the cache off, as it holds no figure (only where the map's units lie on the date).
     */
    synchronized vn.giamngheo.report.rules.Placement placement(UnitMap map, LocalDate date) {
        if (!placements.isEmpty() && placements.values().iterator().next().units() != map) {
            placements.clear();
        }
        if (placements.size() >= 16 && !placements.containsKey(date)) {
            placements.clear();
        }
        return placements.computeIfAbsent(date, d -> new vn.giamngheo.report.rules.Placement(map, d));
    }

    Results results(ResultsKey key, Supplier<Results> compute) {
        if (enabled) {
            synchronized (this) {
                if (key.map() != lastMap) {
                    // their keys hold the old map (thousands of units): never asked for again, not kept until evicted
                    results.clear();
                    lastMap = key.map();
                }
            }
        }
        return get(results, key, compute);
    }

    List<StatusGroup> groups(GroupsKey key, Supplier<List<StatusGroup>> compute) {
        return get(groups, key, () -> List.copyOf(compute.get()));
    }

    /** Not counted in {@link #stats()}, which counts the results and code groups asked for. */
    List<Coverage.ListRow> lists(ListsKey key, Supplier<List<Coverage.ListRow>> compute) {
        if (!enabled) {
            return compute.get();
        }
        List<Coverage.ListRow> v = lists.get(key);
        if (v == null) {
            v = List.copyOf(compute.get());
            lists.put(key, v);
        }
        return v;
    }

    int resultsHeld() {
        return results.size();
    }

    Stats stats() {
        return new Stats(hits.get(), misses.get());
    }

    void clear() {
        results.clear();
        groups.clear();
        lists.clear();
    }

    private <K, V> V get(Lru<K, V> lru, K key, Supplier<V> compute) {
        if (!enabled) {
            return compute.get();
        }
        V v = lru.get(key);
        if (v != null) {
            hits.incrementAndGet();
            return v;
        }
        misses.incrementAndGet();
        // computed outside the lock: two requests missing at once both compute (the same figures)
        v = compute.get();
        lru.put(key, v);
        return v;
    }

    /** A small synchronized LRU map bounded by entries and by total weight (an entry heavier than all is not kept). */
    static final class Lru<K, V> {

        private final int maxEntries;
        private final long maxWeight;
        private final ToLongFunction<V> weigher;
        private final LinkedHashMap<K, V> map = new LinkedHashMap<>(16, 0.75f, true);
        private long weight;

        Lru(int maxEntries, long maxWeight, ToLongFunction<V> weigher) {
            this.maxEntries = maxEntries;
            this.maxWeight = maxWeight;
            this.weigher = weigher;
        }

        synchronized V get(K key) {
            return map.get(key);
        }

        synchronized void put(K key, V value) {
            long w = weigher.applyAsLong(value);
            if (w > maxWeight) {
                return;
            }
            V old = map.put(key, value);
            if (old != null) {
                weight -= weigher.applyAsLong(old);
            }
            weight += w;
            Iterator<Map.Entry<K, V>> eldest = map.entrySet().iterator();
            while ((map.size() > maxEntries || weight > maxWeight) && eldest.hasNext()) {
                Map.Entry<K, V> e = eldest.next();
                if (e.getKey().equals(key)) {
                    continue;
                }
                weight -= weigher.applyAsLong(e.getValue());
                eldest.remove();
            }
        }

        synchronized int size() {
            return map.size();
        }

        synchronized long weight() {
            return weight;
        }

        synchronized void clear() {
            map.clear();
            weight = 0;
        }
    }
}
