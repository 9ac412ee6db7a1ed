package vn.giamngheo.monitoring;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.monitoring.rules.ReportKind;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** REST API of the validation rules, the computations indicators may name, and the validation report. */
@RestController
@RequestMapping("/api/v1/monitoring")
class MonitoringRulesApiController {

    private final ValidationRules rules;
    private final MonitoringIndicators indicators;
    private final ReportValidation validation;

    MonitoringRulesApiController(ValidationRules rules, MonitoringIndicators indicators, ReportValidation validation) {
        this.rules = rules;
        this.indicators = indicators;
        this.validation = validation;
    }

    /**
     * The validation rules the caller sees: the national ones and their province's own (all for a national user),
     * each with both sides, operator, importance, period type and missing-value strategy.
     */
    @GetMapping("/validation-rules")
    List<ValidationRules.Rule> validationRules() {
        return rules.list(CurrentUsers.require());
    }

    /** The names of the computations an indicator may name (one per computation bean), sorted. */
    @GetMapping("/computations")
    List<String> computations() {
        CurrentUsers.require();
        return indicators.computationNames();
    }

    /**
     * The validation report of a unit's area and period: every report of the period checked by the rules and the
     * check computations; only reports with findings are listed.
     * @param unit id of a unit of the caller's area
     * @param year the year of the reports
     * @param kind the report kind: quarter, half_year, nine_months or year (default half_year)
     * @param number the quarter (1–4), 1 for the other kinds
     */
    @GetMapping("/validation")
    ReportValidation.AreaFindings validation(@RequestParam long unit, @RequestParam int year,
                                             @RequestParam(required = false) String kind,
                                             @RequestParam(defaultValue = "1") int number) {
        CurrentUser user = CurrentUsers.require();
        ReportKind k = kind == null || kind.isBlank() ? ReportKind.HALF_YEAR : MonitoringPageController.kind(kind);
        return validation.area(unit, k, year, number, user);
    }
}
