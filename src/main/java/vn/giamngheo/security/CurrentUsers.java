package vn.giamngheo.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Access to the user of the current request. */
public final class CurrentUsers {

    private CurrentUsers() {
    }

    public static Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static CurrentUser require() {
        return current().orElseThrow(() -> new AccessDeniedException("not logged in"));
    }

    /** The current user, who must be allowed to change data. */
    public static CurrentUser requireEditor() {
        CurrentUser user = require();
        if (!user.canEdit()) {
            throw new AccessDeniedException("role " + user.role() + " may not change data");
        }
        return user;
    }
}
