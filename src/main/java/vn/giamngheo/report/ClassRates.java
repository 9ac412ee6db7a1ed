package vn.giamngheo.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import vn.giamngheo.areaclass.AreaClasses;
import vn.giamngheo.population.PopulationGroup;
import vn.giamngheo.population.PopulationGroups;
import vn.giamngheo.report.rules.Cell;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.Coverage;
import vn.giamngheo.report.rules.Placement;
import vn.giamngheo.report.rules.Results;
import vn.giamngheo.report.rules.Selection;
import vn.giamngheo.report.rules.Unit;
import vn.giamngheo.report.rules.UnitMap;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;

/**
 * The rates of the units holding area classes at the end of each year of a range, for the goals set on area classes
 * and the programme's goals, counted and placed as the reports and {@link UnitRates} count them: the end of year Y
 * is the lists in force on 1 January of Y + 1, placed on the map of 31 December of Y; the holders are those of
 * {@link AreaClasses#unitsWith} on 31 December of Y (so the merged-commune rule applies), within the unit asked for.
 * Each holding commune also gets its rate at the end of the year before, counted on the same map of Y (the lists of
 * 1 January of Y placed through the crosswalk), so that its fall in the year is measured on one map. As in
 * {@link UnitRates}, a year end with no recognised list in force covering a commune has no figure for it (its
 * households would count without a status: 0 %), nor a total without a list for any holder.
 */
@Service
public class ClassRates {

    /** A commune holding the class at the end of a year: poor and households then and a year before (null: none). */
    public record Holder(long unitId, String code, String name, Long householdsBefore, Long poorBefore, Long households,
                         Long poor) {
    }

    /**
     * The end of a year: {@code ended} false when its lists are not decided yet; the households and poor of every
     * holder (communes and villages) within the unit, and the holding communes one by one (by code).
     */
    public record ClassYear(int year, LocalDate listsOn, LocalDate classesOn, boolean ended, Long households, Long poor,
                            List<Holder> communes) {
    }

    private final ReportService reports;
    private final LiveReportData data;
    private final PopulationGroups groups;
    private final AreaClasses areaClasses;
    private final ReportData lists;

    ClassRates(ReportService reports, LiveReportData data, PopulationGroups groups, AreaClasses areaClasses,
               ReportData lists) {
        this.reports = reports;
        this.data = data;
        this.groups = groups;
        this.areaClasses = areaClasses;
        this.lists = lists;
    }

    /**
     * The years {@code fromYear}..{@code toYear} for the holders of any of {@code classCodes} under the unit.
     *
     * @param perCommune also count each holding commune (and its year before)
     * @throws NoSuchElementException when the unit does not exist or lies outside the user's area
     */
    public List<ClassYear> years(long unitId, Collection<String> classCodes, int fromYear, int toYear, PopulationGroup group,
                                 boolean perCommune, CurrentUser user) {
        UnitMap map = reports.map();
        Unit unit = map.find(unitId).filter(u -> ReportService.inArea(map, u, user.scope()))
                .orElseThrow(() -> new NoSuchElementException("no unit " + unitId + " in the user's area"));
        Set<String> provinces = ReportService.provinces(map, unit);
        LocalDate today = reports.today();
        List<ClassYear> years = new ArrayList<>();
        for (int y = fromYear; y <= toYear; y++) {
            LocalDate listsOn = LocalDate.of(y + 1, 1, 1);
            LocalDate day = LocalDate.of(y, 12, 31);
            if (listsOn.isAfter(today)) {
                years.add(new ClassYear(y, listsOn, day, false, null, null, List.of()));
                continue;
            }
            List<Unit> roots = unit.validOn(day) ? List.of(unit) : map.formedFrom(unit.id(), day);
            Set<Long> holders = holders(map, roots, classCodes, day);
            Placement placement = new Placement(map, day);
            Selection selection = new Selection(map, unit, unit.validOn(day) ? null : roots);
            List<Cell> cells = cells(provinces, listsOn, group);
            List<Cell> held = cells.stream().filter(c -> holders.contains(c.communeId())
                    || (c.villageId() != null && holders.contains(c.villageId()))
                    || (c.registerCommuneId() != null && holders.contains(c.registerCommuneId()))).toList();
            Results heldResults = Results.of(map, placement, selection, held);
            // as UnitRates: without a recognised list in force the households counted carry no status (no figure)
            Counts total = listed(map, day, provinces, listsOn, heldResults.communes().keySet()).isEmpty() ? Counts.ZERO
                    : heldResults.total().all();
            List<Holder> communes = List.of();
            if (perCommune) {
                Results after = Results.of(map, placement, selection, cells);
                LocalDate beforeOn = LocalDate.of(y, 1, 1);
                Results before = beforeOn.isAfter(today) ? null
                        : Results.of(map, placement, selection, cells(provinces, beforeOn, group));
                Set<Long> listedAfter = listed(map, day, provinces, listsOn, after.communes().keySet());
                Set<Long> listedBefore = before == null ? Set.of()
                        : listed(map, day, provinces, beforeOn, before.communes().keySet());
                communes = holders.stream().map(map::get).filter(h -> Unit.COMMUNE.equals(h.level()))
                        .sorted(Comparator.comparing(Unit::code))
                        .map(h -> holder(h, before == null || !listedBefore.contains(h.id()) ? null : before.communes().get(h.id()),
                                listedAfter.contains(h.id()) ? after.communes().get(h.id()) : null))
                        .toList();
            }
            years.add(new ClassYear(y, listsOn, day, true, total.households() == 0 ? null : total.households(),
                    total.households() == 0 ? null : total.poor(), communes));
        }
        return years;
    }

