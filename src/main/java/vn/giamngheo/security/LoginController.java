package vn.giamngheo.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page; it warns while demonstration accounts with their published password exist, and says how to create
 * the first administrator while there is none.
 */
@Controller
class LoginController {

    private final UserAccounts accounts;
    private final DemonstrationAccounts demonstration;

    LoginController(UserAccounts accounts, DemonstrationAccounts demonstration) {
        this.accounts = accounts;
        this.demonstration = demonstration;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demonstrationAccounts", demonstration.present());
        model.addAttribute("noAdministrator", !accounts.anAdministratorExists());
        return "security/login";
    }
}
