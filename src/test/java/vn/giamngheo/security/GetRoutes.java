package vn.giamngheo.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every GET route of the application, discovered from the request mappings (the enumeration of the endpoint walks,
 * shared with the guard of the reader conventions).
 */
public final class GetRoutes {

    private GetRoutes() {
    }

    /** One row per pattern of a GET (or any-method) mapping. */
    public record Route(String pattern, HandlerMethod handler) {
    }

    public static List<Route> of(ApplicationContext context) {
        List<Route> found = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                    continue;
                }
                for (String pattern : e.getKey().getPatternValues()) {
                    found.add(new Route(pattern, e.getValue()));
                }
            }
        }
        return found;
    }
}
