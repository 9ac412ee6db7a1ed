package vn.giamngheo.escape;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.audit.AuditLog;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;
import vn.giamngheo.status.rules.PovertyStatus;

/**
 * Pages of escape registrations and helpers: the area's figures by unit and registrations, a household's
 * registrations and helpers (with the forms), households without a helper, a helper's own households, the
 * organisations, and the XLSX report.
 */
@Controller
@RequestMapping("/escape")
class EscapePageController {

    static final String OVERVIEW = "escape/overview";
    static final String HOUSEHOLD = "escape/household";
    static final String UNASSIGNED = "escape/unassigned";
    static final String MINE = "escape/mine";
    static final String ORGANISATIONS = "escape/organisations";
    private static final int LIMIT = 2000;

    private final EscapeRegistrations registrations;
    private final HelperAssignments helpers;
    private final EscapeReport report;
    private final EscapeHouseholds households;
    private final DecidedStatuses statuses;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    EscapePageController(EscapeRegistrations registrations, HelperAssignments helpers, EscapeReport report,
                         EscapeHouseholds households, DecidedStatuses statuses, AuditLog audit, MessageSource messages,
                         Clock clock) {
        this.registrations = registrations;
        this.helpers = helpers;
        this.report = report;
        this.households = households;
        this.statuses = statuses;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String overview(@RequestParam(required = false) Integer listYear, @RequestParam(defaultValue = "") String outcome,
                    Model model) {
        CurrentUser user = CurrentUsers.require();
        int year = listYear != null ? listYear : defaultYear(user);
        model.addAttribute("listYear", year);
        model.addAttribute("outcome", outcome);
        model.addAttribute("years", report.years(user.scope()));
        model.addAttribute("rows", report.byUnit(year, user.scope()));
        model.addAttribute("registrations", registrations.search(year, outcome, user.scope(), LIMIT));
        return OVERVIEW;
    }

    @GetMapping("/households/{id}")
    String household(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        helpers.requireHelperOf(id, user);
        EscapeHouseholds.HouseholdRef h = households.require(id, user.scope());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("household", h);
        model.addAttribute("decided", statuses.on(h.provinceCode(), h.id(), today).orElse(null));
        model.addAttribute("registrations", registrations.ofHousehold(id, user.scope()));
        model.addAttribute("assignments", helpers.ofHousehold(id, user.scope()));
        model.addAttribute("organisations", user.isHelper() ? List.of()
                : helpers.organisations(user.scope()).stream().filter(HelperRecords.Organisation::active).toList());
        model.addAttribute("causes", vn.giamngheo.household.HouseholdCodes.CAUSES);
        model.addAttribute("today", today);
        model.addAttribute("nextYear", today.getYear() + 1);
        return HOUSEHOLD;
    }

    @PostMapping("/households/{id}/registrations")
    String register(@PathVariable long id, @RequestParam(required = false) Integer listYear,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate registeredOn,
                    @RequestParam(defaultValue = "") String goal, @RequestParam(required = false) List<String> causes,
                    @RequestParam(defaultValue = "") String supportRequested,
                    @RequestParam(defaultValue = "false") boolean expectedToEscape, RedirectAttributes redirect) {
        return act(id, redirect, "escape.done.registered", () -> registrations.register(new RegistrationForm(id, listYear,
                registeredOn, goal, causes, supportRequested, expectedToEscape), CurrentUsers.requireEditor()));
    }

    @PostMapping("/registrations/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.requireEditor();
        Registration r = registrations.get(id, user.scope());
        return act(r.householdId(), redirect, "escape.done.withdrawn", () -> registrations.withdraw(id, version, user));
    }

    @PostMapping("/households/{id}/assignments")
    String assign(@PathVariable long id, @RequestParam(required = false) Long organisationId,
                  @RequestParam(defaultValue = "") String helperName, @RequestParam(defaultValue = "") String helperPhone,
                  @RequestParam(required = false) String helperUsername,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate assignedOn,
                  RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.requireEditor();
        return act(id, redirect, "helper.done.assigned", () -> helpers.assign(new HelperRecords.AssignmentForm(id,
                organisationId, helperName, helperPhone, helpers.userId(helperUsername), assignedOn), user));
    }

    @PostMapping("/assignments/{id}/visits")
    String visit(@PathVariable long id,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
                 @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        HelperRecords.Assignment a = helpers.get(id, user);
        return act(a.householdId(), redirect, "helper.done.visit",
                () -> helpers.recordVisit(id, new HelperRecords.VisitForm(visitedOn, note), user));
    }

    @PostMapping("/assignments/{id}/end")
    String end(@PathVariable long id,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endedOn,
               @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.requireEditor();
        HelperRecords.Assignment a = helpers.get(id, user.scope());
        return act(a.householdId(), redirect, "helper.done.ended",
                () -> helpers.end(id, new HelperRecords.EndForm(endedOn, reason), user));
    }

    @GetMapping("/unassigned")
    String unassigned(@RequestParam(name = "status", required = false) String asked, Model model) {
        String status = asked == null || asked.isEmpty() ? PovertyStatus.POOR.code() : asked;
        CurrentUser user = CurrentUsers.require();
        Set<String> statuses = status.equals("all") ? HelperAssignments.UNASSIGNED_STATUSES
                : HelperAssignments.UNASSIGNED_STATUSES.contains(status) ? Set.of(status) : Set.of(PovertyStatus.POOR.code());
        model.addAttribute("status", status);
        model.addAttribute("rows", helpers.unassigned(user.scope(), statuses, LIMIT));
        return UNASSIGNED;
    }

    @GetMapping("/mine")
    String mine(Model model) {
        model.addAttribute("rows", helpers.mine(CurrentUsers.require()));
        return MINE;
    }

    @GetMapping("/organisations")
    String organisations(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("organisations", helpers.organisations(user.scope()));
        model.addAttribute("kinds", helpers.kinds());
        return ORGANISATIONS;
    }

    @PostMapping("/organisations")
    String createOrganisation(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String name,
                              RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.requireEditor();
        try {
            helpers.createOrganisation(new HelperRecords.OrganisationForm(null, kind, name), user);
            redirect.addFlashAttribute("done", "helper.done.organisation");
        } catch (InvalidEscapeException e) {
            redirect.addFlashAttribute("problems", words(e));
        }
        return "redirect:/escape/organisations";
    }

    /** Deactivates an organisation ({@code active=false}) or activates it again. */
    @PostMapping("/organisations/{id}/active")
    String setOrganisationActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.requireEditor();
        try {
            helpers.setActive(id, active, user);
            redirect.addFlashAttribute("done", active ? "helper.done.activated" : "helper.done.deactivated");
        } catch (InvalidEscapeException e) {
            redirect.addFlashAttribute("problems", words(e));
        }
        return "redirect:/escape/organisations";
    }

