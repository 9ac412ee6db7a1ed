package vn.giamngheo.security;

import java.util.OptionalLong;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks user name and password (BCrypt, {@link DaoAuthenticationProvider}) only after {@link LoginThrottle} counted the
 * attempt for the account and the client address (the address Tomcat resolved: forwarded headers count only from the
 * trusted proxies of {@code giamngheo.proxy.trusted}). Used for form login and HTTP Basic alike.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(DatabaseUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = String.valueOf(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        OptionalLong wait = throttle.claim(username, address);
        if (wait.isPresent()) {
            throw new LoginDelayedException(wait.getAsLong());
        }
        Authentication result = passwords.authenticate(authentication);
        throttle.succeeded(username, address);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
