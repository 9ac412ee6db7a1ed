package vn.giamngheo.support;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;
import vn.giamngheo.support.rules.CoveragePeriod;

/**
 * The dashboard's coverage panel (loaded by htmx): for the unit, the people entitled to the health-insurance card of
 * the poor against those who received it, the gap and the leakage, with a link to the coverage page. Figures for a
 * commune only: above it, a link to the coverage page. Below the card, the province's own active policies.
 */
@Controller
class CoveragePanelController {

    /** The policy the panel shows: health insurance for members of poor households. */
    static final String POLICY = "BHYT_POOR";

    private final CoverageService coverage;
    private final Clock clock;

    CoveragePanelController(CoverageService coverage, Clock clock) {
        this.coverage = coverage;
        this.clock = clock;
    }

    /** @param year a past year: the whole year; the current year (or none): from 1 January to today */
    @GetMapping("/support/coverage/panel")
    String panel(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        LocalDate today = LocalDate.now(clock);
        CoveragePeriod period = year == null || year >= today.getYear() ? CoveragePeriod.onDate(today)
                : CoveragePeriod.year(Math.max(2000, year));
        CoverageReport report;
        try {
            CoverageReport.UnitRef target = coverage.unit(unit == null ? user.scope().unitId() : unit, user.scope());
            if (!"commune".equals(target.level())) {
                // a province or the country: the tally reads every household of its provinces, too heavy for a panel
                // that loads with every dashboard; the coverage page computes it when asked
                model.addAttribute("report", null);
                model.addAttribute("aboveCommune", target.id() == null ? 0L : target.id());
                model.addAttribute("policyCode", POLICY);
                return "support/panel :: panel";
            }
            report = coverage.coverageWithProvincial(target.id(), POLICY, period, user.scope());
        } catch (SupportNotFoundException e) {
            // a unit the figures are not kept for (a district, a village) or outside the area: the same answer
            model.addAttribute("report", null);
            return "support/panel :: panel";
        }
        model.addAttribute("report", report);
        model.addAttribute("figures", report.policies().get(0).total());
        model.addAttribute("policy", report.policies().get(0));
        // the province's own policies, after the national card
        model.addAttribute("provincial", report.policies().subList(1, report.policies().size()));
        model.addAttribute("unitId", report.unit().id());
        model.addAttribute("date", period.to());
        model.addAttribute("year", year != null && year < today.getYear() ? year : null);
        return "support/panel :: panel";
    }
}
