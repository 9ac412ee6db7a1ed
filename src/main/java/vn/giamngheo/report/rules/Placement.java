package vn.giamngheo.report.rules;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Carries the commune recorded for a group of households to the units of a chosen date (the method of
 * {@code docs/reports.md}):
 * <ol>
 * <li>the recorded commune exists on that date: it;</li>
 * <li>it ended before that date and became exactly one commune (whole, or its only remaining part): that one;</li>
 * <li>it was split: the commune of the recorded village, when that village lies in one of the parts;
 *     otherwise the register's current commune of the household, when it is one of the parts;</li>
 * <li>it began after that date (a commune of 2025 on an earlier year's map) and came from exactly one old
 *     commune: that one;</li>
 * <li>otherwise the households are not placed in a commune; they are counted in the province when the
 *     province can be told (the old province became one new province; the old communes of a new commune
 *     all lay in one old province), else only in the national total.</li>
 * </ol>
 * Nothing is guessed by shares of population or area: an unplaced household stays visible as unplaced.
 * <p>
 * A placement depends only on the map and the date, so each recorded place is placed once per instance and
 * remembered (thread-safe): the report cache keeps one instance per map and date, so that the crosswalk is walked
 * once per map version instead of once per request (issue 26 point 4).
 */
public final class Placement {

    private final UnitMap units;
    private final LocalDate date;
    private final java.util.concurrent.ConcurrentHashMap<List<Long>, Place> placed = new java.util.concurrent.ConcurrentHashMap<>();

    public Placement(UnitMap units, LocalDate date) {
        this.units = units;
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }

    /** The units of the date a recorded commune, village and register commune count in (remembered). */
    public Place place(long communeId, Long villageId, Long registerCommuneId) {
        List<Long> key = java.util.Arrays.asList(communeId, villageId, registerCommuneId);
        Place known = placed.get(key);
        if (known != null) {
            return known;
        }
        Place p = walk(communeId, villageId, registerCommuneId);
        placed.putIfAbsent(key, p);
        return p;
    }

    /** The units this map is for (the report cache keeps one placement per map instance and date). */
    public UnitMap units() {
        return units;
    }

    private Place walk(long communeId, Long villageId, Long registerCommuneId) {
        Unit commune = units.get(communeId);
        Long village = villageOf(villageId, communeId);
        if (commune.validOn(date)) {
            return new Place(communeId, village, commune.provinceId(), Place.Method.SAME);
        }
        boolean ended = commune.validTo() != null && commune.validTo().isBefore(date);
        List<Long> next = communes(ended ? units.successors(communeId) : units.predecessors(communeId));
        if (next.size() == 1) {
            long only = next.get(0);
            return new Place(only, villageOf(villageId, only), units.get(only).provinceId(),
                    ended ? Place.Method.SUCCESSOR : Place.Method.PREDECESSOR);
        }
        if (ended && !next.isEmpty()) {
            if (villageId != null) {
                Long parent = units.find(villageId).map(Unit::parentId).orElse(null);
                if (parent != null && next.contains(parent)) {
                    return new Place(parent, villageId, units.get(parent).provinceId(), Place.Method.VILLAGE);
                }
            }
            if (registerCommuneId != null && next.contains(registerCommuneId)) {
                return new Place(registerCommuneId, null, units.get(registerCommuneId).provinceId(),
                        Place.Method.REGISTER);
            }
        }
        return new Place(null, null, province(commune, next), Place.Method.UNPLACED);
    }

    /** The village when it lies in the commune and exists on the date, else null. */
    private Long villageOf(Long villageId, long communeId) {
        if (villageId == null) {
            return null;
        }
        return units.find(villageId).filter(v -> v.parentId() != null && v.parentId() == communeId && v.validOn(date))
                .map(Unit::id).orElse(null);
    }

    /** The communes (valid on the date) among these units. */
    private List<Long> communes(List<Long> ids) {
        return ids.stream().map(units::get).filter(u -> Unit.COMMUNE.equals(u.level()) && u.validOn(date))
                .map(Unit::id).distinct().toList();
    }

    /** The province of the date that holds the commune's households, when one can tell. */
    private Long province(Unit commune, List<Long> candidates) {
        Set<Long> provinces = new HashSet<>();
        for (long c : candidates) {
            provinces.add(units.get(c).provinceId());
        }
        if (provinces.size() == 1) {
            return provinces.iterator().next();
        }
        Unit own = units.get(commune.provinceId());
        if (own.validOn(date)) {
            return own.id();
        }
        List<Long> next = units.successors(own.id()).isEmpty() ? units.predecessors(own.id()) : units.successors(own.id());
        List<Long> valid = next.stream().filter(id -> units.get(id).validOn(date)).toList();
        return valid.size() == 1 ? valid.get(0) : null;
    }
}
