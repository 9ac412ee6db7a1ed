package vn.giamngheo.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.Problems;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Login with hashed passwords, pages behind a form login, the API behind the same accounts (session or
 * HTTP Basic without a browser challenge), every password check throttled ({@link LoginThrottle}), CSRF on every
 * changing request, sessions that end with their account ({@link AccountSessionFilter}), strict security headers
 * (HSTS on HTTPS requests; behind a proxy only when a trusted proxy says so, {@code giamngheo.proxy.trusted}).
 * Which data a user sees is decided by {@link AccessScope} in every query, not here — except for helpers
 * ({@link Role#HELPER}), who reach only the few paths of {@link #HELPER_PATHS} (the households assigned to them and
 * their visits; the controllers check the assignment) and get 403 everywhere else, and agency officers
 * ({@link Role#AGENCY_OFFICER}), likewise closed to all but {@link #AGENCY_OFFICER_PATHS}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    private static final RequestMatcher API = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");

    /** What a helper may reach (GET unless marked POST); the controllers behind them check the assignment. */
    static final String[] HELPER_PATHS = {"/", "/escape/mine", "/escape/households/*", "/api/v1/escape/assignments/mine",
        "/api/v1/escape/assignments/*", "POST /escape/assignments/*/visits", "POST /api/v1/escape/assignments/*/visits",
        AccountSessionFilter.CHANGE_PASSWORD, "POST " + AccountSessionFilter.CHANGE_PASSWORD,
        // the field app's standard (h6; covered by /api/v1/field/** once the field sync adds it)
        "/api/v1/field/standards/*"};

    /**
     * What an agency officer may reach (GET unless marked POST): their agency's tasks and output reports (the
     * controllers check the agency and the area), and their password.
     */
    static final String[] AGENCY_OFFICER_PATHS = {"/", "/tasks/mine", "/tasks/*", "/task-reports/*",
        "/api/v1/tasks/mine", "/api/v1/tasks/*", "/api/v1/task-reports/*",
        "POST /tasks/*/reports", "POST /task-reports/*", "POST /task-reports/*/submit",
        "POST /api/v1/tasks/*/reports", "POST /api/v1/task-reports/*", "POST /api/v1/task-reports/*/submit",
        AccountSessionFilter.CHANGE_PASSWORD, "POST " + AccountSessionFilter.CHANGE_PASSWORD};

    /** Logged in and neither a helper nor an agency officer. */
    private static final AuthorizationManager<RequestAuthorizationContext> STAFF = AuthorizationManagers.allOf(
            AuthenticatedAuthorizationManager.authenticated(),
            AuthorizationManagers.not(AuthorityAuthorizationManager.hasAnyRole(Role.HELPER.name(), Role.AGENCY_OFFICER.name())));

    /** Logged in and not an agency officer (the helper's paths). */
    private static final AuthorizationManager<RequestAuthorizationContext> NOT_AGENCY_OFFICER = AuthorizationManagers.allOf(
            AuthenticatedAuthorizationManager.authenticated(),
            AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Role.AGENCY_OFFICER.name())));

    /** Logged in and not a helper (the agency officer's paths). */
    private static final AuthorizationManager<RequestAuthorizationContext> NOT_HELPER = AuthorizationManagers.allOf(
            AuthenticatedAuthorizationManager.authenticated(),
            AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Role.HELPER.name())));

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserAccounts accounts, DatabaseUserDetailsService users,
                                            PasswordEncoder encoder, LoginThrottle throttle, Problems problems,
                                            AccessTokens tokens) throws Exception {
        // one provider and no parent: every password check goes through the throttle, form login and HTTP Basic alike
        ProviderManager authentication = new ProviderManager(new ThrottledAuthenticationProvider(users, encoder, throttle));
        http
            .authenticationManager(authentication)
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico").permitAll()
                // parameters and the holiday calendar are read by everyone, changed by administrators
                .requestMatchers(HttpMethod.GET, "/admin/parameters", "/admin/holidays").access(STAFF)
                .requestMatchers("/audit/**", "/api/v1/audit/**", "/admin/**").hasRole(Role.ADMINISTRATOR.name())
                // the paths both closed roles share (the start page, their password), then each role's own
                .requestMatchers(HttpMethod.GET, "/", AccountSessionFilter.CHANGE_PASSWORD).authenticated()
                .requestMatchers(HttpMethod.POST, AccountSessionFilter.CHANGE_PASSWORD).authenticated()
                .requestMatchers(HttpMethod.GET, paths(HELPER_PATHS, HttpMethod.GET)).access(NOT_AGENCY_OFFICER)
                .requestMatchers(HttpMethod.POST, paths(HELPER_PATHS, HttpMethod.POST)).access(NOT_AGENCY_OFFICER)
                .requestMatchers(HttpMethod.GET, paths(AGENCY_OFFICER_PATHS, HttpMethod.GET)).access(NOT_HELPER)
                .requestMatchers(HttpMethod.POST, paths(AGENCY_OFFICER_PATHS, HttpMethod.POST)).access(NOT_HELPER)
                .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                .anyRequest().access(STAFF))
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
                .failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath()
                        + (exception instanceof LoginDelayedException delayed ? "/login?error&wait=" + delayed.seconds() : "/login?error"))))
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
            .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint(problems)))
            .exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor(apiEntryPoint(problems), API)
                .defaultAccessDeniedHandlerFor((request, response, denied) -> problems.write(request, response,
                        Problems.Classified.of(ErrorCode.FORBIDDEN)), API)
                // pages: the container's error page (the one error page, with the code of a 403); a second default
                // is needed, Spring Security uses a single one for every request
                .defaultAccessDeniedHandlerFor(new org.springframework.security.web.access.AccessDeniedHandlerImpl(),
                        request -> true)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true))
            // CSRF on every changing request, whatever its headers (issue 17: a request header is no proof that no
            // browser sent it), except the requests a personal access token authenticated (BearerTokenFilter, issue 20)
            .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter.TOKEN_AUTHENTICATED))
            .addFilterBefore(new BearerTokenFilter(tokens, problems), org.springframework.security.web.csrf.CsrfFilter.class)
            // a session ends with its account (disabled, new password) and a password set by an administrator is
            // changed before anything else
            .addFilterBefore(new AccountSessionFilter(accounts, problems), AuthorizationFilter.class)
            .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static String[] paths(String[] allowed, HttpMethod method) {
        return java.util.Arrays.stream(allowed)
                .filter(p -> method == HttpMethod.POST ? p.startsWith("POST ") : !p.startsWith("POST "))
                .map(p -> p.startsWith("POST ") ? p.substring(5) : p).toArray(String[]::new);
    }

    /** 401 as problem details and no WWW-Authenticate challenge, so browsers never cache Basic credentials. */
    private static AuthenticationEntryPoint apiEntryPoint(Problems problems) {
        return (request, response, exception) -> problems.write(request, response,
                Problems.Classified.of(ErrorCode.AUTHENTICATION_REQUIRED).withMessage("authentication required"));
    }
}
