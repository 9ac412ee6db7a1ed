package vn.giamngheo.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every logged-in user changes their own password here (required first when an administrator set it): the current
 * password, the new one twice, checked against the {@link PasswordPolicy}. Every other session of the account ends; this
 * one goes on under a new session id. Audited by the database (the row change, without the hash).
 */
@Controller
@RequestMapping(AccountSessionFilter.CHANGE_PASSWORD)
class AccountController {

    private final UserAccounts accounts;
    private final PasswordPolicy policy;
    private final DemonstrationAccounts demonstration;
    private final LoginThrottle throttle;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountController(UserAccounts accounts, PasswordPolicy policy, DemonstrationAccounts demonstration, LoginThrottle throttle) {
        this.accounts = accounts;
        this.policy = policy;
        this.demonstration = demonstration;
        this.throttle = throttle;
    }

    @GetMapping
    String form(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("mustChange", accounts.findByUsername(user.getUsername()).map(CurrentUser::mustChangePassword).orElse(false));
        model.addAttribute("minLength", policy.rules().minLength());
        return "security/password";
    }

    @PostMapping
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String repeat, HttpServletRequest request, HttpServletResponse response,
                  RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        // the current password is checked like a login: a taken-over session cannot guess it faster
        if (throttle.claim(user.getUsername(), request.getRemoteAddr()).isPresent()) {
            redirect.addFlashAttribute("problems", List.of("password.error.wait"));
            return "redirect:" + AccountSessionFilter.CHANGE_PASSWORD;
        }
        List<String> problems = new ArrayList<>();
        if (!accounts.passwordMatches(user.getUsername(), current)) {
            problems.add("password.error.current");
        } else {
            throttle.succeeded(user.getUsername(), request.getRemoteAddr());
        }
        if (!password.equals(repeat)) {
            problems.add("password.error.repeat");
        }
        if (!password.isEmpty() && password.equals(current)) {
            problems.add("password.error.same");
        }
        problems.addAll(policy.problems(user.getUsername(), password));
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
            return "redirect:" + AccountSessionFilter.CHANGE_PASSWORD;
        }
        accounts.changeOwnPassword(user.getUsername(), password);
        demonstration.forget();
        // this session goes on with the account's new epoch, under a new id; all others end at their next request
        CurrentUser refreshed = accounts.findByUsername(user.getUsername()).orElseThrow();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(refreshed, null, refreshed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        contexts.saveContext(context, request, response);
        redirect.addFlashAttribute("passwordChanged", true);
        return "redirect:" + AccountSessionFilter.CHANGE_PASSWORD;
    }
}
