package vn.giamngheo.report.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results by unit: one row per unit below the selected one with its figures overall, urban and rural,
 * the totals, the households of each commune (for the bands) and how many households each placement
 * method placed.
 */
public record Results(List<Row> rows, Row total, Map<Long, Counts> communes, Map<Place.Method, Long> methods) {

    public static final String URBAN = "urban";
    public static final String RURAL = "rural";

    /** One row: {@code unit} is null for the "no village" and "unplaced" rows. */
    public record Row(Selection.RowKey key, Counts all, Counts urban, Counts rural) {

        Row add(String area, Counts c) {
            return new Row(key, all.plus(c), URBAN.equals(area) ? urban.plus(c) : urban,
                    URBAN.equals(area) ? rural : rural.plus(c));
        }

        public Counts section(String area) {
            return area == null ? all : URBAN.equals(area) ? urban : rural;
        }
    }

    public static Results of(UnitMap units, Placement placement, Selection selection, List<Cell> cells) {
        Map<Selection.RowKey, Slot> rows = new HashMap<>();
        Row total = new Row(null, Counts.ZERO, Counts.ZERO, Counts.ZERO);
        Map<Long, Counts> communes = new HashMap<>();
        Map<Place.Method, Long> methods = new EnumMap<>(Place.Method.class);
        // a province has thousands of cells but far fewer places: each place is placed and given its row once, and
        // keeps that row's slot, so that a cell is added to its row without looking the row up again
        Map<List<Object>, Target> targets = new HashMap<>();
        for (Cell cell : cells) {
            Target target = targets.computeIfAbsent(java.util.Arrays.asList(cell.communeId(), cell.villageId(),
                    cell.registerCommuneId()), k -> Target.of(placement.place(cell.communeId(), cell.villageId(),
                    cell.registerCommuneId()), selection, rows));
            if (target.slot() == null) {
                continue;
            }
            Place place = target.place();
            String area = area(units, cell, place);
            Slot slot = target.slot();
            slot.row = slot.row.add(area, cell.counts());
            total = total.add(area, cell.counts());
            if (place.placed()) {
                communes.merge(place.communeId(), cell.counts(), Counts::plus);
            }
            methods.merge(place.how(), cell.counts().households(), Long::sum);
        }
        List<Row> ordered = new ArrayList<>(rows.size());
        for (Slot slot : rows.values()) {
            ordered.add(slot.row);
        }
        ordered.sort(Comparator.comparingInt((Row r) -> r.key().rank())
                .thenComparing(r -> r.key().unit() == null ? "" : r.key().unit().code())
                .thenComparing(r -> r.key().unit() == null ? 0L : r.key().unit().id()));
        // immutable: results are shared between requests (the report cache)
        return new Results(List.copyOf(ordered), total, java.util.Collections.unmodifiableMap(communes),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(methods)));
    }

    /** Where a cell's households are placed, and the slot of the row they count in (null: outside the selected unit). */
    private record Target(Place place, Slot slot) {
        static Target of(Place place, Selection selection, Map<Selection.RowKey, Slot> rows) {
            if (!selection.covers(place)) {
                return new Target(place, null);
            }
            return new Target(place, rows.computeIfAbsent(selection.rowOf(place), Slot::new));
        }
    }

    /** A row being added up (its cells' counts so far). */
    private static final class Slot {
        Row row;

        Slot(Selection.RowKey key) {
            row = new Row(key, Counts.ZERO, Counts.ZERO, Counts.ZERO);
        }
    }

    /** Urban or rural: recorded on the household, else the area type of its commune (a special zone counts as rural). */
    static String area(UnitMap units, Cell cell, Place place) {
        if (URBAN.equals(cell.area()) || RURAL.equals(cell.area())) {
            return cell.area();
        }
        long commune = place.placed() ? place.communeId() : cell.communeId();
        return URBAN.equals(units.get(commune).areaType()) ? URBAN : RURAL;
    }
}
