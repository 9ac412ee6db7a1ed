package vn.giamngheo.report.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An administrative unit as the reports need it: the materialised path of ids (root first), validity and
 * area type (communes; a village takes its commune's).
 */
public record Unit(long id, String code, String level, String name, Long parentId, String provinceCode,
                   String areaType, LocalDate validFrom, LocalDate validTo, String path) {

    public static final String PROVINCE = "province";
    public static final String DISTRICT = "district";
    public static final String COMMUNE = "commune";
    public static final String VILLAGE = "village";

    public boolean validOn(LocalDate date) {
        return (validFrom == null || !validFrom.isAfter(date)) && (validTo == null || !validTo.isBefore(date));
    }

    /** The ids on the path, root (province) first, this unit last. */
    public List<Long> pathIds() {
        List<Long> ids = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }

    /** Whether {@code other} is this unit or lies under it. */
    public boolean contains(Unit other) {
        return other.path.startsWith(path);
    }

    /** The first id on the path (read without splitting the whole path: reports ask it for every counted cell). */
    public long provinceId() {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        int end = path.indexOf('/', start);
        return Long.parseLong(end < 0 ? path.substring(start) : path.substring(start, end));
    }
}
