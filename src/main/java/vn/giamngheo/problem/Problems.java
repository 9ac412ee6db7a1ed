package vn.giamngheo.problem;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns any error into an entry of the {@link ErrorCode catalogue} and writes it as RFC 9457 problem details
 * ({@code application/problem+json}): {@code type}, {@code title}, {@code status}, {@code detail} (the entry's message
 * in the user's language), {@code instance} (a URN of the occurrence, in the log with the request), and the extension members {@code code} (e.g.
 * {@code GN-1002}), {@code message} (the module's own sentence, as the former error bodies carried it) and {@code error}
 * (the entry's message, or the module's short word for a refusal with a list of problems) and what the module adds (a list of {@code problems}, the {@code current} version…). No text of a library, no
 * class name and no file path of the server reaches the body.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private static final Log LOG = LogFactory.getLog(Problems.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final String LANGUAGE_COOKIE = "giamngheo-lang";
    private static final String OCCURRENCE = Problems.class.getName() + ".occurrence";

    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    /** {@code messages} null (unit tests of a filter): the codes stand for the texts. */
    public Problems(@Nullable MessageSource messages) {
        this.messages = messages;
    }

    /** What an error is in the catalogue's terms. */
    public record Classified(ErrorCode code, Object[] args, @Nullable String message, @Nullable ErrorCoded coded,
                             HttpHeaders headers) {
        public static Classified of(ErrorCode code, Object... args) {
            return new Classified(code, args, null, null, HttpHeaders.EMPTY);
        }

        public Classified withMessage(String text) {
            return new Classified(code, args, text, coded, headers);
        }
    }

    /** Whether the request is one of the API's (its errors are problem details; a page's are the error page). */
    public static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri != null && uri.startsWith((context == null ? "" : context) + "/api/");
    }

    /**
     * The language of an answer: the language chosen in the application ({@code ?lang=} or its cookie), else the first
     * of Vietnamese and English the request's Accept-Language names, else Vietnamese.
     */
    public static Locale locale(HttpServletRequest request) {
        String chosen;
        try {
            chosen = request.getParameter("lang");
        } catch (RuntimeException e) {
            chosen = null; // parameters that cannot be read: the cookie and the header still say the language
        }
        if (chosen == null && request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (LANGUAGE_COOKIE.equals(c.getName())) {
                    chosen = c.getValue();
                }
            }
        }
        if (chosen != null) {
            return chosen.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : VIETNAMESE;
        }
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
            for (Locale l : Collections.list(request.getLocales())) {
                if ("vi".equals(l.getLanguage())) {
                    return VIETNAMESE;
                }
                if ("en".equals(l.getLanguage())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return VIETNAMESE;
    }

    /** The entry of the catalogue an exception is answered with (the cause's, when the exception only wraps it). */
    public Classified classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ErrorCoded coded) {
                return new Classified(coded.errorCode(), coded.errorArgs(), coded.errorMessage(), coded, HttpHeaders.EMPTY);
            }
        }
        HttpHeaders headers = e instanceof ErrorResponse r ? r.getHeaders() : HttpHeaders.EMPTY;
        Classified c;
        if (e instanceof MissingServletRequestParameterException m) {
            c = Classified.of(ErrorCode.MISSING_PARAMETER, m.getParameterName())
                    .withMessage("parameter '" + m.getParameterName() + "' is required");
        } else if (e instanceof MissingServletRequestPartException m) {
            c = Classified.of(ErrorCode.MISSING_PARAMETER, m.getRequestPartName())
                    .withMessage("part '" + m.getRequestPartName() + "' is required");
        } else if (e instanceof TypeMismatchException m) {
            c = Classified.of(ErrorCode.BAD_PARAMETER, name(m), String.valueOf(m.getValue()))
                    .withMessage("parameter '" + name(m) + "' is '" + m.getValue() + "': expected " + expected(m));
        } else if (e instanceof HttpMessageNotReadableException) {
            c = Classified.of(ErrorCode.UNREADABLE_BODY)
                    .withMessage("the body must be JSON with the documented fields (dates as YYYY-MM-DD)");
        } else if (e instanceof BindException || e instanceof HandlerMethodValidationException) {
            c = Classified.of(ErrorCode.INVALID_DATA);
        } else if (e instanceof MaxUploadSizeExceededException) {
            c = Classified.of(ErrorCode.TOO_LARGE);
        } else if (e instanceof MultipartException) {
            c = Classified.of(ErrorCode.NOT_MULTIPART).withMessage("a file upload (multipart/form-data) was expected");
        } else if (e instanceof HttpRequestMethodNotSupportedException m) {
            c = Classified.of(ErrorCode.METHOD_NOT_ALLOWED, m.getMethod());
        } else if (e instanceof HttpMediaTypeNotAcceptableException) {
            c = Classified.of(ErrorCode.NOT_ACCEPTABLE);
        } else if (e instanceof HttpMediaTypeNotSupportedException) {
            c = Classified.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        } else if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            c = Classified.of(ErrorCode.NOT_FOUND);
        } else if (e instanceof AccessDeniedException) {
            c = Classified.of(ErrorCode.FORBIDDEN);
        } else if (e instanceof AuthenticationException) {
            c = Classified.of(ErrorCode.AUTHENTICATION_REQUIRED);
        } else if (e instanceof OptimisticLockingFailureException) {
            c = Classified.of(ErrorCode.CONFLICT);
        } else if (e instanceof ErrorResponse r) {
            c = Classified.of(ErrorCode.forStatus(r.getStatusCode().value())).withMessage(r.getBody().getDetail());
        } else if (e instanceof IllegalArgumentException || e instanceof DateTimeParseException) {
            c = Classified.of(ErrorCode.BAD_REQUEST).withMessage(e.getMessage());
        } else {
            c = annotated(e);
        }
        return new Classified(c.code(), c.args(), c.message(), null, headers);
    }

    private static Classified annotated(Throwable e) {
        ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        if (status != null) {
            return Classified.of(ErrorCode.forStatus(status.code().value())).withMessage(e.getMessage());
        }
        return Classified.of(ErrorCode.INTERNAL);
    }

    private static String name(TypeMismatchException e) {
        return e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m ? m.getName()
                : e.getPropertyName();
    }

    private static String expected(TypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        if (type == null) {
            return "a valid value";
        }
        if (type == LocalDate.class) {
            return "an ISO date like 2025-06-30";
        }
        boolean number = Number.class.isAssignableFrom(type) || type == int.class || type == long.class
                || type == double.class || type == short.class;
        return number ? "a number" : "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** The problem's members, in the language of the request. */
    public Map<String, Object> body(Classified c, HttpServletRequest request) {
        Locale locale = locale(request);
        ErrorCode code = c.code();
        String detail = text(code.messageKey(), c.args(), code.code(), locale);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.type());
        body.put("title", text("problem.status." + code.status(), null, String.valueOf(code.status()), locale));
        body.put("status", code.status());
        body.put("detail", detail);
        body.put("instance", occurrence(request));
        body.put("code", code.code());
        String message = c.message() == null || Internals.quoted(c.message()) ? detail : c.message();
        body.put("message", message);
        body.put("error", detail);
        if (c.coded() != null) {
            c.coded().errorMembers((key, args, fallback) -> text(key, args, fallback, locale)).forEach(body::put);
        }
        return body;
    }

    /** The answer of the handler: status, headers (Allow of a 405…) and body. */
    public org.springframework.http.ResponseEntity<Map<String, Object>> entity(Classified c, HttpServletRequest request) {
        return org.springframework.http.ResponseEntity.status(c.code().status()).headers(c.headers())
                .contentType(PROBLEM_JSON).body(body(c, request));
    }

    /** Writes a problem straight to the response: for filters and Spring Security, before any controller. */
    public void write(HttpServletRequest request, HttpServletResponse response, Classified c) throws IOException {
        response.setStatus(c.code().status());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(PROBLEM_JSON.toString());
        response.getWriter().write(json.writeValueAsString(body(c, request)));
    }

    /** The model of the one error page: status, code and message in the user's language. */
    public Map<String, Object> pageModel(Classified c, HttpServletRequest request, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", c.code().status());
        model.put("code", c.code().code());
        model.put("errorTitle", text("problem.status." + c.code().status(), null, String.valueOf(c.code().status()), locale));
        model.put("message", text(c.code().messageKey(), c.args(), c.code().code(), locale));
        return model;
    }

    /** Logs what is the server's fault (5xx) with its stack trace; a client's error only at debug level. */
    public static void log(Classified c, Throwable e, HttpServletRequest request) {
        String what = c.code().code() + " " + occurrence(request) + " " + request.getMethod() + " " + request.getRequestURI();
        if (c.code().status() >= 500) {
            LOG.error(what, e);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug(what + ": " + e);
        }
    }

    /**
     * The {@code instance} member: a URN naming this occurrence, logged with the request's method, path and code
     * (at debug level for a client's error, with the stack trace for the server's). Not the path itself: the path
     * may carry what the request sent (a code, a name), which the module's own sentence may already repeat.
     */
    private static String occurrence(HttpServletRequest request) {
        Object known = request.getAttribute(OCCURRENCE);
        if (known instanceof String s) {
            return s;
        }
        String id = "urn:giamngheo:occurrence:" + java.util.UUID.randomUUID();
        request.setAttribute(OCCURRENCE, id);
        return id;
    }

    private String text(String key, @Nullable Object[] args, String fallback, Locale locale) {
        Object[] safe = args == null ? null : java.util.Arrays.stream(args)
                .map(a -> a instanceof String s && Internals.quoted(s) ? "?" : a).toArray();
        return messages == null ? fallback : messages.getMessage(key, safe, fallback, locale);
    }
}
