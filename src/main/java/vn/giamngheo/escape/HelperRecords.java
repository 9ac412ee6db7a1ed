package vn.giamngheo.escape;

import java.time.LocalDate;
import java.util.List;

/** What the helper assignments read and write. */
final class HelperRecords {

    private HelperRecords() {
    }

    record OrganisationKind(String code, String nameVi, String nameEn) {
    }

    /** @param unitPath the unit's path (who may deactivate it: users whose area holds the unit) */
    record Organisation(long id, String provinceCode, long unitId, String unitName, String kind, String name, boolean active,
                        String unitPath) {
    }

    record OrganisationForm(Long unitId, String kind, String name) {
    }

    record AssignmentForm(Long householdId, Long organisationId, String helperName, String helperPhone, Long helperUserId,
                          LocalDate assignedOn) {
    }

    record VisitForm(LocalDate visitedOn, String note) {
    }

    record EndForm(LocalDate endedOn, String reason) {
    }

    record Assignment(long id, String provinceCode, long householdId, String householdCode, String headName,
                      String communeName, String villageName, long organisationId, String organisationName,
                      String organisationKind, String helperName, String helperPhone, Long helperUserId,
                      String helperUsername, LocalDate assignedOn, LocalDate endedOn, String endReason,
                      String decidedStatus, LocalDate lastVisit, List<Visit> visits) {

        boolean isCurrent() {
            return endedOn == null;
        }

        Assignment withVisits(List<Visit> list) {
            return new Assignment(id, provinceCode, householdId, householdCode, headName, communeName, villageName,
                    organisationId, organisationName, organisationKind, helperName, helperPhone, helperUserId,
                    helperUsername, assignedOn, endedOn, endReason, decidedStatus, lastVisit, list);
        }
    }

    record Visit(long id, LocalDate visitedOn, String note, String recordedBy) {
    }

    /** A household of the area without a current helper. */
    record Unassigned(long householdId, String provinceCode, String householdCode, String headName, String communeCode,
                      String communeName, String villageName, String decidedStatus) {
    }
}
