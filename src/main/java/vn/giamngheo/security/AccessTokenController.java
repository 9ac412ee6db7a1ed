package vn.giamngheo.security;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Personal access tokens on the account page ("Tạo mã truy cập", {@value #MINE}): every user but a helper creates tokens
 * (name, expiry of at most a year), sees his tokens (never again the token itself: it is shown once, just after it is
 * created) and revokes them; an administrator sees and revokes every user's tokens at {@value #ALL}.
 */
@Controller
class AccessTokenController {

    static final String MINE = "/account/tokens";
    static final String ALL = "/admin/tokens";

    private final AccessTokens tokens;
    private final Clock clock;

    AccessTokenController(AccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping(MINE)
    String mine(Model model) {
        CurrentUser user = CurrentUsers.require();
        LocalDate today = LocalDate.now(clock.withZone(AccessTokens.VIETNAM));
        model.addAttribute("tokens", tokens.of(user.id()));
        model.addAttribute("now", Instant.now(clock));
        model.addAttribute("today", today);
        model.addAttribute("defaultExpiry", today.plusDays(90));
        model.addAttribute("maxExpiry", today.plusDays(AccessTokens.MAX_DAYS));
        model.addAttribute("maxName", AccessTokens.MAX_NAME);
        return "security/tokens";
    }

    @PostMapping(MINE)
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String expires,
                  RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        LocalDate today = LocalDate.now(clock.withZone(AccessTokens.VIETNAM));
        LocalDate until;
        try {
            until = expires.isBlank() ? null : LocalDate.parse(expires.strip());
        } catch (DateTimeParseException e) {
            until = null;
        }
        List<String> problems = AccessTokens.problems(name, until, today);
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
            redirect.addFlashAttribute("name", name);
            return "redirect:" + MINE;
        }
        AccessTokens.Created created = tokens.create(user, name, until);
        redirect.addFlashAttribute("createdToken", created.token());
        redirect.addFlashAttribute("createdName", created.info().name());
        return "redirect:" + MINE;
    }

    @PostMapping(MINE + "/{id}/revoke")
    String revokeMine(@PathVariable long id, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        // only his own: another user's token (or none) is answered as already gone
        boolean own = tokens.byId(id).map(t -> t.userId() == user.id()).orElse(false);
        redirect.addFlashAttribute(own && tokens.revoke(id, user) ? "revoked" : "notRevoked", true);
        return "redirect:" + MINE;
    }

    @GetMapping(ALL)
    String all(Model model) {
        CurrentUsers.require();
        model.addAttribute("tokens", tokens.all());
        model.addAttribute("now", Instant.now(clock));
        return "security/tokens-admin";
    }

    @PostMapping(ALL + "/{id}/revoke")
    String revokeAny(@PathVariable long id, RedirectAttributes redirect) {
        CurrentUser admin = CurrentUsers.require();
        if (!admin.isAdmin()) {
            throw new org.springframework.security.access.AccessDeniedException("administrators only");
        }
        redirect.addFlashAttribute(tokens.revoke(id, admin) ? "revoked" : "notRevoked", true);
        return "redirect:" + ALL;
    }
}
