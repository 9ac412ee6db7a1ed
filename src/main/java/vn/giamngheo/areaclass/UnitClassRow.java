package vn.giamngheo.areaclass;

import java.time.LocalDate;

/**
 * One row of an official list: a unit held a class from {@code validFrom} to {@code validTo} (null: open) by a
 * decision.
 *
 * @param unitCode the code of the unit the list names (an old code for a list of before the 2025 reform)
 * @param importId the import that brought the row, null for rows of the demonstration or entered otherwise
 */
public record UnitClassRow(long id, long unitId, String unitCode, String unitName, String classCode, String decision,
                           LocalDate decisionDate, LocalDate validFrom, LocalDate validTo, Long importId,
                           String createdBy) {

    public boolean inForceOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }
}
