package vn.giamngheo.security;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account for a while after repeated failed logins (guessing passwords of officers who hold
 * personal data must be slow). Thresholds are settings: {@code giamngheo.security.max-failed-logins},
 * {@code giamngheo.security.lock-minutes}.
 */
@Component
class LoginThrottle {

    private final UserAccounts accounts;
    private final int maxFailures;
    private final Duration lockFor;

    LoginThrottle(UserAccounts accounts,
                  @Value("${giamngheo.security.max-failed-logins:5}") int maxFailures,
                  @Value("${giamngheo.security.lock-minutes:15}") int lockMinutes) {
        this.accounts = accounts;
        this.maxFailures = maxFailures;
        this.lockFor = Duration.ofMinutes(lockMinutes);
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        accounts.recordFailure(String.valueOf(event.getAuthentication().getName()), maxFailures, lockFor);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        accounts.recordSuccess(event.getAuthentication().getName());
    }
}
