package vn.giamngheo.report.rules;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which communes of a report have a recognised list (a commune chair's decision, not revoked) for the report's
 * list year: {@link State#DECIDED} — a list of that very year is in force on its 31 December; {@link State#EARLIER}
 * — no list of the year, an earlier year's list still counts; {@link State#NONE} — no recognised list at all, so
 * the commune's poor and near-poor figures are unknown ("no data"), not zero.
 * <p>
 * The communes are those the report counts households in ({@link Results#communes()}); the decisions are placed on
 * the report's map: a commune valid on the map's date stays, an ended one goes to the units it became (all of them:
 * a split commune's list covers every part), a commune not yet created to the units it came from.
 */
public final class Coverage {

    public enum State { DECIDED, EARLIER, NONE }

    /** The recognised lists of a commune: a list year and the first year on whose 31 December it is in force. */
    public record ListRow(long communeId, int listYear, int fromYear) {
    }

    /** A commune of the report, its state and the list year its figures come from (null: none). */
    public record CommuneState(Unit commune, State state, Integer listYear) {
    }

    private final int year;
    private final List<CommuneState> communes;
    private final Map<State, Integer> counts;
    private final Set<Long> withData;

    private Coverage(int year, List<CommuneState> communes) {
        this.year = year;
        this.communes = List.copyOf(communes);
        Map<State, Integer> c = new java.util.EnumMap<>(State.class);
        for (State s : State.values()) {
            c.put(s, 0);
        }
        Set<Long> data = new HashSet<>();
        for (CommuneState s : communes) {
            c.merge(s.state(), 1, Integer::sum);
            if (s.state() != State.NONE) {
                data.addAll(s.commune().pathIds());
            }
        }
        this.counts = java.util.Collections.unmodifiableMap(c);
        this.withData = Set.copyOf(data);
    }

    /**
     * The coverage of a list year over the communes a report counts, from the lists (not revoked) of the provinces
     * read; {@code unitsDate} is the date of the report's map.
     */
    public static Coverage of(int year, UnitMap map, LocalDate unitsDate, Collection<Long> reportCommunes,
                              Collection<ListRow> lists) {
        Map<Long, Integer> latest = new HashMap<>();
        Set<Long> decided = new HashSet<>();
        Map<Long, List<Long>> targets = new HashMap<>();
        for (ListRow l : lists) {
            if (l.fromYear() > year || l.listYear() > year) {
                continue;
            }
            for (long target : targets.computeIfAbsent(l.communeId(), id -> onMap(map, id, unitsDate))) {
                latest.merge(target, l.listYear(), Math::max);
                if (l.listYear() == year) {
                    decided.add(target);
                }
            }
        }
        List<CommuneState> states = new ArrayList<>();
        for (long id : reportCommunes) {
            Unit commune = map.find(id).orElse(null);
            if (commune == null) {
                continue;
            }
            Integer listYear = latest.get(id);
            State state = decided.contains(id) ? State.DECIDED : listYear == null ? State.NONE : State.EARLIER;
            states.add(new CommuneState(commune, state, state == State.DECIDED ? Integer.valueOf(year) : listYear));
        }
        states.sort(Comparator.comparing((CommuneState s) -> s.commune().code()).thenComparing(s -> s.commune().id()));
        return new Coverage(year, states);
    }

    /** The communes of the map's date a commune's list covers: itself, else what it became, else what it came from. */
    static List<Long> onMap(UnitMap map, long communeId, LocalDate date) {
        Unit commune = map.find(communeId).orElse(null);
        if (commune == null) {
            return List.of();
        }
        if (commune.validOn(date)) {
            return List.of(communeId);
        }
        boolean ended = commune.validTo() != null && commune.validTo().isBefore(date);
        List<Long> found = new ArrayList<>();
        Deque<Long> next = new ArrayDeque<>(ended ? map.successors(communeId) : map.predecessors(communeId));
        Set<Long> seen = new HashSet<>();
        while (!next.isEmpty()) {
            long id = next.pop();
            if (!seen.add(id)) {
                continue;
            }
            Unit u = map.find(id).orElse(null);
            if (u == null || !Unit.COMMUNE.equals(u.level())) {
                continue;
            }
            if (u.validOn(date)) {
                found.add(id);
            } else {
                next.addAll(ended ? map.successors(id) : map.predecessors(id));
            }
        }
        return found;
    }

    /** Equal when the year and every commune's state are (reports are compared by value). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Coverage c && c.year == year && c.communes.equals(communes);
    }

    @Override
    public int hashCode() {
        return 31 * year + communes.hashCode();
    }

    @Override
    public String toString() {
        return "Coverage[" + year + ": " + counts + "]";
    }

    public int year() {
        return year;
    }

    /** Every commune the report counts, by code. */
    public List<CommuneState> communes() {
        return communes;
    }

    public int count(State state) {
        return counts.get(state);
    }

    public int total() {
        return communes.size();
    }

    /** Whether any commune has a recognised list in force (else the report's poor and near-poor figures are unknown). */
    public boolean hasData() {
        return count(State.DECIDED) + count(State.EARLIER) > 0;
    }

    /** Whether every commune counted has its list of the year. */
    public boolean complete() {
        return count(State.DECIDED) == communes.size();
    }

    /** Whether the report adds communes of different states (decided and undecided). */
    public boolean mixed() {
        return count(State.DECIDED) > 0 && count(State.DECIDED) < communes.size();
    }

    /** Whether a unit of the report (a province, district, commune or village) has a commune with a list in force. */
    public boolean hasData(Unit unit) {
        if (withData.contains(unit.id())) {
            return true;
        }
        return Unit.VILLAGE.equals(unit.level()) && unit.parentId() != null && withData.contains(unit.parentId());
    }

    /** The communes without a list of the year (earlier list or none), by code. */
    public List<CommuneState> undecided() {
        return communes.stream().filter(s -> s.state() != State.DECIDED).toList();
    }

    /** Of the communes counted on an earlier list: list year → number of communes, oldest first. */
    public Map<Integer, Integer> earlierYears() {
        Map<Integer, Integer> years = new TreeMap<>();
        for (CommuneState s : communes) {
            if (s.state() == State.EARLIER) {
                years.merge(s.listYear(), 1, Integer::sum);
            }
        }
        return years;
    }
}
