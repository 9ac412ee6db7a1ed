package vn.giamngheo.report.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The units of every era and the crosswalk between them (old unit → the units it became, whole or part).
 */
public final class UnitMap {

    private final Map<Long, Unit> units = new HashMap<>();
    private final Map<Long, List<Long>> successors = new HashMap<>();
    private final Map<Long, List<Long>> predecessors = new HashMap<>();

    public UnitMap(Collection<Unit> units, Collection<long[]> successions) {
        units.forEach(u -> this.units.put(u.id(), u));
        for (long[] s : successions) {
            successors.computeIfAbsent(s[0], k -> new ArrayList<>()).add(s[1]);
            predecessors.computeIfAbsent(s[1], k -> new ArrayList<>()).add(s[0]);
        }
    }

    public Optional<Unit> find(long id) {
        return Optional.ofNullable(units.get(id));
    }

    public Unit get(long id) {
        Unit u = units.get(id);
        if (u == null) {
            throw new IllegalArgumentException("unknown unit " + id);
        }
        return u;
    }

    public int size() {
        return units.size();
    }

    /** The units this unit became (of its own level or above, e.g. an island district → a special zone). */
    public List<Long> successors(long id) {
        return successors.getOrDefault(id, List.of());
    }

    public List<Long> predecessors(long id) {
        return predecessors.getOrDefault(id, List.of());
    }

    /**
     * The units on the map of {@code date} that a unit not on that map was formed from: its predecessors, and theirs
     * as far as needed, until units of that date (a 2025 province on the map of 2024: the provinces merged into it).
     * Sorted by code; empty when the unit began on or before that date, or came from no unit of that date.
     */
    public List<Unit> formedFrom(long id, java.time.LocalDate date) {
        Unit unit = get(id);
        if (unit.validFrom() == null || !unit.validFrom().isAfter(date)) {
            return List.of();   // on the map, or ended before it: nothing it was formed from
        }
        java.util.Set<Long> seen = new java.util.HashSet<>();
        java.util.Set<Unit> found = new java.util.LinkedHashSet<>();
        java.util.Deque<Long> next = new java.util.ArrayDeque<>(predecessors(id));
        while (!next.isEmpty()) {
            long p = next.poll();
            if (!seen.add(p) || !units.containsKey(p)) {
                continue;
            }
            Unit u = units.get(p);
            if (u.validOn(date)) {
                found.add(u);
            } else if (u.validFrom() != null && u.validFrom().isAfter(date)) {
                next.addAll(predecessors(p));
            }
        }
        return found.stream().sorted(java.util.Comparator.comparing(Unit::code).thenComparing(Unit::id)).toList();
    }

    /** The units directly under a unit (any era), or the provinces for {@code null}. */
    public List<Unit> children(Long parentId) {
        return units.values().stream().filter(u -> java.util.Objects.equals(u.parentId(), parentId)).toList();
    }
}
