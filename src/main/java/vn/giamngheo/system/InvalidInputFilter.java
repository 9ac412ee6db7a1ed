package vn.giamngheo.system;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Input no page or API can use is answered 400 before any of them sees it (a NUL reached PostgreSQL as a query
 * parameter and came back as a 500): a NUL or another control character (tab and line breaks excepted) in a
 * parameter's name or value or in the address, a malformed percent-encoding ({@code %zz}, a lone {@code %}), bytes
 * that are not UTF-8, a parameter longer than {@link #MAX_PARAMETER_CHARS} characters, and parameters the container
 * cannot read at all. Anyone asking for {@code /error} directly (not as the container's error dispatch) gets 404.
 * Pages get the error page, the API ({@code /api/…}) a JSON body in its usual shape; neither quotes the input.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class InvalidInputFilter extends OncePerRequestFilter {

    /** Longer parameter values are refused: no form field of the application comes near (files come as parts). */
    public static final int MAX_PARAMETER_CHARS = 100_000;

    private static final java.util.Locale VIETNAMESE = java.util.Locale.forLanguageTag("vi");

    private final org.springframework.context.MessageSource messages;

    /** The page's texts come from {@code messages}; null (unit tests) uses the texts written here. */
    public InvalidInputFilter(@org.springframework.lang.Nullable org.springframework.context.MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = problem(request);
        if (problem != null) {
            logger.debug("refused " + request.getMethod() + " " + path(request) + ": " + problem);
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "invalid request: " + problem);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.REQUEST && "/error".equals(path(request))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND); // the application's error page (or JSON)
            return;
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** What is wrong with the request's address and parameters, in words that quote nothing of them; null if nothing. */
    static String problem(HttpServletRequest request) {
        String raw = rawProblem(request.getRequestURI(), "address");
        if (raw == null) {
            raw = rawProblem(request.getQueryString(), "query");
        }
        if (raw != null) {
            return raw;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) {
            return "the parameters cannot be read";
        }
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            String name = textProblem(e.getKey());
            if (name != null) {
                return "a parameter name " + name;
            }
            for (String value : e.getValue()) {
                String v = textProblem(value);
                if (v != null) {
                    return "a parameter value " + v;
                }
            }
        }
        return null;
    }

    /** Checks an address or query string as sent (percent-encoded). */
    static String rawProblem(String raw, String what) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.length() > MAX_PARAMETER_CHARS) {
            return "the " + what + " is too long";
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return "the " + what + " has a malformed percent-encoding";
                }
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return "the " + what + " is not UTF-8";
        }
        for (int i = 0; i < decoded.length(); i++) {
            if (control(decoded.charAt(i))) {
                return "the " + what + " has a control character";
            }
        }
        return null;
    }

    /** Checks a decoded parameter name or value. */
    static String textProblem(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_PARAMETER_CHARS) {
            return "is longer than " + MAX_PARAMETER_CHARS + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (control(c)) {
                return "has a control character";
            }
            if (c == '\uFFFD') {
                return "is not UTF-8";
            }
            if (Character.isHighSurrogate(c) ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i))
                    : Character.isLowSurrogate(c)) {
                return "is not UTF-8";
            }
        }
        return null;
    }

    private static boolean control(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /**
     * Answers here, without the container's error dispatch: the error page would read the same parameters again
     * and fail on them (the container then logs a stack trace and shows its own page).
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        if (path(request).startsWith("/api/")) {
            Problems.Classified problem = Problems.Classified.of(ErrorCode.forStatus(status) == ErrorCode.BAD_REQUEST
                    ? ErrorCode.INVALID_INPUT : ErrorCode.forStatus(status)).withMessage(message);
            new Problems(messages).write(request, response, problem);
        } else {
            response.setContentType("text/html");
            String context = request.getContextPath();
            String title = HtmlUtils.htmlEscape(text("error.invalid-input.title", VIETNAMESE, "Yêu cầu không hợp lệ", status));
            response.getWriter().write("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"UTF-8\"><title>" + title
                    + "</title><link rel=\"stylesheet\" href=\"" + context + "/css/app.css\"></head><body><main><h1>" + title
                    + "</h1><p>" + HtmlUtils.htmlEscape(text("error.invalid-input.text", VIETNAMESE,
                            "Địa chỉ hoặc dữ liệu gửi lên có ký tự không được phép.", status))
                    + "</p><p lang=\"en\">" + HtmlUtils.htmlEscape(text("error.invalid-input.text", java.util.Locale.ENGLISH,
                            "The address or the data sent contains characters that are not allowed.", status))
                    + "</p><p><a href=\"" + context + "/\">" + HtmlUtils.htmlEscape(text("error.home", VIETNAMESE,
                            "Về trang chủ", status)) + "</a></p></main></body></html>\n");
        }
    }

    private String text(String key, java.util.Locale locale, String fallback, int status) {
        return messages == null ? fallback : messages.getMessage(key, new Object[] {status}, fallback, locale);
    }
}
