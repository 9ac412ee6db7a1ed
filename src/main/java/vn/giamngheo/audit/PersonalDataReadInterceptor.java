package vn.giamngheo.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every answered read of a personal-data route ({@link PersonalDataRoutes}) by a logged-in user: in the
 * request's own thread before the answer is complete, so that no read the user received is left unaudited. Refused
 * requests (status 400 and above) show nothing and are not recorded here (refusals of access are in the server log).
 */
class PersonalDataReadInterceptor implements HandlerInterceptor {

    private final PersonalDataReads reads;

    PersonalDataReadInterceptor(PersonalDataReads reads) {
        this.reads = reads;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) || ex != null
                || response.getStatus() >= 400) {
            return;
        }
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        PersonalDataRoutes.of(pattern).ifPresent(route -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !auth.isAuthenticated()) {
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) request.getAttribute(
                    HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String query = request.getQueryString();
            reads.record(role(auth), pattern, request.getRequestURI() + (query == null ? "" : "?" + query),
                    id(variables, route.householdVariable()), id(variables, route.roundVariable()), response.getStatus());
        });
    }

    private static String role(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length())).findFirst().orElse(null);
    }

    private static Long id(Map<String, String> variables, String name) {
        if (name == null || variables == null) {
            return null;
        }
        String value = variables.get(name);
        return value != null && value.matches("\\d{1,18}") ? Long.valueOf(value) : null;
    }
}