    /**
     * The ids of the communes under the unit holding any of the classes on the day (the map of that day).
     *
     * @throws NoSuchElementException when the unit does not exist or lies outside the user's area
     */
    public Set<Long> communesHolding(long unitId, Collection<String> classCodes, LocalDate day, CurrentUser user) {
        UnitMap map = reports.map();
        Unit unit = map.find(unitId).filter(u -> ReportService.inArea(map, u, user.scope()))
                .orElseThrow(() -> new NoSuchElementException("no unit " + unitId + " in the user's area"));
        Set<Long> holders = holders(map, unit.validOn(day) ? List.of(unit) : map.formedFrom(unit.id(), day), classCodes, day);
        holders.removeIf(id -> !Unit.COMMUNE.equals(map.get(id).level()));
        return holders;
    }

    private Set<Long> holders(UnitMap map, List<Unit> roots, Collection<String> classCodes, LocalDate day) {
        Set<Long> holders = new TreeSet<>();
        for (String code : classCodes) {
            for (long id : areaClasses.unitsWith(code, day, AccessScope.NATIONAL)) {
                map.find(id).filter(h -> roots.stream().anyMatch(r -> r.contains(h))).ifPresent(h -> holders.add(h.id()));
            }
        }
        return holders;
    }

    /**
     * Of the communes counted, those a recognised list in force on the day covers (placed on the map of
     * {@code unitsOn} as the reports' coverage places them).
     */
    private Set<Long> listed(UnitMap map, LocalDate unitsOn, Set<String> provinces, LocalDate on, Collection<Long> communes) {
        Coverage coverage = Coverage.of(on.getYear(), map, unitsOn, communes, lists.listsInForce(provinces, on));
        Set<Long> listed = new java.util.HashSet<>();
        for (Coverage.CommuneState c : coverage.communes()) {
            if (c.state() != Coverage.State.NONE) {
                listed.add(c.commune().id());
            }
        }
        return listed;
    }

    private List<Cell> cells(Set<String> provinces, LocalDate on, PopulationGroup group) {
        return group == PopulationGroup.ALL ? data.cells(provinces, on) : data.cells(provinces, on, groups.predicate(group, "h", on));
    }

    private static Holder holder(Unit h, Counts before, Counts after) {
        boolean hasBefore = before != null && before.households() > 0;
        boolean hasAfter = after != null && after.households() > 0;
        return new Holder(h.id(), h.code(), h.name(), hasBefore ? before.households() : null, hasBefore ? before.poor() : null,
                hasAfter ? after.households() : null, hasAfter ? after.poor() : null);
    }
}
