package vn.giamngheo.escape;

import java.time.LocalDate;
import java.util.List;

/** An escape registration with its household and, once closed, its outcome and the decision that closed it. */
record Registration(long id, String provinceCode, long householdId, String householdCode, String headName,
                    long communeId, String communeName, String villageName, int listYear, LocalDate registeredOn,
                    String registeredStatus, String goal, List<String> causes, String supportRequested,
                    boolean expectedToEscape, String outcome, String statusAfter, Boolean inDecision,
                    Long closedByDecisionId, String closedByDecisionNumber, LocalDate closedOn, int version) {
}
