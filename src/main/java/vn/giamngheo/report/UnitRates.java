package vn.giamngheo.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.giamngheo.population.PopulationGroup;
import vn.giamngheo.population.PopulationGroups;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.Coverage;
import vn.giamngheo.report.rules.Placement;
import vn.giamngheo.report.rules.Results;
import vn.giamngheo.report.rules.Selection;
import vn.giamngheo.report.rules.Unit;
import vn.giamngheo.report.rules.UnitMap;
import vn.giamngheo.security.CurrentUser;

/**
 * The poverty rate of a unit at the end of each year of a range, with the same counting, placement and map
 * choice as the reports (for the plans' multi-year goals): the end of year Y is the lists in force on 1 January
 * of Y + 1 (the periodic review of Y decides them); the units are those of 31 December of Y ({@code own}) or
 * today's, the lists placed on them through the crosswalk ({@code today}). A year not yet ended, or whose map
 * does not hold the unit, has no figures; nor has a year end when no recognised list (a decision not revoked,
 * effective by that day) covers a commune counted in the unit, as the reports' coverage places the lists: its
 * households would all count without a status, a 0 % that is no figure.
 */
@Service
public class UnitRates {

    /** Households and poor of the decided lists at the end of a year; null counts when there are none. */
    public record YearEnd(int year, LocalDate listsOn, LocalDate unitsOn, Long households, Long poor) {
        public Double rate() {
            return households == null || households == 0 ? null : poor * 100.0 / households;
        }
    }

    private final ReportService reports;
    private final LiveReportData data;
    private final PopulationGroups groups;
    private final ReportData lists;

    UnitRates(ReportService reports, LiveReportData data, PopulationGroups groups, ReportData lists) {
        this.reports = reports;
        this.data = data;
        this.groups = groups;
        this.lists = lists;
    }

    /**
     * A year end's figures from the counts of the unit and whether a recognised list was in force in it: none
     * without a list (the households counted carry no status) or without a household counted.
     */
    static YearEnd yearEnd(int year, LocalDate listsOn, LocalDate unitsOn, Counts counts, boolean listInForce) {
        if (!listInForce || counts.households() == 0) {
            return new YearEnd(year, listsOn, unitsOn, null, null);
        }
        return new YearEnd(year, listsOn, unitsOn, counts.households(), counts.poor());
    }

    /** Whether the text names a map: {@code own} or {@code today}. */
    public static boolean validBoundaries(String text) {
        return text != null && Set.of("own", "today").contains(text.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * @throws NoSuchElementException when the unit does not exist or lies outside the user's area (also through
     *                                the crosswalk)
     * @throws IllegalArgumentException when the boundaries are neither {@code own} nor {@code today}
     */
    public List<YearEnd> yearEnds(long unitId, int fromYear, int toYear, String boundaries, CurrentUser user) {
        return yearEnds(unitId, fromYear, toYear, boundaries, PopulationGroup.ALL, user);
    }

    /**
     * {@link #yearEnds(long, int, int, String, CurrentUser)} for a population group: the group's households and poor
     * households (its own denominator), the members' ages taken on the day the lists are counted.
     */
    public List<YearEnd> yearEnds(long unitId, int fromYear, int toYear, String boundaries, PopulationGroup group,
                                  CurrentUser user) {
        if (!validBoundaries(boundaries)) {
            throw new IllegalArgumentException("boundaries must be own or today, not '" + boundaries + "'");
        }
        Boundaries b = Boundaries.parse(boundaries);
        UnitMap map = reports.map();
        Unit unit = map.find(unitId).filter(u -> ReportService.inArea(map, u, user.scope()))
                .orElseThrow(() -> new NoSuchElementException("no unit " + unitId + " in the user's area"));
        Set<String> provinces = ReportService.provinces(map, unit);
        LocalDate today = reports.today();
        List<YearEnd> years = new ArrayList<>();
        for (int y = fromYear; y <= toYear; y++) {
            LocalDate listsOn = LocalDate.of(y + 1, 1, 1);
            LocalDate unitsOn = b == Boundaries.OWN ? LocalDate.of(y, 12, 31) : today;
            if (listsOn.isAfter(today) || !unit.validOn(unitsOn)) {
                years.add(new YearEnd(y, listsOn, unitsOn, null, null));
                continue;
            }
            List<vn.giamngheo.report.rules.Cell> cells = group == PopulationGroup.ALL ? data.cells(provinces, listsOn)
                    : data.cells(provinces, listsOn, groups.predicate(group, "h", listsOn));
            Results results = Results.of(map, new Placement(map, unitsOn), new Selection(map, unit), cells);
            boolean listed = Coverage.of(listsOn.getYear(), map, unitsOn, results.communes().keySet(),
                    lists.listsInForce(provinces, listsOn)).hasData();
            years.add(yearEnd(y, listsOn, unitsOn, results.total().all(), listed));
        }
        return years;
    }
}
