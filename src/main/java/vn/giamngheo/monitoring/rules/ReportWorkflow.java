package vn.giamngheo.monitoring.rules;

/**
 * Who may do what with a periodic report. The <b>owner</b> (an editor of the report's own unit) fills
 * it and submits it while it is a draft or was returned; the <b>reviewer</b> (an editor of a unit above
 * it, or an administrator) returns a submitted report with a reason or approves it; an approved report
 * is locked. Every refusal has a message key.
 */
public final class ReportWorkflow {

    /** How the acting user stands to the report's unit. */
    public enum Actor {
        OWNER, REVIEWER, OTHER
    }

    public enum Action {
        FILL, SUBMIT, RETURN, APPROVE
    }

    /** The outcome: the status after the action, or the reason it is refused. */
    public record Decision(ReportStatus to, String refusal) {
        public boolean allowed() {
            return refusal == null;
        }

        static Decision to(ReportStatus status) {
            return new Decision(status, null);
        }

        static Decision refused(String key) {
            return new Decision(null, key);
        }
    }

    private ReportWorkflow() {
    }

    public static Decision decide(ReportStatus from, Actor actor, Action action, String reason) {
        if (from == ReportStatus.APPROVED) {
            return Decision.refused("report.refused.locked");
        }
        return switch (action) {
            case FILL, SUBMIT -> {
                if (actor != Actor.OWNER) {
                    yield Decision.refused("report.refused.not-owner");
                }
                if (from == ReportStatus.SUBMITTED) {
                    yield Decision.refused("report.refused.already-submitted");
                }
                yield Decision.to(action == Action.FILL ? from : ReportStatus.SUBMITTED);
            }
            case RETURN, APPROVE -> {
                if (actor != Actor.REVIEWER) {
                    yield Decision.refused("report.refused.not-reviewer");
                }
                if (from != ReportStatus.SUBMITTED) {
                    yield Decision.refused("report.refused.not-submitted");
                }
                if (action == Action.RETURN && (reason == null || reason.isBlank())) {
                    yield Decision.refused("report.refused.reason-required");
                }
                yield Decision.to(action == Action.RETURN ? ReportStatus.RETURNED : ReportStatus.APPROVED);
            }
        };
    }
}
