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
        Map<Selection.RowKey, Row> rows = new HashMap<>();
        Row total = new Row(null, Counts.ZERO, Counts.ZERO, Counts.ZERO);
        Map<Long, Counts> communes = new HashMap<>();
        Map<Place.Method, Long> methods = new EnumMap<>(Place.Method.class);
        Map<List<Object>, Place> placed = new HashMap<>();
        for (Cell cell : cells) {
            Place place = placed.computeIfAbsent(java.util.Arrays.asList(cell.communeId(), cell.villageId(),
                    cell.registerCommuneId()), k -> placement.place(cell.communeId(), cell.villageId(),
                    cell.registerCommuneId()));
            if (!selection.covers(place)) {
                continue;
            }
            String area = area(units, cell, place);
            Selection.RowKey key = selection.rowOf(place);
            rows.computeIfAbsent(key, k -> new Row(k, Counts.ZERO, Counts.ZERO, Counts.ZERO));
            rows.put(key, rows.get(key).add(area, cell.counts()));
            total = total.add(area, cell.counts());
            if (place.placed()) {
                communes.merge(place.communeId(), cell.counts(), Counts::plus);
            }
            methods.merge(place.how(), cell.counts().households(), Long::sum);
        }
        List<Row> ordered = new ArrayList<>(rows.values());
        ordered.sort(Comparator.comparingInt((Row r) -> r.key().rank())
                .thenComparing(r -> r.key().unit() == null ? "" : r.key().unit().code())
                .thenComparing(r -> r.key().unit() == null ? 0L : r.key().unit().id()));
        return new Results(List.copyOf(ordered), total, communes, new LinkedHashMap<>(methods));
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
