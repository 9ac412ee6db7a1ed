package vn.giamngheo.monitoring.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The unit fills and submits; the level above returns with a reason or approves; approval locks. */
class ReportWorkflowTest {

    @ParameterizedTest(name = "{0} + {1} by {2} (reason \"{3}\") → {4}")
    @CsvSource(delimiter = '|', value = {
            "DRAFT     | FILL    | OWNER    | ''     | DRAFT",
            "RETURNED  | FILL    | OWNER    | ''     | RETURNED",
            "DRAFT     | SUBMIT  | OWNER    | ''     | SUBMITTED",
            "RETURNED  | SUBMIT  | OWNER    | ''     | SUBMITTED",
            "SUBMITTED | RETURN  | REVIEWER | thiếu số liệu | RETURNED",
            "SUBMITTED | APPROVE | REVIEWER | ''     | APPROVED",
            // refusals
            "SUBMITTED | FILL    | OWNER    | ''     | report.refused.already-submitted",
            "SUBMITTED | SUBMIT  | OWNER    | ''     | report.refused.already-submitted",
            "DRAFT     | SUBMIT  | REVIEWER | ''     | report.refused.not-owner",
            "DRAFT     | FILL    | OTHER    | ''     | report.refused.not-owner",
            "SUBMITTED | APPROVE | OWNER    | ''     | report.refused.not-reviewer",
            "SUBMITTED | RETURN  | OTHER    | lý do  | report.refused.not-reviewer",
            "DRAFT     | APPROVE | REVIEWER | ''     | report.refused.not-submitted",
            "RETURNED  | APPROVE | REVIEWER | ''     | report.refused.not-submitted",
            "SUBMITTED | RETURN  | REVIEWER | ''     | report.refused.reason-required",
            "SUBMITTED | RETURN  | REVIEWER | '   '  | report.refused.reason-required",
            "APPROVED  | FILL    | OWNER    | ''     | report.refused.locked",
            "APPROVED  | SUBMIT  | OWNER    | ''     | report.refused.locked",
            "APPROVED  | RETURN  | REVIEWER | lý do  | report.refused.locked",
            "APPROVED  | APPROVE | REVIEWER | ''     | report.refused.locked",
    })
    void transitions(ReportStatus from, ReportWorkflow.Action action, ReportWorkflow.Actor actor, String reason, String outcome) {
        ReportWorkflow.Decision d = ReportWorkflow.decide(from, actor, action, reason);
        if (outcome.startsWith("report.")) {
            assertThat(d.allowed()).isFalse();
            assertThat(d.refusal()).isEqualTo(outcome);
        } else {
            assertThat(d.allowed()).isTrue();
            assertThat(d.to()).isEqualTo(ReportStatus.valueOf(outcome));
        }
    }
}
