package vn.giamngheo.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.giamngheo.agency.Agencies;
import vn.giamngheo.agency.Agency;
import vn.giamngheo.security.CurrentUser;
import vn.giamngheo.security.CurrentUsers;
import vn.giamngheo.security.PasswordPolicy;
import vn.giamngheo.security.Role;
import vn.giamngheo.security.UserAccounts;

/**
 * Province officers (and administrators) create the accounts of agency officers of their area's agencies
 * ({@code /agency-officers}): user name, full name, agency (one of the area's agencies in being today, not a ministry)
 * and a first password the officer changes at the first login; the account's unit is the agency's. The database audits
 * the account (without the hash).
 */
@Controller
class AgencyOfficerPageController {

    private final UserAccounts accounts;
    private final Agencies agencies;
    private final PasswordPolicy policy;
    private final Clock clock;

    AgencyOfficerPageController(UserAccounts accounts, Agencies agencies, PasswordPolicy policy, Clock clock) {
        this.accounts = accounts;
        this.agencies = agencies;
        this.policy = policy;
        this.clock = clock;
    }

    /** An agency officer of the area, with the agency's name. */
    record Officer(String username, String fullName, Agency agency, boolean enabled) {
    }

    @GetMapping("/agency-officers")
    String list(Model model) {
        CurrentUser user = requireManager();
        List<Agency> choices = choices(user);
        List<Officer> officers = new ArrayList<>();
        for (CurrentUser u : accounts.all()) {
            if (u.isAgencyOfficer() && u.agencyId() != null) {
                agencies.find(u.agencyId()).filter(a -> agencies.visible(a, user.scope()) && !a.national())
                        .ifPresent(a -> officers.add(new Officer(u.getUsername(), u.getFullName(), a, u.isEnabled())));
            }
        }
        model.addAttribute("officers", officers);
        model.addAttribute("agencies", choices);
        model.addAttribute("minLength", policy.rules().minLength());
        return "tasks/officers";
    }

    @PostMapping("/agency-officers")
    String create(@RequestParam String username, @RequestParam String fullName, @RequestParam(required = false) Long agencyId,
                  @RequestParam String password, RedirectAttributes redirect) {
        CurrentUser user = requireManager();
        List<String> problems = new ArrayList<>();
        String name = username.strip().toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z0-9._-]{2,64}")) {
            problems.add("users.error.username");
        } else if (accounts.exists(name)) {
            problems.add("users.error.taken");
        }
        if (fullName.isBlank() || fullName.length() > 200) {
            problems.add("users.error.fullName");
        }
        problems.addAll(policy.problems(name, password));
        Optional<Agency> agency = agencyId == null ? Optional.empty()
                : choices(user).stream().filter(a -> a.id() == agencyId).findFirst();
        if (agency.isEmpty()) {
            problems.add("users.error.agency");
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
            return "redirect:/agency-officers";
        }
        try {
            // someone else chose this password: the officer changes it at the first login
            accounts.createAgencyOfficer(name, password, fullName.strip(), agency.get().unitId(), agency.get().id(), true);
            redirect.addFlashAttribute("created", name);
        } catch (DataIntegrityViolationException | IllegalArgumentException e) {
            redirect.addFlashAttribute("problems", List.of("users.error.invalid"));
        }
        return "redirect:/agency-officers";
    }

    /** The agencies of the user's area in being today that are not ministries. */
    private List<Agency> choices(CurrentUser user) {
        return agencies.inArea(user.scope(), LocalDate.now(clock.withZone(vn.giamngheo.format.Formats.VIETNAM))).stream()
                .filter(a -> !a.national() && a.unitId() != null).toList();
    }

    private static CurrentUser requireManager() {
        CurrentUser user = CurrentUsers.require();
        if (user.role() != Role.PROVINCE_OFFICER && !user.isAdmin()) {
            throw new AccessDeniedException("province officers and administrators create agency officers");
        }
        return user;
    }
}
