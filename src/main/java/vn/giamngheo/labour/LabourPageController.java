package vn.giamngheo.labour;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
import vn.giamngheo.labour.LabourRecords.WorkerForm;
import vn.giamngheo.labour.LabourRecords.WorkerUpdate;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;

/** Pages of the labour-export register: figures and list of the area on a day, XLSX, a household's workers. */
@Controller
@RequestMapping("/labour")
class LabourPageController {

    private final Workers workers;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    LabourPageController(Workers workers, AuditLog audit, MessageSource messages, Clock clock) {
        this.workers = workers;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** Figures by commune and country on a day, and the workers (at most 1,000) of a country and status if asked. */
    @GetMapping
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                @RequestParam(required = false) String country, @RequestParam(required = false) String status, Model model) {
        CurrentUser user = CurrentUsers.require();
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        model.addAttribute("on", day);
        model.addAttribute("country", country);
        model.addAttribute("status", status);
        model.addAttribute("figures", workers.figures(user.scope(), day));
        model.addAttribute("workers", workers.list(user.scope(), day, country, status, 1000));
        model.addAttribute("countries", workers.countries());
        model.addAttribute("statuses", LabourRecords.STATUSES);
        return "labour/list";
    }

    @GetMapping("/export.xlsx")
    void xlsx(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
              HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUsers.require();
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        List<LabourRecords.Worker> list = workers.list(user.scope(), day, null, null, 200_000);
        audit.record("EXPORT", "labour_worker", null, user.scope().provinceCode(),
                "labour-export register on " + day + " (" + list.size() + " workers)");
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"xuat-khau-lao-dong.xlsx\"");
        LabourWorkbook.write(user.getUnitName() == null ? "Toàn quốc" : user.getUnitName(), day, workers.countries(),
                workers.figures(user.scope(), day), list, response.getOutputStream());
    }

    /** A household's workers abroad, with the forms to record one and to record a return. */
    @GetMapping("/households/{id}")
    String household(@PathVariable long id, Model model) {
        fill(id, model);
        return "labour/household";
    }

    /** The household's workers as a panel of the household page. */
    @GetMapping("/households/{id}/panel")
    String panel(@PathVariable long id, Model model) {
        fill(id, model);
        model.addAttribute("panelOnly", true);
        return "labour/household :: panel";
    }

    private void fill(long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Workers.HouseholdRef h = workers.household(id, user.scope()).orElseThrow(() -> new WorkerNotFoundException("household", id));
        model.addAttribute("household", h);
        model.addAttribute("workers", workers.ofHousehold(id, user.scope()));
        model.addAttribute("members", workers.members(h));
        model.addAttribute("loans", workers.loans(h));
        model.addAttribute("countries", workers.countries());
        model.addAttribute("types", LabourRecords.CONTRACT_TYPES);
    }

    @PostMapping("/households/{id}/workers")
    String add(@PathVariable long id, @RequestParam(required = false) Integer memberNo,
               @RequestParam(defaultValue = "") String countryCode, @RequestParam(defaultValue = "") String contractType,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate departedOn,
               @RequestParam(required = false) Integer contractMonths,
               @RequestParam(defaultValue = "false") boolean trainingSupport, @RequestParam(required = false) Long loanId,
               @RequestParam(required = false) Long feesSupport, @RequestParam(defaultValue = "") String note,
               RedirectAttributes redirect) {
        return act(id, redirect, () -> workers.add(id, new WorkerForm(memberNo, countryCode, contractType, departedOn,
                contractMonths, trainingSupport, loanId, feesSupport, note), CurrentUsers.requireEditor()));
    }

    /** Saves a changed worker (with the version the form was shown with). */
    @PostMapping("/workers/{workerId}")
    String update(@PathVariable long workerId, @RequestParam(required = false) Integer version,
                  @RequestParam(defaultValue = "") String countryCode, @RequestParam(defaultValue = "") String contractType,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate departedOn,
                  @RequestParam(required = false) Integer contractMonths,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnedOn,
                  @RequestParam(defaultValue = "false") boolean brokeContract,
                  @RequestParam(defaultValue = "false") boolean trainingSupport, @RequestParam(required = false) Long loanId,
                  @RequestParam(required = false) Long feesSupport, @RequestParam(defaultValue = "") String note,
                  RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.requireEditor();
        long household = workers.get(workerId, user.scope()).householdId();
        return act(household, redirect, () -> workers.update(workerId, new WorkerUpdate(version, countryCode, contractType,
                departedOn, contractMonths, returnedOn, brokeContract, trainingSupport, loanId, feesSupport, note), user));
    }

    private String act(long household, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", true);
        } catch (InvalidWorkerException e) {
            redirect.addFlashAttribute("problems", e.problems().stream().map(p -> messages.getMessage(p.key(),
                    p.args().toArray(), p.key(), LocaleContextHolder.getLocale())).toList());
        }
        return "redirect:/labour/households/" + household;
    }
}
