package vn.giamngheo.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Login with hashed passwords, pages behind a form login, the API behind the same accounts (session or
 * HTTP Basic without a browser challenge), CSRF on every browser form, strict security headers.
 * Which data a user sees is decided by {@link AccessScope} in every query, not here — except for helpers
 * ({@link Role#HELPER}), who reach only the few paths of {@link #HELPER_PATHS} (the households assigned to them and
 * their visits; the controllers check the assignment) and get 403 everywhere else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

    private static final RequestMatcher API = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");

    /** What a helper may reach (GET unless marked POST); the controllers behind them check the assignment. */
    static final String[] HELPER_PATHS = {"/", "/escape/mine", "/escape/households/*", "/api/v1/escape/assignments/mine",
        "/api/v1/escape/assignments/*", "POST /escape/assignments/*/visits", "POST /api/v1/escape/assignments/*/visits"};

    /** Logged in and not a helper. */
    private static final AuthorizationManager<RequestAuthorizationContext> STAFF = AuthorizationManagers.allOf(
            AuthenticatedAuthorizationManager.authenticated(),
            AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Role.HELPER.name())));

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico").permitAll()
                // parameters and the holiday calendar are read by everyone, changed by administrators
                .requestMatchers(HttpMethod.GET, "/admin/parameters", "/admin/holidays").access(STAFF)
                .requestMatchers("/audit/**", "/api/v1/audit/**", "/admin/**").hasRole(Role.ADMINISTRATOR.name())
                .requestMatchers(HttpMethod.GET, helperPaths(HttpMethod.GET)).authenticated()
                .requestMatchers(HttpMethod.POST, helperPaths(HttpMethod.POST)).authenticated()
                .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                .anyRequest().access(STAFF))
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
            .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint()))
            .exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor(apiEntryPoint(), API)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true))
            // API clients that authenticate with an Authorization header are not browsers carrying a
            // session cookie: CSRF does not apply to them. Browser forms always carry the CSRF token.
            .csrf(csrf -> csrf.ignoringRequestMatchers(request -> API.matches(request)
                    && request.getHeader("Authorization") != null))
            .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static String[] helperPaths(HttpMethod method) {
        return java.util.Arrays.stream(HELPER_PATHS)
                .filter(p -> method == HttpMethod.POST ? p.startsWith("POST ") : !p.startsWith("POST "))
                .map(p -> p.startsWith("POST ") ? p.substring(5) : p).toArray(String[]::new);
    }

    /** 401 with a JSON body and no WWW-Authenticate challenge, so browsers never cache Basic credentials. */
    private static AuthenticationEntryPoint apiEntryPoint() {
        return (request, response, exception) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"status\":401,\"error\":\"authentication required\"}");
        };
    }
}
