package vn.giamngheo.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import vn.giamngheo.population.PopulationGroup;
import vn.giamngheo.report.rules.Unit;

/**
 * What a report is about: the unit (null = the country) on the chosen map, the list year, the date whose
 * lists are counted ({@code listDate}, 31 December of the year) and the date whose units are shown
 * ({@code unitsDate}); {@code trail} is the way down from the country to the unit; {@code provinces} the
 * partitions read (null = all); {@code roots} the units of the map that stand for a unit not on it (a 2025
 * province on the map of 2024: the provinces it was formed from, the rows of its report), empty otherwise;
 * {@code group} the population group counted ({@link PopulationGroup#ALL}: every household, the aggregates' figures);
 * {@code areaClass} the area class whose communes and villages are counted (its code; null: every unit);
 * {@code byClass} whether the results are also broken down by area class.
 */
record ReportContext(Unit unit, int year, Boundaries boundaries, LocalDate listDate, LocalDate unitsDate,
                     boolean decision59, List<Unit> trail, Set<String> provinces, List<Unit> roots,
                     PopulationGroup group, String areaClass, boolean byClass) {

    public boolean national() {
        return unit == null;
    }

    public Long unitId() {
        return unit == null ? null : unit.id();
    }

    public String unitName() {
        return unit == null ? "Việt Nam" : unit.name();
    }

    public String provinceCode() {
        return unit == null ? null : unit.provinceCode();
    }
}
