package vn.giamngheo.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.Problems;

/**
 * {@code Authorization: Bearer gnp_…} on a request of the API ({@code /api/…}): the request acts as the token's user
 * ({@link AccessTokens}), with the user's role and area, for this request only (nothing is kept in a session). A
 * session cookie sent along is ignored: the request is the token's alone. An unknown, revoked or expired token, or one
 * of a disabled account, is answered 401 with problem details here, before anything else runs. Only requests
 * authenticated so carry {@link #AUTHENTICATED}, the one thing that exempts a request from CSRF
 * ({@link #TOKEN_AUTHENTICATED}): a browser cannot make a cross-site request with this header without CORS, which the
 * application does not allow. Outside the API the header is ignored (pages stay behind the login).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    /** Request attribute: the request was authenticated by a personal access token. */
    static final String AUTHENTICATED = BearerTokenFilter.class.getName() + ".authenticated";

    /** The requests exempt from CSRF: those this filter authenticated by a token, and no other. */
    static final RequestMatcher TOKEN_AUTHENTICATED = request -> Boolean.TRUE.equals(request.getAttribute(AUTHENTICATED));

    private static final String BEARER = "Bearer ";

    private final AccessTokens tokens;
    private final Problems problems;

    BearerTokenFilter(AccessTokens tokens, Problems problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
        Optional<CurrentUser> user = tokens.authenticate(token);
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            problems.write(request, response, Problems.Classified.of(ErrorCode.AUTHENTICATION_REQUIRED)
                    .withMessage("the access token is unknown, revoked or expired, or its account is disabled"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(user.get()));
        SecurityContextHolder.setContext(context);
        request.setAttribute(AUTHENTICATED, Boolean.TRUE);
        tokens.used(token);
        chain.doFilter(request, response);
    }

    /** The token's user, authenticated; the token itself is not kept. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {

        private final CurrentUser user;

        TokenAuthentication(CurrentUser user) {
            super(user.getAuthorities());
            this.user = user;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return user;
        }

        @Override
        public String getName() {
            return user.getUsername();
        }
    }
}
