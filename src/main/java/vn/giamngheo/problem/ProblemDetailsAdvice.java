package vn.giamngheo.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The one handler of the web edge: every exception of every controller. Under {@code /api/} the answer is the
 * problem details of its {@link ErrorCode catalogue} entry; on a page it is the one error page with the same code and
 * message. The modules' exceptions are read through {@link ErrorCoded}; Spring's own (a parameter of the wrong type,
 * a body that is no JSON, a method not allowed…) by {@link Problems#classify}. On a page, a refusal of Spring Security
 * is left to Spring Security (the login page for an anonymous user, the error page with 403 for the others).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice {

    private final Problems problems;

    ProblemDetailsAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Exception.class)
    Object handle(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        boolean api = Problems.isApi(request);
        if (!api && (e instanceof AccessDeniedException || e instanceof AuthenticationException)) {
            throw e; // Spring Security's ExceptionTranslationFilter answers (login page or the error page)
        }
        Problems.Classified c = problems.classify(e);
        Problems.log(c, e, request);
        if (api) {
            return problems.entity(c, request);
        }
        c.headers().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        ModelAndView page = new ModelAndView("error", problems.pageModel(c, request, RequestContextUtils.getLocale(request)));
        page.setStatus(HttpStatusCode.valueOf(c.code().status()));
        return page;
    }
}
