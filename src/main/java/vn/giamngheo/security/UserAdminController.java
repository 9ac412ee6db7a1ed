package vn.giamngheo.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators manage accounts: create one with a role and a unit (by level and code of today's map),
 * disable or enable it, set a new password (checked by the {@link PasswordPolicy}; the user must change it at the next
 * login; disabling and a new password end the account's open sessions). Every change is audited by the database
 * (without the hash).
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final DemonstrationAccounts demonstration;

    UserAdminController(UserAccounts accounts, JdbcClient jdbc, PasswordPolicy policy, LoginThrottle throttle,
                        DemonstrationAccounts demonstration) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.policy = policy;
        this.throttle = throttle;
        this.demonstration = demonstration;
    }

    @GetMapping
    String list(Model model) {
        requireAdmin();
        model.addAttribute("users", accounts.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("minLength", policy.rules().minLength());
        model.addAttribute("agencies", agencyChoices(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage()));
        return "security/users";
    }

    @PostMapping
    String create(@RequestParam String username, @RequestParam String fullName, @RequestParam Role role,
                  @RequestParam(defaultValue = "") String unitLevel, @RequestParam(defaultValue = "") String unitCode,
                  @RequestParam String password, @RequestParam(required = false) Long agencyId,
                  RedirectAttributes redirect) {
        requireAdmin();
        List<String> problems = new ArrayList<>();
        String name = username.strip().toLowerCase(java.util.Locale.ROOT);
        if (!name.matches("[a-z0-9._-]{2,64}")) {
            problems.add("users.error.username");
        } else if (accounts.exists(name)) {
            problems.add("users.error.taken");
        }
        if (fullName.isBlank() || fullName.length() > 200) {
            problems.add("users.error.fullName");
        }
        problems.addAll(policy.problems(name, password));
        boolean national = role == Role.MINISTRY_VIEWER || role == Role.ADMINISTRATOR;
        Optional<Long> unit = national && unitCode.isBlank() ? Optional.empty() : unitToday(unitLevel, unitCode.strip());
        // an agency officer belongs to an agency of today and works on its unit (the agency's province or commune)
        Optional<Long> agencyUnit = agencyId == null ? Optional.empty() : agencyUnitToday(agencyId);
        if (role == Role.AGENCY_OFFICER && agencyUnit.isEmpty() || role != Role.AGENCY_OFFICER && agencyId != null) {
            problems.add("users.error.agency");
        } else if (role == Role.AGENCY_OFFICER) {
            unit = agencyUnit;
        }
        if (!national && unit.isEmpty()) {
            problems.add("users.error.unit");
        } else if (!national && role != Role.AGENCY_OFFICER && !levelFits(role, unitLevel)) {
            problems.add("users.error.level");
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
            return "redirect:/admin/users";
        }
        try {
            // the administrator chose this password: the user changes it at the first login
            if (role == Role.AGENCY_OFFICER) {
                accounts.createAgencyOfficer(name, password, fullName.strip(), unit.orElseThrow(), agencyId, true);
            } else {
                accounts.create(name, password, fullName.strip(), role, unit.orElse(null), true);
            }
            redirect.addFlashAttribute("created", name);
        } catch (DataIntegrityViolationException | IllegalArgumentException e) {
            redirect.addFlashAttribute("problems", List.of("users.error.invalid"));
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        CurrentUser admin = requireAdmin();
        if (admin.getUsername().equals(username) && !enabled) {
            redirect.addFlashAttribute("problems", List.of("users.error.self"));
        } else {
            accounts.setEnabled(username, enabled);
            demonstration.forget();
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{username}/password")
    String password(@PathVariable String username, @RequestParam String password, RedirectAttributes redirect) {
        requireAdmin();
        List<String> problems = policy.problems(username, password);
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
        } else if (accounts.resetPassword(username, password)) {
            // the user must change it at the next login; every open session of the account ends
            throttle.clear(username);
            demonstration.forget();
            redirect.addFlashAttribute("passwordSet", username);
        }
        return "redirect:/admin/users";
    }

    private static boolean levelFits(Role role, String level) {
        return switch (role) {
            case COMMUNE_OFFICER, COMMUNE_CHAIR, HELPER -> "commune".equals(level);
            case PROVINCE_OFFICER -> "province".equals(level);
            default -> true;
        };
    }

    private Optional<Long> unitToday(String level, String code) {
        if (!List.of("province", "commune").contains(level) || code.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM admin_unit WHERE level = :l AND code = :c AND valid_to IS NULL AND valid_from <= current_date")
                .param("l", level).param("c", code).query(Long.class).optional();
    }

    /** The unit of an agency in being today that belongs to a province or a commune (not a ministry). */
    private Optional<Long> agencyUnitToday(long agencyId) {
        return jdbc.sql("""
                        SELECT unit_id FROM agency WHERE id = :id AND unit_id IS NOT NULL
                           AND valid_from <= current_date AND (valid_to IS NULL OR valid_to >= current_date)""")
                .param("id", agencyId).query(Long.class).optional();
    }

    /** An agency an account may belong to: of a province or a commune, in being today. */
    record AgencyChoice(long id, String name) {
    }

    private List<AgencyChoice> agencyChoices(String language) {
        return jdbc.sql("""
                        SELECT a.id, a.province_code || ' — ' || CASE WHEN :lang = 'en' THEN a.name_en ELSE a.name_vi END
                        FROM agency a WHERE a.unit_id IS NOT NULL
                          AND a.valid_from <= current_date AND (a.valid_to IS NULL OR a.valid_to >= current_date)
                        ORDER BY a.province_code, a.level DESC, a.name_vi""")
                .param("lang", language).query((rs, n) -> new AgencyChoice(rs.getLong(1), rs.getString(2))).list();
    }

    private static CurrentUser requireAdmin() {
        CurrentUser user = CurrentUsers.require();
        if (!user.isAdmin()) {
            throw new org.springframework.security.access.AccessDeniedException("administrators only");
        }
        return user;
    }
}
