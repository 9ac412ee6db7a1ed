package vn.giamngheo.livelihood;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.giamngheo.livelihood.rules.ShareVerdict;
import vn.giamngheo.status.rules.PovertyStatus;
import vn.giamngheo.livelihood.rules.ShareVerdict;

/** What the livelihood models read and write. */
final class ModelRecords {

    static final List<String> KINDS = List.of("livestock", "crops", "crafts", "community_tourism", "start_up", "other");

    private ModelRecords() {
    }

    record ModelForm(String name, String kind, Long communeId, Long villageId, String programmeItem, String budgetLine,
                     LocalDate startsOn, LocalDate endsOn, String leadAgency, String description) {
    }

    record ParticipantForm(Long householdId, LocalDate joinedOn, Long incomeBefore, String note) {
    }

    /** Incomes as entered; {@code version}: the participant's version as read (required; changed since: refused). */
    record IncomeForm(String version, Long incomeBefore, Long incomeAfter) {
    }

    /** The participant mix of a model: counts per target group, the share and its check. */
    record Mix(int participants, int poor, int nearPoor, int newlyEscaped, int ethnicMinority, int targets,
               BigDecimal percent, ShareVerdict verdict) {

        public int others() {
            return participants - targets;
        }

        public boolean flagged() {
            return verdict.flagged();
        }
    }

    /** Outcomes of the participants: incomes where both are recorded, status at the next decision. */
    record Outcomes(int withIncomes, Long averageBefore, Long averageAfter, int decidedSince, int escapedSince) {
    }

    record Model(long id, String provinceCode, long communeId, String communeName, Long villageId, String villageName,
                 String name, String kind, String programmeItem, String budgetLine, LocalDate startsOn, LocalDate endsOn,
                 String leadAgency, String description, int version, Mix mix, Outcomes outcomes) {
    }

    record Participant(long id, long householdId, String householdCode, String headName, String villageName,
                       LocalDate joinedOn, String statusAtJoin, boolean newlyEscaped, boolean ethnicMinority,
                       String targetGroup, Long incomeBefore, Long incomeAfter, String note, String nextStatus,
                       LocalDate nextStatusFrom, String version) {

        /** Escaped at the next decision: joined poor and no longer poor, or joined near-poor and neither. */
        public Boolean escapedSince() {
            if (nextStatus == null || statusAtJoin == null) {
                return null;
            }
            PovertyStatus next = PovertyStatus.ofCode(nextStatus);
            return switch (PovertyStatus.ofCode(statusAtJoin)) {
                case POOR -> next != PovertyStatus.POOR;
                case NEAR_POOR -> !next.listed();
                default -> null;
            };
        }
    }
}
