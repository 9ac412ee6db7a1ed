package vn.giamngheo.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.Problems;

/**
 * On every request of a logged-in user, one look at the account ({@code enabled}, {@code session_epoch},
 * {@code must_change_password}, by primary key):
 * <ul>
 *   <li>disabled, deleted, or its epoch moved on since this session logged in (an administrator disabled it or set a new
 *   password, or the user changed it in another session): the session ends here — pages go to the login page, the API
 *   answers 401 — and the request does nothing;</li>
 *   <li>a password set by an administrator: every page but {@value #CHANGE_PASSWORD} (and logout, static files) redirects
 *   there, the API answers 403 with a message saying so.</li>
 * </ul>
 */
final class AccountSessionFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD = "/account/password";
    private static final Set<String> OPEN_WHILE_CHANGING = Set.of(CHANGE_PASSWORD, "/logout", "/login", "/error", "/favicon.ico");
    private static final String[] STATIC = {"/css/", "/js/", "/img/", "/webjars/"};

    private final UserAccounts accounts;

    private final Problems problems;

    AccountSessionFilter(UserAccounts accounts) {
        this(accounts, new Problems(null));
    }

    AccountSessionFilter(UserAccounts accounts, Problems problems) {
        this.problems = problems;
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof CurrentUser user && user.id() > 0) {
            Optional<UserAccounts.SessionState> state = accounts.sessionState(user.id());
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean api = path.startsWith("/api/");
            if (state.isEmpty() || !state.get().enabled() || state.get().epoch() != user.sessionEpoch()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                if (api) {
                    problem(request, response, ErrorCode.SESSION_ENDED,
                            "session ended: the account was disabled or its password changed; log in again");
                } else {
                    response.sendRedirect(request.getContextPath() + "/login?ended");
                }
                return;
            }
            if (state.get().mustChangePassword() && !openWhileChanging(path)) {
                if (api) {
                    problem(request, response, ErrorCode.PASSWORD_CHANGE_REQUIRED,
                            "password change required: an administrator set this account's password; change it at "
                                    + CHANGE_PASSWORD + " first");
                } else {
                    response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean openWhileChanging(String path) {
        if (OPEN_WHILE_CHANGING.contains(path)) {
            return true;
        }
        for (String prefix : STATIC) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
            throws IOException {
        problems.write(request, response, Problems.Classified.of(code).withMessage(message));
    }
}