    @GetMapping("/report.xlsx")
    void xlsx(@RequestParam(required = false) Integer listYear, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        int year = listYear != null ? listYear : defaultYear(user);
        List<EscapeReport.UnitRow> rows = report.byUnit(year, user.scope());
        List<HelperRecords.Unassigned> unassigned = helpers.unassigned(user.scope(), HelperAssignments.UNASSIGNED_STATUSES, 100_000);
        audit.record("EXPORT", "escape_registration", null, user.scope().provinceCode(),
                "escape report " + year + " (" + rows.size() + " unit rows, " + unassigned.size() + " households without a helper)");
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"dang-ky-thoat-ngheo-" + year + ".xlsx\"");
        EscapeWorkbook.write(year, user.getUnitName() == null ? "Toàn quốc" : user.getUnitName(), rows, unassigned,
                response.getOutputStream());
    }

    private int defaultYear(CurrentUser user) {
        List<Integer> years = report.years(user.scope());
        return years.isEmpty() ? LocalDate.now(clock).getYear() + 1 : years.get(0);
    }

    private String act(long householdId, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (InvalidEscapeException e) {
            redirect.addFlashAttribute("problems", words(e));
        }
        return "redirect:/escape/households/" + householdId;
    }

    private List<String> words(InvalidEscapeException e) {
        return e.problems().stream().map(p -> messages.getMessage(p.key(), p.args().toArray(), p.key(),
                LocaleContextHolder.getLocale())).toList();
    }
}
