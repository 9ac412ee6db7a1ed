package vn.giamngheo.security;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A login attempt refused without checking its password because its account or address must still wait
 * ({@link LoginThrottle}). An {@link AccountStatusException}, so no other authentication provider is asked.
 */
public class LoginDelayedException extends AccountStatusException {

    private final long seconds;

    public LoginDelayedException(long seconds) {
        super("too many login attempts: wait " + seconds + " s");
        this.seconds = seconds;
    }

    public long seconds() {
        return seconds;
    }
}
