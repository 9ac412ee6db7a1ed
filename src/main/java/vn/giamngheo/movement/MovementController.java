package vn.giamngheo.movement;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;
import vn.giamngheo.status.rules.PovertyStatus;

/** The movement report of a unit and list year: reconciliation tables, drill-down to households, XLSX. */
@Controller
class MovementController {

    static final String PAGE = "movement/movements";
    static final int SHOWN_HOUSEHOLDS = 1000;
    static final Set<String> LISTS = Set.of(PovertyStatus.POOR.code(), PovertyStatus.NEAR_POOR.code());
    static final List<String> FLOWS = List.of("escaped", "re_entered", "newly_entered", "departed", "arrived");

    private final MovementService movements;
    private final AuditLog audit;
    private final Clock clock;

    MovementController(MovementService movements, AuditLog audit, Clock clock) {
        this.movements = movements;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/movements")
    String page(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Integer months, @RequestParam(required = false) String list,
                @RequestParam(required = false) String flow, Model model) {
        CurrentUser user = CurrentUsers.require();
        int listYear = year == null ? defaultYear() : year;
        model.addAttribute("choices", movements.choices(user));
        model.addAttribute("unit", unit);
        model.addAttribute("year", listYear);
        model.addAttribute("months", months);
        model.addAttribute("flows", FLOWS);
        try {
            checkCategory(list, flow);
            MovementReport report = report(unit, listYear, months, user);
            model.addAttribute("report", report);
            if (flow != null && !flow.isBlank()) {
                List<HouseholdMovement> rows = report.households(list, flow);
                model.addAttribute("list", list);
                model.addAttribute("flow", flow);
                model.addAttribute("categoryCount", rows.size());
                model.addAttribute("households", rows.size() > SHOWN_HOUSEHOLDS ? rows.subList(0, SHOWN_HOUSEHOLDS) : rows);
            }
        } catch (InvalidMovementRequestException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return PAGE;
    }

    @GetMapping("/movements.xlsx")
    void xlsx(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
              @RequestParam(required = false) Integer months, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        int listYear = year == null ? defaultYear() : year;
        MovementReport report = report(unit, listYear, months, user);
        audit.record("EXPORT", "movement", report.unitCode(), user.scope().provinceCode(),
                "movements " + report.level() + " " + report.unitCode() + " list year " + listYear + ": "
                        + report.households().size() + " households");
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"bien-dong-ho-ngheo-" + report.unitCode() + "-"
                + listYear + ".xlsx\"");
        MovementWorkbook.write(report, LocalDate.now(clock), response.getOutputStream());
    }

    private MovementReport report(Long unit, int listYear, Integer months, CurrentUser user) {
        return movements.forListYear(unit, listYear, months == null ? movements.newlyEscapedMonths() : months, user);
    }

    private int defaultYear() {
        return LocalDate.now(clock).getYear() - 1;
    }

    static void checkCategory(String list, String flow) {
        if (flow == null || flow.isBlank()) {
            return;
        }
        if ("newly_escaped".equals(flow)) {
            return;
        }
        if (list == null || !LISTS.contains(list) || !FLOWS.contains(flow)) {
            throw new InvalidMovementRequestException("a category is a list (poor, near_poor) and a flow ("
                    + String.join(", ", FLOWS) + "), or the flow newly_escaped; not '" + list + "' and '" + flow + "'");
        }
    }
}
