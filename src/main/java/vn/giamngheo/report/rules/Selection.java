package vn.giamngheo.report.rules;

import java.util.List;

/**
 * The unit a report is about (null: the whole country) and how its rows are chosen: the provinces under
 * the country, the units one level down under a province or district, the villages under a commune.
 * Households placed only in a province ({@link Place.Method#UNPLACED}) count in that province and the
 * country, in a row of their own under the province.
 */
public final class Selection {

    private final UnitMap units;
    private final Unit unit;
    /** The units of the map that stand for the unit when it was not on it (null: the unit itself). */
    private final List<Unit> roots;

    public Selection(UnitMap units, Unit unit) {
        this(units, unit, null);
    }

    /**
     * A unit drawn on a map it is not on (a 2025 province on the map of 2024): {@code roots} are the units of that
     * map it was formed from ({@link UnitMap#formedFrom}); they are the rows, their households the unit's.
     */
    public Selection(UnitMap units, Unit unit, List<Unit> roots) {
        this.units = units;
        this.unit = unit;
        this.roots = roots == null || roots.isEmpty() ? null : List.copyOf(roots);
    }

    public Unit unit() {
        return unit;
    }

    public boolean national() {
        return unit == null;
    }

    /** Whether households at this place belong to the selected unit. */
    public boolean covers(Place place) {
        if (roots != null) {
            return root(place) != null;
        }
        return covers(unit, place);
    }

    /** The root that covers a place, null when none does. */
    private Unit root(Place place) {
        for (Unit root : roots) {
            if (covers(root, place)) {
                return root;
            }
        }
        return null;
    }

    private boolean covers(Unit unit, Place place) {
        if (unit == null) {
            return true;
        }
        if (!place.placed()) {
            return Unit.PROVINCE.equals(unit.level()) && place.provinceId() != null && place.provinceId() == unit.id();
        }
        if (Unit.VILLAGE.equals(unit.level())) {
            return place.villageId() != null && place.villageId() == unit.id();
        }
        return units.get(place.communeId()).path().startsWith(unit.path());
    }

    /** The row a covered place is counted in. */
    public RowKey rowOf(Place place) {
        if (roots != null) {
            Unit root = root(place);
            return root == null ? RowKey.UNPLACED : RowKey.unit(root);
        }
        if (!place.placed()) {
            if (unit == null && place.provinceId() != null) {
                return RowKey.unit(units.get(place.provinceId()));
            }
            return RowKey.UNPLACED;
        }
        if (unit == null) {
            return RowKey.unit(units.get(units.get(place.communeId()).provinceId()));
        }
        if (Unit.VILLAGE.equals(unit.level())) {
            return RowKey.unit(unit);
        }
        if (Unit.COMMUNE.equals(unit.level())) {
            return place.villageId() == null ? RowKey.NO_VILLAGE : RowKey.unit(units.get(place.villageId()));
        }
        List<Long> path = units.get(place.communeId()).pathIds();
        int depth = unit.pathIds().size();
        return RowKey.unit(units.get(path.get(depth)));
    }

    /** A row of a report by unit: a unit, the households of no recorded village, or the unplaced households. */
    public record RowKey(Kind kind, Unit unit) {

        public enum Kind { UNIT, NO_VILLAGE, UNPLACED }

        static final RowKey NO_VILLAGE = new RowKey(Kind.NO_VILLAGE, null);
        static final RowKey UNPLACED = new RowKey(Kind.UNPLACED, null);

        static RowKey unit(Unit u) {
            return new RowKey(Kind.UNIT, u);
        }

        /** Units by code first, then households without a village, then unplaced households. */
        int rank() {
            return kind.ordinal();
        }
    }
}
