package vn.giamngheo.report;

import vn.giamngheo.geography.UnitOutsideAreaException;
import vn.giamngheo.areaclass.AreaClass;
import vn.giamngheo.areaclass.AreaClasses;
import vn.giamngheo.population.PopulationGroup;
import vn.giamngheo.population.PopulationGroups;
import vn.giamngheo.population.UnknownPopulationGroupException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.giamngheo.standard.rules.PovertyStandard;
import vn.giamngheo.exchange.PovertyCause;
import vn.giamngheo.geography.GeographyCatalog;
import vn.giamngheo.report.rules.CodeTally;
import vn.giamngheo.report.rules.Counts;
import vn.giamngheo.report.rules.Coverage;
import vn.giamngheo.report.rules.Placement;
import vn.giamngheo.report.rules.RateBands;
import vn.giamngheo.report.rules.Results;
import vn.giamngheo.report.rules.Selection;
import vn.giamngheo.report.rules.StatusGroup;
import vn.giamngheo.report.rules.Unit;
import vn.giamngheo.report.rules.UnitMap;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.setting.Parameters;
import vn.giamngheo.standard.StandardRegistry;

/**
 * The report set for a unit and a list year on the chosen map: {@link ReportData} reads the counts of 31 December
 * of the year from the aggregates the triggers and the decisions' catch-up keep (fresh: every change shows at once),
 * the pure rules place and arrange. Access: the unit must lie in the user's area (a unit of an
 * earlier map is in the area when a unit it became is); otherwise it is not found.
 * <p>
 * The results and code groups are kept in {@link ReportCache}, validated on every request by the version key
 * of the aggregates, which {@link #compute} reads before any aggregate: the reports stay as fresh as without it.
 */
@Service
class ReportService {

    static final String BANDS_PARAMETER = "report.rate_bands";
    static final int FIRST_YEAR = 2000;

    private final ReportData data;
    private final ReportUnits units;
    private final GeographyCatalog geography;
    private final Parameters parameters;
    private final StandardRegistry standards;
    private final ReportCache cache;
    private final LiveReportData live;
    private final PopulationGroups populationGroups;
    private final AreaClasses areaClasses;
    private final vn.giamngheo.people.PeopleFigures people;
    /** The credit and labour-export section's figures (set by the container; null in tests that build the service). */
    private vn.giamngheo.credit.CreditLabourSection credit;
    /** Runs between reading the version key and reading the aggregates (the tests of the read order put a change there). */
    volatile Runnable betweenReads = () -> { };

