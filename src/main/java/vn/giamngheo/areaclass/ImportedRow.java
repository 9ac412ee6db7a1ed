package vn.giamngheo.areaclass;

import java.time.LocalDate;

/**
 * A line of a list read and resolved: the unit of the map in force on {@code validFrom} that bears the code (an
 * old unit for a list of before the 2025 reform).
 *
 * @param line      the file line (header = 1)
 * @param unitEnded whether the unit ended with the 2025 reform (an old code), so that today's units inherit by the rule
 */
public record ImportedRow(int line, String unitCode, long unitId, String unitName, String level, String provinceCode,
                          boolean unitEnded, String classCode, String decision, LocalDate decisionDate,
                          LocalDate validFrom, LocalDate validTo) {
}
