package vn.giamngheo.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The {@code /error} fallback of the container (an error sent by a filter, Spring Security's 403, an exception that
 * left the dispatcher): a request of the API gets the problem details of the status's (or the exception's) entry of
 * the catalogue, a page the one error page. Replaces Spring Boot's error controller.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private final Problems problems;

    ProblemErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        Problems.Classified c = classified(request);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean api = uri instanceof String s ? s.startsWith(request.getContextPath() + "/api/") : Problems.isApi(request);
        if (api) {
            ResponseEntity<Map<String, Object>> entity = problems.entity(c, request);
            return entity;
        }
        ModelAndView page = new ModelAndView("error", problems.pageModel(c, request, RequestContextUtils.getLocale(request)));
        page.setStatus(HttpStatusCode.valueOf(c.code().status()));
        return page;
    }

    private Problems.Classified classified(HttpServletRequest request) {
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (error instanceof Throwable t) {
            Problems.Classified c = problems.classify(t);
            Problems.log(c, t, request);
            return c;
        }
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i ? i : 404;
        return Problems.Classified.of(ErrorCode.forStatus(code));
    }
}
