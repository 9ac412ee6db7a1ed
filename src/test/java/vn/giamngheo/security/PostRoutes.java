package vn.giamngheo.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The POST routes of the pages (not of {@code /api/}), discovered from the request mappings, and among them the edit
 * handlers: the POSTs {@link EditVersionGuardTest#isEdit} calls an edit of a stored thing and that take the version it
 * was read at. The guard of the edit forms must save a form to each of them unchanged.
 */
final class PostRoutes {

    private final List<PathPattern> posts = new ArrayList<>();
    private final Set<String> editHandlers = new TreeSet<>();
    private final Set<String> versionedActions = new TreeSet<>();

    PostRoutes(RequestMappingHandlerMapping mappings) {
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                continue;
            }
            for (String pattern : e.getKey().getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    continue;
                }
                posts.add(PathPatternParser.defaultInstance.parse(pattern));
                if (!EditVersionGuardTest.carriesVersion(e.getValue())) {
                    continue;
                }
                (EditVersionGuardTest.isEdit(RequestMethod.POST, pattern) ? editHandlers : versionedActions).add(pattern);
            }
        }
    }

    /** The patterns of the edit handlers, sorted. */
    Set<String> editHandlers() {
        return editHandlers;
    }

    /** The patterns of the other POSTs that take a version: actions on a stored thing (approve, delete…), sorted. */
    Set<String> versionedActions() {
        return versionedActions;
    }

    /** The pattern of the edit handler a form's action reaches (the most specific POST route it matches), or null. */
    String editHandler(String action) {
        PathContainer path = PathContainer.parsePath(action.replaceAll("[?#].*", ""));
        return posts.stream().filter(p -> p.matches(path)).min(Comparator.naturalOrder()).map(PathPattern::getPatternString)
                .filter(editHandlers::contains).orElse(null);
    }
}