    /** Without the people section (tests of the household figures build the service so). */
    ReportService(ReportData data, ReportUnits units, GeographyCatalog geography, Parameters parameters,
                  StandardRegistry standards, ReportCache cache, LiveReportData live, PopulationGroups populationGroups,
                  AreaClasses areaClasses) {
        this(data, units, geography, parameters, standards, cache, live, populationGroups, areaClasses, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    ReportService(ReportData data, ReportUnits units, GeographyCatalog geography, Parameters parameters,
                  StandardRegistry standards, ReportCache cache, LiveReportData live, PopulationGroups populationGroups,
                  AreaClasses areaClasses, vn.giamngheo.people.PeopleFigures people) {
        this.data = data;
        this.units = units;
        this.geography = geography;
        this.parameters = parameters;
        this.standards = standards;
        this.cache = cache;
        this.live = live;
        this.populationGroups = populationGroups;
        this.areaClasses = areaClasses;
        this.people = people;
    }

    @org.springframework.beans.factory.annotation.Autowired
    void setCredit(vn.giamngheo.credit.CreditLabourSection credit) {
        this.credit = credit;
    }

    LocalDate today() {
        return geography.today();
    }

    /** Resolves and checks a request: unit in the area and on the chosen map, year in range. */
    ReportContext context(Long unitId, Integer year, String boundaries, CurrentUser user) {
        return context(unitId, year, boundaries, null, user);
    }

    /**
     * {@link #context(Long, Integer, String, CurrentUser)} for a population group ({@code group}: its code, blank =
     * every household; an unknown code is refused in words).
     */
    ReportContext context(Long unitId, Integer year, String boundaries, String group, CurrentUser user) {
        return context(unitId, year, boundaries, group, null, false, user);
    }

    /**
     * A request for a population group and an area class ({@code areaClass}: a code of the catalogue, blank = every
     * unit; an unknown code is refused in words), the results broken down by class when {@code byClass}.
     */
    ReportContext context(Long unitId, Integer year, String boundaries, String group, String areaClass, boolean byClass,
                          CurrentUser user) {
        String classCode = areaClass == null || areaClass.isBlank() ? null : areaClass.strip();
        if (classCode != null && areaClasses.find(classCode).isEmpty()) {
            throw new InvalidReportException("areaClass must be one of " + String.join(", ",
                    areaClasses.catalogue().stream().map(AreaClass::code).toList()) + ", not '" + areaClass + "'");
        }
        PopulationGroup populationGroup;
        try {
            populationGroup = PopulationGroup.parse(group);
        } catch (UnknownPopulationGroupException e) {
            throw new InvalidReportException(e.getMessage());
        }
        Boundaries b = Boundaries.parse(boundaries);
        UnitMap map = units.map();
        AccessScope scope = user.scope();
        int listYear;
        if (year == null) {
            listYear = today().getYear();
        } else if (year < FIRST_YEAR || year > today().getYear() + 1) {
            throw new InvalidReportException("year must be from " + FIRST_YEAR + " to " + (today().getYear() + 1)
                    + ", not " + year);
        } else {
            listYear = year;
        }
        LocalDate listDate = LocalDate.of(listYear, 12, 31);
        LocalDate unitsDate = b == Boundaries.OWN ? listDate : today();
        Unit unit;
        if (unitId == null) {
            unit = scope.national() ? null : map.get(scope.unitId());
        } else {
            unit = map.find(unitId).orElseThrow(() -> new UnitOutsideAreaException(unitId));
            if (!inArea(map, unit, scope)) {
                throw new UnitOutsideAreaException(unitId);
            }
        }
        List<Unit> roots = List.of();
        if (unit != null && !unit.validOn(unitsDate)) {
            roots = onMap(map, unit, unitsDate, listYear);
        }
        List<Unit> trail = new ArrayList<>();
        if (unit != null) {
            for (long id : unit.pathIds()) {
                trail.add(map.get(id));
            }
        }
        return new ReportContext(unit, listYear, b, listDate, unitsDate, decision59(listYear, unit),
                Collections.unmodifiableList(trail), provinces(map, unit), roots, populationGroup, classCode, byClass);
    }

    /**
     * The units of the map of {@code date} that stand for a unit not on it: for a unit formed later (a 2025
     * province or commune on the map of 2024), the units it was formed from, each a row of the report; refused in
     * words when it came from none (a village founded later: the units it belonged to are named), or when the unit
     * ended before the date (the units it became are named).
     */
    static List<Unit> onMap(UnitMap map, Unit unit, LocalDate date, int year) {
        if (unit.validTo() != null && unit.validTo().isBefore(date)) {
            throw UnitNotOnMapException.ended(unit, date, became(map, unit, date));
        }
        List<Unit> from = map.formedFrom(unit.id(), date);
        if (!from.isEmpty()) {
            return from;
        }
        // the nearest unit above it that is on the map, or was formed from units of the map
        List<Unit> then = List.of();
        for (Unit u = unit; then.isEmpty() && u.parentId() != null; ) {
            u = map.get(u.parentId());
            then = u.validOn(date) ? List.of(u) : map.formedFrom(u.id(), date);
        }
        throw UnitNotOnMapException.notYet(unit, year, then);
    }

    /** The units on the map of the date that an ended unit became (its successors, theirs as far as needed). */
    private static List<Unit> became(UnitMap map, Unit unit, LocalDate date) {
        Set<Long> seen = new HashSet<>();
        java.util.Set<Unit> found = new java.util.LinkedHashSet<>();
        java.util.Deque<Long> next = new java.util.ArrayDeque<>(map.successors(unit.id()));
        while (!next.isEmpty()) {
            long id = next.poll();
            if (seen.add(id)) {
                Unit u = map.get(id);
                if (u.validOn(date)) {
                    found.add(u);
                } else {
                    next.addAll(map.successors(id));
                }
            }
        }
        return found.stream().sorted(java.util.Comparator.comparing(Unit::code)).toList();
    }

    ReportSet compute(ReportContext ctx, ReportKind kind) {
        // The version key FIRST, then the aggregates. Under READ COMMITTED each statement sees what was committed
        // when it began: aggregates read after the key are at least as new as the key, so a change committed in
        // between only makes this request's figures newer than their key (the next request reads a larger key and
        // computes again). Read the other way round, old figures could be cached under a newer key and served
        // after the change.
        ReportUnits.Reading reading = units.read(ctx.provinces());
        betweenReads.run();
        UnitMap map = reading.map();
        Placement placement = cache.placement(map, ctx.unitsDate());
        Selection selection = selection(map, ctx, ctx.unitsDate());
        Results results = results(reading, ctx, ctx.year(), ctx.unitsDate());
        long poor = results.total().all().poor();
        long nearPoor = results.total().all().nearPoor();
        Coverage coverage = coverage(reading, ctx, ctx.year(), ctx.unitsDate(), results);
        String standard = standard(ctx);
        Map<Integer, String> listStandards = new java.util.TreeMap<>();
        for (int y : coverage.earlierYears().keySet()) {
            standards.scheduledCode(y, ctx.provinceCode()).ifPresent(code -> listStandards.put(y, code));
        }
        return switch (kind) {
            case RESULTS -> new ReportSet(ctx, kind, results, null, null, null, null, null, coverage, standard, listStandards,
                    ctx.byClass() ? byClass(ctx, map, ctx.year(), ctx.unitsDate()) : null, null, null);
            case BANDS -> new ReportSet(ctx, kind, results, bands().tally(results.communes()), null, null, null, null,
                    coverage, standard, listStandards);
            case DEPRIVATIONS -> {
                var groups = groups(reading, ctx, "deprived", () -> ctx.group() == PopulationGroup.ALL
                        ? data.deprivations(ctx.provinces(), ctx.year())
                        : live.deprivations(ctx.provinces(), ctx.listDate(), groupPredicate(ctx.group(), ctx.listDate())));
                Map<String, String> dims = dimensions(ctx);
                yield new ReportSet(ctx, kind, results, null,
                        CodeTally.indicators(placement, selection, groups, dims, poor, nearPoor),
                        CodeTally.dimensions(placement, selection, groups, dims, otherDimensions(), poor, nearPoor), null, null,
                        coverage, standard, listStandards);
            }
            case CAUSES -> {
                var groups = groups(reading, ctx, "cause", () -> ctx.group() == PopulationGroup.ALL
                        ? data.causes(ctx.provinces(), ctx.year())
                        : live.causes(ctx.provinces(), ctx.listDate(), groupPredicate(ctx.group(), ctx.listDate())));
                List<String> order = java.util.Arrays.stream(PovertyCause.values()).map(c -> c.name().toLowerCase()).toList();
                yield new ReportSet(ctx, kind, results, null, null, null,
                        CodeTally.codes(placement, selection, groups, order, poor, nearPoor), null, coverage, standard, listStandards);
            }
            case TRENDS -> new ReportSet(ctx, kind, results, null, null, null, null, trend(ctx, reading), coverage, standard, listStandards);
            case PEOPLE -> new ReportSet(ctx, kind, results, null, null, null, null, null, coverage, standard, listStandards,
                    null, people(ctx), null);
            case CREDIT -> new ReportSet(ctx, kind, results, null, null, null, null, null, coverage, standard, listStandards,
                    null, null, credit(ctx));
        };
    }

    /** The version key of the aggregates a report of the context is computed from (changes with every decided list). */
    long dataVersion(ReportContext ctx) {
        return units.read(ctx.provinces()).version().sum();
    }

    /** The area classes a report can be filtered or broken down by, in the catalogue's order. */
    List<AreaClass> areaClassCatalogue() {
        return areaClasses.catalogue();
    }

    /**
     * The people section of the context's unit: members of the households the register places in its subtree, on the
     * list date (31 December of the year), one row per unit one level down (vn.giamngheo.people).
     */
    vn.giamngheo.people.PeopleFigures.Section people(ReportContext ctx) {
        Unit unit = ctx.unit();
        vn.giamngheo.geography.AreaFilter area = unit == null ? vn.giamngheo.geography.AreaFilter.country()
                : vn.giamngheo.geography.AreaFilter.under(unit.path(), unit.provinceCode());
        return people.section(area, unit == null ? null : unit.level(), unit == null ? 0 : unit.pathIds().size(),
                ctx.listDate());
    }

    /**
     * The credit and labour-export section of the context's unit on the list date (31 December of the year), the
     * period from 1 January: one row per unit one level down (vn.giamngheo.credit); a village's through its commune.
     */
    vn.giamngheo.credit.CreditLabourSection.Section credit(ReportContext ctx) {
        Unit unit = ctx.unit();
        if (unit == null) {
            return credit.section(vn.giamngheo.geography.AreaFilter.country(), null, 0, null, ctx.listDate());
        }
        boolean village = "village".equals(unit.level());
        String path = village ? unit.path().substring(0, unit.path().lastIndexOf('/', unit.path().length() - 2) + 1)
                : unit.path();
        return credit.section(vn.giamngheo.geography.AreaFilter.under(path, unit.provinceCode()), unit.level(),
                unit.pathIds().size(), village ? unit.id() : null, ctx.listDate());
    }

    /** The standard scheduled for the context's list year in its province (the country's for a national report). */
    String standard(ReportContext ctx) {
        return standards.scheduledCode(ctx.year(), ctx.provinceCode()).orElse(null);
    }

    /**
     * Which communes counted in the results have a recognised list for the year: from the lists of the provinces
     * (a few rows per commune and year, read once per version key and kept in the cache like the results).
     */
    private Coverage coverage(ReportUnits.Reading reading, ReportContext ctx, int year, LocalDate unitsDate, Results results) {
        List<Coverage.ListRow> lists = reading.writing() ? data.lists(ctx.provinces())
                : cache.lists(new ReportCache.ListsKey(ctx.provinces(), reading.version()), () -> data.lists(ctx.provinces()));
        return Coverage.of(year, reading.map(), unitsDate, results.communes().keySet(), lists);
    }

    /** The results of the context's unit for a year on the map of a date, cached unless the transaction has written. */
    private Results results(ReportUnits.Reading reading, ReportContext ctx, int year, LocalDate unitsDate) {
        UnitMap map = reading.map();
        java.util.function.Supplier<Results> compute = () -> Results.of(map, cache.placement(map, unitsDate),
                selection(map, ctx, unitsDate), inClass(ctx.areaClass(), year, cells(ctx, year)));
        if (reading.writing() || ctx.group() != PopulationGroup.ALL || ctx.areaClass() != null) {
            return compute.get();
        }
        return cache.results(new ReportCache.ResultsKey(ctx.provinces(), year, unitsDate, ctx.unitId(), map,
                reading.version(), ctx.group().code()), compute);
    }

    /**
     * The rows of the context's unit on the map of a date: the unit, or (a unit formed after the date) the units
     * of that map it was formed from; the cache keys on unit and date, which decide them.
     */
    private static Selection selection(UnitMap map, ReportContext ctx, LocalDate unitsDate) {
        Unit unit = selected(map, ctx);
        return new Selection(map, unit, unit == null || unit.validOn(unitsDate) ? null : map.formedFrom(unit.id(), unitsDate));
    }

    /** The context's unit as the current map has it (the map may have been read again since the context). */
    private static Unit selected(UnitMap map, ReportContext ctx) {
        return ctx.unit() == null ? null : map.find(ctx.unit().id()).orElse(ctx.unit());
    }

    private List<StatusGroup> groups(ReportUnits.Reading reading, ReportContext ctx, String kind,
                                     java.util.function.Supplier<List<StatusGroup>> read) {
        if (ctx.areaClass() != null) {
            Set<Long> units = classUnits(ctx.areaClass(), ctx.year());
            return read.get().stream().filter(g -> inUnits(units, g.communeId(), g.villageId(), g.registerCommuneId())).toList();
        }
        if (reading.writing() || ctx.group() != PopulationGroup.ALL) {
            return read.get();
        }
        return cache.groups(new ReportCache.GroupsKey(ctx.provinces(), ctx.year(), kind, reading.version(),
                ctx.group().code()), read);
    }

    /**
     * The counts of a year's 31 December: every household from the aggregates; a population group's households
     * counted live (the aggregates do not know the groups), the members' ages taken on that day. A group's figures
     * are not kept in the cache: they also move with edits of members (sex, birth date, disability, the head) and
     * of the elderly age, which do not move the aggregates' version key; the cache keys carry the group so that
     * an entry of one group can never answer for another.
     */
    private List<vn.giamngheo.report.rules.Cell> cells(ReportContext ctx, int year) {
        if (ctx.group() == PopulationGroup.ALL) {
            return data.cells(ctx.provinces(), year);
        }
        LocalDate day = LocalDate.of(year, 12, 31);
        return live.cells(ctx.provinces(), day, groupPredicate(ctx.group(), day));
    }

    /**
     * The cells recorded in the communes and villages holding the class on the year's 31 December (after the
     * merged-commune rule of {@code areaclass}), or whose register commune holds it; all of them without a class.
     * The holders are asked for the whole country: the report's own selection (checked in the user's area) already
     * limits the rows to the unit asked for. Not cached: the lists of classes change without moving the aggregates.
     */
    private List<vn.giamngheo.report.rules.Cell> inClass(String classCode, int year,
                                                         List<vn.giamngheo.report.rules.Cell> cells) {
        if (classCode == null) {
            return cells;
        }
        Set<Long> units = classUnits(classCode, year);
        return cells.stream().filter(c -> inUnits(units, c.communeId(), c.villageId(), c.registerCommuneId())).toList();
    }

    /** The holders of a class on the year's 31 December. */
    private Set<Long> classUnits(String classCode, int year) {
        return areaClasses.unitsWith(classCode, LocalDate.of(year, 12, 31), AccessScope.NATIONAL);
    }

    private static boolean inUnits(Set<Long> units, long commune, Long village, Long registerCommune) {
        return units.contains(commune) || (village != null && units.contains(village))
                || (registerCommune != null && units.contains(registerCommune));
    }

    /** The totals of the context's unit in each class of the catalogue (one reading of the cells). */
    private List<ReportSet.ClassCounts> byClass(ReportContext ctx, UnitMap map, int year, LocalDate unitsDate) {
        List<vn.giamngheo.report.rules.Cell> cells = inClass(ctx.areaClass(), year, cells(ctx, year));
        List<ReportSet.ClassCounts> out = new ArrayList<>();
        for (AreaClass c : areaClasses.catalogue()) {
            List<vn.giamngheo.report.rules.Cell> in = inClass(c.code(), year, cells);
            out.add(new ReportSet.ClassCounts(c, Results.of(map, cache.placement(map, unitsDate), selection(map, ctx, unitsDate), in)
                    .total().all()));
        }
        return out;
    }

    /** The population group's predicate over the household alias {@code h} of the live queries. */
    private String groupPredicate(PopulationGroup group, LocalDate day) {
        return populationGroups.predicate(group, "h", day);
    }

    /** Totals of the unit for every list year with decided lists, each year's lists at 31 December. */
    List<ReportSet.TrendYear> trend(ReportContext ctx, ReportUnits.Reading reading) {
        List<ReportSet.TrendYear> years = new ArrayList<>();
        for (int y : data.years(ctx.provinces())) {
            LocalDate listDate = LocalDate.of(y, 12, 31);
            LocalDate unitsDate = ctx.boundaries() == Boundaries.OWN ? listDate : ctx.unitsDate();
            if (ctx.unit() != null && !ctx.unit().validOn(unitsDate)
                    && reading.map().formedFrom(ctx.unit().id(), unitsDate).isEmpty()) {
                years.add(new ReportSet.TrendYear(y, null, null));
                continue;
            }
            Results r = results(reading, ctx, y, unitsDate);
            years.add(new ReportSet.TrendYear(y, r.total().all(), coverage(reading, ctx, y, unitsDate, r)));
        }
        return years;
    }

    RateBands bands() {
        try {
            return RateBands.parse(parameters.text(BANDS_PARAMETER));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("parameter " + BANDS_PARAMETER + " is not a list of bounds: " + e.getMessage(), e);
        }
    }

    /** Children of the unit on the map of the date, for the drill-down choices. */
    List<Unit> children(ReportContext ctx) {
        UnitMap map = units.map();
        return map.children(ctx.unitId()).stream().filter(u -> u.validOn(ctx.unitsDate()))
                .sorted(java.util.Comparator.comparing(Unit::code)).toList();
    }

    UnitMap map() {
        return units.map();
    }

    /** Indicator → dimension of the standard scheduled for the year (empty when none is). */
    Map<String, String> dimensions(ReportContext ctx) {
        Map<String, String> dims = new LinkedHashMap<>();
        try {
            PovertyStandard s = standards.standardForList(ctx.year(), ctx.provinceCode());
            for (String indicator : s.indicators()) {
                dims.put(indicator, s.parameter("dimension." + indicator).map(p -> p.value().strip()).orElse(indicator));
            }
        } catch (IllegalStateException e) {
            // no standard scheduled for the year: indicators are shown as recorded, each its own dimension
        }
        return dims;
    }

    /** Indicator → dimension of every standard in the catalogue (for indicators of older lists). */
    Map<String, String> otherDimensions() {
        Map<String, String> dims = new LinkedHashMap<>();
        var catalog = standards.catalog();
        for (String code : new java.util.TreeSet<>(catalog.codes())) {
            catalog.standard(code).ifPresent(s -> s.indicators().forEach(i -> dims.putIfAbsent(i,
                    s.parameter("dimension." + i).map(p -> p.value().strip()).orElse(i))));
        }
        return dims;
    }

    private boolean decision59(int year, Unit unit) {
        return standards.scheduledCode(year, unit == null ? null : unit.provinceCode())
                .map(c -> c.startsWith("QD59")).orElse(false);
    }

    /** In the area: under the user's unit, or (a unit of an earlier map) one of the units it became is. */
    static boolean inArea(UnitMap map, Unit unit, AccessScope scope) {
        if (scope.contains(unit.path())) {
            return true;
        }
        Set<Long> seen = new HashSet<>();
        List<Long> next = new ArrayList<>(map.successors(unit.id()));
        if (Unit.VILLAGE.equals(unit.level()) && unit.parentId() != null) {
            next.addAll(map.successors(unit.parentId()));   // a village of an old commune: where its commune went
        }
        if (Unit.DISTRICT.equals(unit.level())) {
            for (Unit c : map.children(unit.id())) {
                next.addAll(map.successors(c.id()));
            }
        }
        for (Long id : next) {
            if (seen.add(id) && map.find(id).map(u -> scope.contains(u.path())).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** The province partitions that can hold households of the unit: its own and those of its province's successors and predecessors. */
    static Set<String> provinces(UnitMap map, Unit unit) {
        if (unit == null) {
            return null;
        }
        Set<String> codes = new HashSet<>();
        Unit province = map.get(unit.provinceId());
        codes.add(province.provinceCode());
        for (long id : map.successors(province.id())) {
            codes.add(map.get(id).provinceCode());
        }
        for (long id : map.predecessors(province.id())) {
            codes.add(map.get(id).provinceCode());
        }
        return Set.copyOf(codes);
    }
}
