package vn.giamngheo.credit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.giamngheo.geography.AdminUnit;
import vn.giamngheo.geography.AreaUnits;
import vn.giamngheo.labour.LabourRecords;
import vn.giamngheo.labour.Workers;
import vn.giamngheo.security.AccessScope;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/**
 * The credit and labour-export block of the dashboard, beside the support panel: for a unit of the user's area on the
 * last day of a past year (or today), loans, households and balances by lending programme, and workers by country.
 * A unit outside the area shows nothing (the same answer as an unknown one).
 */
@Controller
class CreditPanelController {

    private final Loans loans;
    private final Workers workers;
    private final AreaUnits units;
    private final Clock clock;

    CreditPanelController(Loans loans, Workers workers, AreaUnits units, Clock clock) {
        this.loans = loans;
        this.workers = workers;
        this.units = units;
        this.clock = clock;
    }

    /** A programme's totals over the unit. */
    record ProgrammeTotal(String programmeCode, long loans, long outstanding, long overdue) {
    }

    /** A country's totals over the unit. */
    record CountryTotal(String countryCode, long workers, long abroad, long departedInYear) {
    }

    /**
     * @param unit a unit of the user's area (default: the user's own)
     * @param year a past year: its last day; the current year (or none): today
     */
    @GetMapping("/credit/panel")
    String panel(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year, Model model) {
        CurrentUser user = CurrentUsers.require();
        LocalDate today = LocalDate.now(clock);
        LocalDate on = year == null || year >= today.getYear() ? today : LocalDate.of(Math.max(2000, year), 12, 31);
        AccessScope scope = user.scope();
        if (unit != null) {
            AdminUnit u = units.find(unit, user).orElse(null);
            if (u == null) {
                model.addAttribute("shown", false);
                return "credit/panel :: panel";
            }
            scope = new AccessScope(u.id(), u.path(), u.provinceCode());
        }
        Map<String, ProgrammeTotal> programmes = new LinkedHashMap<>();
        for (CreditRecords.Figure f : loans.figures(scope, on)) {
            programmes.merge(f.programmeCode(), new ProgrammeTotal(f.programmeCode(), f.loans(), f.outstanding(), f.overdue()),
                    (a, b) -> new ProgrammeTotal(a.programmeCode(), a.loans() + b.loans(), a.outstanding() + b.outstanding(),
                            a.overdue() + b.overdue()));
        }
        Map<String, CountryTotal> countries = new LinkedHashMap<>();
        for (LabourRecords.Figure f : workers.figures(scope, on)) {
            countries.merge(f.countryCode(), new CountryTotal(f.countryCode(), f.workers(), f.abroad(), f.departedInYear()),
                    (a, b) -> new CountryTotal(a.countryCode(), a.workers() + b.workers(), a.abroad() + b.abroad(),
                            a.departedInYear() + b.departedInYear()));
        }
        model.addAttribute("shown", true);
        model.addAttribute("on", on);
        model.addAttribute("programmeTotals", List.copyOf(programmes.values()));
        model.addAttribute("countryTotals", List.copyOf(countries.values()));
        return "credit/panel :: panel";
    }
}
